package org.bulwark.custody;

import org.bulwark.ledger.exchange.Names;

/** An asset's inventory tag: the label stuck on the equipment, unique in the state's inventory. */
public record AssetTag(String value) implements Comparable<AssetTag> {
    public AssetTag {
        Names.check("asset tag", value);
    }

    @Override
    public int compareTo(AssetTag o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

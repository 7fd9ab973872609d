package org.bulwark.custody;

import java.util.Objects;
import org.bulwark.ledger.exchange.Names;

/** A seal seen on an item at a transfer: which item, which seal point, the number read off the seal. */
public record SealCheck(AssetTag asset, String point, long number) {
    public SealCheck {
        Objects.requireNonNull(asset, "asset");
        Names.check("seal point", point);
        SealStock.checkNumber(number);
    }
}

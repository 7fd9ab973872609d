package org.bulwark.custody;

import org.bulwark.ledger.exchange.Names;

/** A person who signs a custody record, with the party they represent ("Democratic", "Republican"). */
public record Person(String name, String party) {
    public Person {
        Names.check("a signer's name", name);
        Names.check("the party of " + name, party);
    }

    @Override
    public String toString() {
        return name + " (" + party + ")";
    }
}

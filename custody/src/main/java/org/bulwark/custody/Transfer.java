package org.bulwark.custody;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.Names;

/**
 * A custody transfer (EAC Chain of Custody Best Practices; 15 CSR 30-10.160): items moving from one
 * person and place to another, why, the seals found on arrival, the items' condition, and the
 * statement that no election material was added, subtracted or altered ({@code changes} empty), or
 * what was. Signed by two people of different major parties.
 */
public record Transfer(List<AssetTag> items, String fromPerson, String fromPlace, String toPerson, String toPlace,
        String purpose, List<SealCheck> sealsOnArrival, String condition, Optional<String> changes, TwoPeople signedBy) {
    public Transfer {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a transfer moves at least one item");
        }
        if (items.stream().distinct().count() != items.size()) {
            throw new IllegalArgumentException("an item is listed twice in the transfer: " + items);
        }
        Names.check("from person", fromPerson);
        Names.check("from place", fromPlace);
        Names.check("to person", toPerson);
        Names.check("to place", toPlace);
        Names.check("purpose", purpose);
        sealsOnArrival = List.copyOf(sealsOnArrival);
        for (SealCheck s : sealsOnArrival) {
            if (!items.contains(s.asset())) {
                throw new IllegalArgumentException("a seal is given for " + s.asset() + ", which is not among the items moved");
            }
        }
        Names.check("condition", condition);
        changes.ifPresent(c -> Names.check("changes", c));
        Objects.requireNonNull(signedBy, "signedBy");
    }

    /** The statement as it is printed and logged. */
    public String statement() {
        return changes.map(c -> "Election material was added, subtracted or altered: " + c)
                .orElse("No election material was added, subtracted or altered.");
    }
}

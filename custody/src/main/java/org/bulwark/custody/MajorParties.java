package org.bulwark.custody;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bulwark.ledger.exchange.Names;

/**
 * The state's major parties. RSMo 115.081 and 15 CSR 30-10 ask that seal checks, custody transfers
 * and L&A be witnessed by one member of each major party; Missouri's are configurable, by default
 * Democratic and Republican.
 */
public record MajorParties(List<String> names) {
    public static final MajorParties MISSOURI = new MajorParties(List.of("Democratic", "Republican"));

    public MajorParties {
        names = List.copyOf(names);
        if (names.size() < 2) {
            throw new IllegalArgumentException("at least two major parties are needed for a bipartisan pair, not " + names);
        }
        names.forEach(n -> Names.check("a major party", n));
    }

    /** Why this pair may not sign together, or empty when they may: each of a major party, and not the same one. */
    public Optional<String> refusal(TwoPeople pair) {
        for (Person p : List.of(pair.first(), pair.second())) {
            if (find(p.party()).isEmpty()) {
                return Optional.of(p.name() + "'s party \"" + p.party() + "\" is not a major party (" + String.join(", ", names)
                        + "): the two signers must be one of each of two different major parties");
            }
        }
        if (find(pair.first().party()).equals(find(pair.second().party()))) {
            return Optional.of(pair.first().name() + " and " + pair.second().name() + " are both " + find(pair.first().party()).orElseThrow()
                    + ": the two signers must be of different major parties");
        }
        if (pair.first().name().equalsIgnoreCase(pair.second().name())) {
            return Optional.of("the two signers must be two different people, not " + pair.first().name() + " twice");
        }
        return Optional.empty();
    }

    private Optional<String> find(String party) {
        String p = party.toLowerCase(Locale.ROOT);
        return names.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(p)).findFirst();
    }
}

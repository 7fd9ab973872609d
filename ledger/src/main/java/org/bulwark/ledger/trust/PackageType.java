package org.bulwark.ledger.trust;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.ledger.keys.KeyRole;

/**
 * The kinds of signed package, each with its own rule for who may sign it and its own
 * domain-separation prefix, so that a signature over one kind can never be passed off as another
 * (docs/packages-and-keys.md, "Who may sign what").
 */
public sealed interface PackageType {
    /** Definition, settings and certified software fingerprints, sent to devices before an election. */
    record Election() implements PackageType {}

    /** CVRs, tallies, device event log and paper-record hashes, from a device (or from central count). */
    record Results() implements PackageType {}

    /** Chain-of-custody records (seals, transfers) of a local election authority. */
    record Custody() implements PackageType {}

    /** Audit manifests, samples and hand-count results. */
    record Audit() implements PackageType {}

    /** Every kind, for tests and help texts. */
    List<PackageType> ALL = List.of(new Election(), new Results(), new Custody(), new Audit());

    /** The word in manifests and on the command line. */
    default String word() {
        return switch (this) {
            case Election e -> "election";
            case Results r -> "results";
            case Custody c -> "custody";
            case Audit a -> "audit";
        };
    }

    /** "an election package", "an audit package", "a results package": for messages. */
    default String aPackage() {
        return ("aeiou".indexOf(word().charAt(0)) >= 0 ? "an " : "a ") + word() + " package";
    }

    /**
     * Who may sign this kind. Election package: the state (statewide contests) or the local
     * authority that builds its ballots. Results: the device that counted, or the authority's
     * workstation for central count. Custody: the authority that holds the material. Audit: the
     * authority that audits, or the state that oversees.
     */
    default Set<KeyRole> allowedSigners() {
        return switch (this) {
            case Election e -> EnumSet.of(KeyRole.STATE, KeyRole.AUTHORITY);
            case Results r -> EnumSet.of(KeyRole.DEVICE, KeyRole.AUTHORITY);
            case Custody c -> EnumSet.of(KeyRole.AUTHORITY);
            case Audit a -> EnumSet.of(KeyRole.AUTHORITY, KeyRole.STATE);
        };
    }

    /** Prefixed to the manifest bytes before signing: "bulwark-package/1 results\n". */
    default byte[] domain() {
        return ("bulwark-package/1 " + word() + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static Optional<PackageType> parse(String word) {
        return ALL.stream().filter(t -> t.word().equals(word)).findFirst();
    }
}

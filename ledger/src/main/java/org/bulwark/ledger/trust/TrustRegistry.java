package org.bulwark.ledger.trust;

import java.security.PublicKey;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.trust.Change.Done;
import org.bulwark.ledger.trust.Change.Refusal;
import org.bulwark.ledger.trust.Change.Refused;

/**
 * The keys Bulwark trusts, as an immutable value: every change returns a new registry (or a
 * refusal), and nothing here reads or writes files. The workspace stores {@link #entries()} and
 * rebuilds the registry with {@link #of(List)}; a folder of .pub files becomes one with
 * {@link TrustFolder#read}.
 */
public final class TrustRegistry {
    /**
     * Who may admit whom: the state admits local election authorities' keys, an authority admits
     * the keys of its own devices (same jurisdiction), a device admits nobody. The state key itself
     * comes in only by {@link #bootstrap}.
     */
    public static final Map<KeyRole, Set<KeyRole>> ADMISSION_RULES = admissionRules();

    private final Map<KeyFingerprint, TrustEntry> entries;

    private TrustRegistry(Map<KeyFingerprint, TrustEntry> entries) {
        this.entries = entries;
    }

    public static TrustRegistry empty() {
        return new TrustRegistry(Map.of());
    }

    /**
     * A registry holding exactly these entries, as stored earlier; a key listed twice is a bug in
     * what stored them.
     */
    public static TrustRegistry of(List<TrustEntry> entries) {
        Map<KeyFingerprint, TrustEntry> map = new LinkedHashMap<>();
        for (TrustEntry e : entries) {
            if (map.put(e.fingerprint(), e) != null) {
                throw new IllegalArgumentException("key " + e.fingerprint() + " is listed twice");
            }
        }
        return new TrustRegistry(map);
    }

    /** In the order they were added. */
    public List<TrustEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<TrustEntry> find(KeyFingerprint fingerprint) {
        return Optional.ofNullable(entries.get(fingerprint));
    }

    /** Makes the state key the root of trust; only once, and only a state key. */
    public Change bootstrap(PublicKeyInfo stateKey, Instant at) {
        if (stateKey.role() != KeyRole.STATE) {
            return new Refused(Refusal.NOT_A_STATE_KEY, "only a state key can be the root of trust; " + stateKey.describe() + " is not one");
        }
        Optional<TrustEntry> root = entries.values().stream().filter(e -> e.admission() instanceof Admission.Root).findFirst();
        if (root.isPresent()) {
            return new Refused(Refusal.ALREADY_BOOTSTRAPPED, "the registry already has its root, " + root.get().key().describe());
        }
        return added(new TrustEntry(stateKey, new Admission.Root(at), Optional.empty()));
    }

    /** Admits {@code candidate} on the authority of {@code admittedBy}, under {@link #ADMISSION_RULES}. */
    public Change admit(PublicKeyInfo candidate, KeyFingerprint admittedBy, Instant time) {
        Optional<Refused> actor = actorRefusal(admittedBy, candidate, time);
        if (actor.isPresent()) {
            return actor.get();
        }
        TrustEntry existing = entries.get(candidate.fingerprint());
        if (existing != null) {
            return new Refused(Refusal.ALREADY_PRESENT, "the key " + candidate.fingerprint().shortForm() + " is already in the registry as "
                    + existing.key().describe());
        }
        return added(new TrustEntry(candidate, new Admission.AdmittedBy(admittedBy, time), Optional.empty()));
    }

    /**
     * Revokes a key: by the state, or by whoever may admit it (an authority its own devices). A
     * revoked key stays listed, so that what it signed before can still be explained.
     */
    public Change revoke(KeyFingerprint key, KeyFingerprint by, Instant time, String reason) {
        TrustEntry target = entries.get(key);
        if (target == null) {
            return new Refused(Refusal.NOT_PRESENT, "the key " + key.shortForm() + " is not in the registry");
        }
        if (target.revocation().isPresent()) {
            return new Refused(Refusal.ALREADY_REVOKED, target.key().describe() + " was already revoked at " + target.revocation().get().at());
        }
        TrustEntry actor = entries.get(by);
        boolean stateActs = actor != null && actor.key().role() == KeyRole.STATE;
        if (!stateActs) {
            Optional<Refused> refusal = actorRefusal(by, target.key(), time);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        } else {
            Optional<Refused> usable = usable(actor, time);
            if (usable.isPresent()) {
                return usable.get();
            }
        }
        TrustEntry revoked = target.revoked(new Revocation(time, reason, by));
        Map<KeyFingerprint, TrustEntry> next = new LinkedHashMap<>(entries);
        next.put(key, revoked);
        return new Done(new TrustRegistry(next), revoked);
    }

    /**
     * Why a key is no longer trusted although it was not revoked itself: the earliest revocation of a
     * key up its chain of admission (its admitter, that key's admitter, ...). Revoking an authority so
     * withdraws trust from every device it admitted, from the revocation time on.
     */
    public Optional<Withdrawal> withdrawal(KeyFingerprint key) {
        Optional<Withdrawal> earliest = Optional.empty();
        Set<KeyFingerprint> seen = new java.util.HashSet<>();
        TrustEntry entry = entries.get(key);
        while (entry != null && entry.admission() instanceof Admission.AdmittedBy by && seen.add(by.admitter())) {
            TrustEntry admitter = entries.get(by.admitter());
            if (admitter == null) {
                break;
            }
            if (admitter.revocation().isPresent()
                    && (earliest.isEmpty() || admitter.revocation().get().at().isBefore(earliest.get().from()))) {
                earliest = Optional.of(new Withdrawal(admitter, admitter.revocation().get()));
            }
            entry = admitter;
        }
        return earliest;
    }

    /**
     * Whether {@code signer} may sign a package of {@code type} at {@code time}. A revoked key is
     * refused whatever time a package claims, since a stolen key can claim any time; a key whose
     * admitter was revoked is refused from that revocation on.
     */
    public TrustVerdict check(PublicKey signer, PackageType type, Instant time) {
        KeyFingerprint fp = Ed25519.fingerprint(signer);
        TrustEntry entry = entries.get(fp);
        if (entry == null) {
            return new TrustVerdict.UnknownSigner(fp);
        }
        if (!type.allowedSigners().contains(entry.key().role())) {
            return new TrustVerdict.RoleNotAllowed(entry, type);
        }
        if (entry.revocation().isPresent()) {
            return new TrustVerdict.Revoked(entry, entry.revocation().get());
        }
        Optional<Withdrawal> withdrawn = withdrawal(fp).filter(w -> !time.isBefore(w.from()));
        if (withdrawn.isPresent()) {
            return new TrustVerdict.AdmitterRevoked(entry, withdrawn.get(), time);
        }
        if (!entry.key().validity().contains(time)) {
            return new TrustVerdict.OutsideValidity(entry, time);
        }
        return new TrustVerdict.Trusted(entry);
    }

    private Optional<Refused> actorRefusal(KeyFingerprint actorKey, PublicKeyInfo subject, Instant time) {
        TrustEntry actor = entries.get(actorKey);
        if (actor == null) {
            return Optional.of(new Refused(Refusal.UNKNOWN_ACTOR, "the key " + actorKey.shortForm() + " is not in the registry"));
        }
        Optional<Refused> usable = usable(actor, time);
        if (usable.isPresent()) {
            return usable;
        }
        PublicKeyInfo a = actor.key();
        if (!ADMISSION_RULES.get(a.role()).contains(subject.role())) {
            return Optional.of(new Refused(Refusal.ROLE_MAY_NOT_ADMIT, a.role().aKey() + " may not admit or revoke "
                    + subject.role().aKey() + " (" + a.describe() + ", " + subject.describe() + ")"));
        }
        if (a.role() == KeyRole.AUTHORITY && !a.jurisdiction().equals(subject.jurisdiction())) {
            return Optional.of(new Refused(Refusal.OTHER_JURISDICTION, a.describe() + " may only admit or revoke devices of "
                    + a.jurisdiction().orElse("its jurisdiction") + ", not " + subject.describe()));
        }
        return Optional.empty();
    }

    private Optional<Refused> usable(TrustEntry actor, Instant time) {
        if (actor.revocation().isPresent()) {
            return Optional.of(new Refused(Refusal.ACTOR_REVOKED, actor.key().describe() + " was revoked at " + actor.revocation().get().at()));
        }
        Optional<Withdrawal> withdrawn = withdrawal(actor.fingerprint()).filter(w -> !time.isBefore(w.from()));
        if (withdrawn.isPresent()) {
            return Optional.of(new Refused(Refusal.ACTOR_REVOKED, actor.key().describe() + " is no longer trusted: it was "
                    + withdrawn.get().describe()));
        }
        if (!actor.key().validity().contains(time)) {
            return Optional.of(new Refused(Refusal.ACTOR_NOT_VALID, actor.key().describe() + " is not valid at " + time
                    + ": it is valid " + actor.key().validity().describe()));
        }
        return Optional.empty();
    }

    private Done added(TrustEntry entry) {
        Map<KeyFingerprint, TrustEntry> next = new LinkedHashMap<>(entries);
        next.put(entry.fingerprint(), entry);
        return new Done(new TrustRegistry(next), entry);
    }

    private static Map<KeyRole, Set<KeyRole>> admissionRules() {
        Map<KeyRole, Set<KeyRole>> rules = new EnumMap<>(KeyRole.class);
        rules.put(KeyRole.STATE, Set.copyOf(EnumSet.of(KeyRole.AUTHORITY)));
        rules.put(KeyRole.AUTHORITY, Set.copyOf(EnumSet.of(KeyRole.DEVICE)));
        rules.put(KeyRole.DEVICE, Set.of());
        return Map.copyOf(rules);
    }
}

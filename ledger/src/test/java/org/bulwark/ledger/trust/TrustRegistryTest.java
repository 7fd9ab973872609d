package org.bulwark.ledger.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.trust.Change.Done;
import org.bulwark.ledger.trust.Change.Refusal;
import org.bulwark.ledger.trust.Change.Refused;
import org.junit.jupiter.api.Test;

class TrustRegistryTest {
    static final Instant T = Instant.parse("2028-11-01T12:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();

    static PublicKeyInfo key(KeyRole role, String id, String jurisdiction) {
        KeyPair p = Ed25519.generate(RANDOM);
        return new PublicKeyInfo(role, id, Optional.ofNullable(jurisdiction), Validity.ALWAYS, p.getPublic());
    }

    final PublicKeyInfo state = key(KeyRole.STATE, "mo-sos", "MO");
    final PublicKeyInfo boone = key(KeyRole.AUTHORITY, "boone-clerk", "boone");
    final PublicKeyInfo cole = key(KeyRole.AUTHORITY, "cole-clerk", "cole");
    final PublicKeyInfo scanner = key(KeyRole.DEVICE, "scanner-1", "boone");

    static TrustRegistry done(Change c) {
        assertThat(c).isInstanceOf(Done.class);
        return ((Done) c).registry();
    }

    static Refusal refusal(Change c) {
        assertThat(c).isInstanceOf(Refused.class);
        return ((Refused) c).refusal();
    }

    TrustRegistry county() {
        TrustRegistry r = done(TrustRegistry.empty().bootstrap(state, T));
        r = done(r.admit(boone, state.fingerprint(), T));
        r = done(r.admit(cole, state.fingerprint(), T));
        return done(r.admit(scanner, boone.fingerprint(), T));
    }

    @Test
    void signerTableIsTheDocumentedOne() {
        Map<String, EnumSet<KeyRole>> expected = Map.of(
                "election", EnumSet.of(KeyRole.STATE, KeyRole.AUTHORITY),
                "results", EnumSet.of(KeyRole.DEVICE, KeyRole.AUTHORITY),
                "custody", EnumSet.of(KeyRole.AUTHORITY),
                "audit", EnumSet.of(KeyRole.AUTHORITY, KeyRole.STATE));
        assertThat(PackageType.ALL).hasSize(4);
        for (PackageType t : PackageType.ALL) {
            assertThat(t.allowedSigners()).as(t.word()).isEqualTo(expected.get(t.word()));
            assertThat(PackageType.parse(t.word())).contains(t);
        }
        assertThat(PackageType.ALL.stream().map(t -> new String(t.domain())).distinct()).hasSize(4);
    }

    @Test
    void admissionTableIsTheDocumentedOne() {
        assertThat(TrustRegistry.ADMISSION_RULES).containsOnly(
                Map.entry(KeyRole.STATE, java.util.Set.of(KeyRole.AUTHORITY)),
                Map.entry(KeyRole.AUTHORITY, java.util.Set.of(KeyRole.DEVICE)),
                Map.entry(KeyRole.DEVICE, java.util.Set.of()));
    }

    @Test
    void everyRoleAdmitsOnlyWhatTheTableSays() {
        TrustRegistry r = county();
        PublicKeyInfo[] actors = {state, boone, scanner};
        for (PublicKeyInfo actor : actors) {
            for (KeyRole role : KeyRole.values()) {
                PublicKeyInfo candidate = key(role, "new-" + role.text(), "boone");
                Change c = r.admit(candidate, actor.fingerprint(), T);
                boolean allowed = TrustRegistry.ADMISSION_RULES.get(actor.role()).contains(role);
                assertThat(c instanceof Done).as(actor.role() + " admits " + role).isEqualTo(allowed);
                if (!allowed) {
                    assertThat(refusal(c)).isEqualTo(Refusal.ROLE_MAY_NOT_ADMIT);
                }
            }
        }
    }

    @Test
    void anAuthorityAdmitsOnlyDevicesOfItsOwnJurisdiction() {
        TrustRegistry r = county();
        Change c = r.admit(key(KeyRole.DEVICE, "scanner-9", "boone"), cole.fingerprint(), T);
        assertThat(refusal(c)).isEqualTo(Refusal.OTHER_JURISDICTION);
        assertThat(((Refused) c).message()).contains("may only admit or revoke devices of cole");
    }

    @Test
    void bootstrapOnlyOnceAndOnlyTheState() {
        assertThat(refusal(TrustRegistry.empty().bootstrap(boone, T))).isEqualTo(Refusal.NOT_A_STATE_KEY);
        assertThat(refusal(county().bootstrap(key(KeyRole.STATE, "other", null), T))).isEqualTo(Refusal.ALREADY_BOOTSTRAPPED);
        assertThat(refusal(county().admit(scanner, boone.fingerprint(), T))).isEqualTo(Refusal.ALREADY_PRESENT);
        assertThat(refusal(county().admit(key(KeyRole.DEVICE, "x", "boone"), key(KeyRole.STATE, "y", null).fingerprint(), T)))
                .isEqualTo(Refusal.UNKNOWN_ACTOR);
    }

    @Test
    void checkGivesEachVerdict() {
        TrustRegistry r = county();
        PackageType results = new PackageType.Results();
        assertThat(r.check(scanner.key(), results, T)).isInstanceOf(TrustVerdict.Trusted.class);
        assertThat(r.check(scanner.key(), new PackageType.Election(), T)).isInstanceOf(TrustVerdict.RoleNotAllowed.class)
                .extracting(TrustVerdict::message).asString().contains("may not sign an election package: only state or authority keys may");
        assertThat(r.check(key(KeyRole.DEVICE, "z", "boone").key(), results, T)).isInstanceOf(TrustVerdict.UnknownSigner.class);

        TrustRegistry revoked = done(r.revoke(scanner.fingerprint(), boone.fingerprint(), T, "device lost"));
        assertThat(revoked.check(scanner.key(), results, T.minusSeconds(86_400))).isInstanceOf(TrustVerdict.Revoked.class)
                .extracting(TrustVerdict::message).asString().contains("was revoked at 2028-11-01T12:00:00Z (device lost)");
        assertThat(r.check(scanner.key(), results, T)).as("the old value is unchanged").isInstanceOf(TrustVerdict.Trusted.class);

        PublicKeyInfo expiring = new PublicKeyInfo(KeyRole.DEVICE, "old", Optional.of("boone"),
                new Validity(Optional.empty(), Optional.of(T.minusSeconds(1))), Ed25519.generate(RANDOM).getPublic());
        TrustRegistry withOld = done(r.admit(expiring, boone.fingerprint(), T.minusSeconds(100)));
        assertThat(withOld.check(expiring.key(), results, T)).isInstanceOf(TrustVerdict.OutsideValidity.class);
    }

    @Test
    void revocationRules() {
        TrustRegistry r = county();
        assertThat(refusal(r.revoke(scanner.fingerprint(), cole.fingerprint(), T, "x"))).isEqualTo(Refusal.OTHER_JURISDICTION);
        assertThat(refusal(r.revoke(boone.fingerprint(), scanner.fingerprint(), T, "x"))).isEqualTo(Refusal.ROLE_MAY_NOT_ADMIT);
        TrustRegistry byState = done(r.revoke(scanner.fingerprint(), state.fingerprint(), T, "recalled"));
        assertThat(refusal(byState.revoke(scanner.fingerprint(), state.fingerprint(), T, "again"))).isEqualTo(Refusal.ALREADY_REVOKED);
        TrustRegistry noBoone = done(r.revoke(boone.fingerprint(), state.fingerprint(), T, "workstation replaced"));
        assertThat(refusal(noBoone.admit(key(KeyRole.DEVICE, "d", "boone"), boone.fingerprint(), T))).isEqualTo(Refusal.ACTOR_REVOKED);
    }

    @Test
    void revokingAnAuthorityWithdrawsTrustFromItsDevicesFromThatTimeOn() {
        Instant revokedAt = T.plusSeconds(3_600);
        TrustRegistry r = done(county().revoke(boone.fingerprint(), state.fingerprint(), revokedAt, "workstation stolen"));
        PackageType results = new PackageType.Results();

        assertThat(r.find(scanner.fingerprint()).orElseThrow().revocation()).as("the device itself is not revoked").isEmpty();
        Withdrawal w = r.withdrawal(scanner.fingerprint()).orElseThrow();
        assertThat(w.revoked().key()).isEqualTo(boone);
        assertThat(w.from()).isEqualTo(revokedAt);
        assertThat(r.withdrawal(cole.fingerprint())).isEmpty();
        assertThat(r.withdrawal(boone.fingerprint())).as("the authority is revoked itself, not withdrawn").isEmpty();

        assertThat(r.check(scanner.key(), results, revokedAt.minusMillis(1))).as("what it signed before stands")
                .isInstanceOf(TrustVerdict.Trusted.class);
        assertThat(r.check(scanner.key(), results, revokedAt)).isInstanceOf(TrustVerdict.AdmitterRevoked.class)
                .extracting(TrustVerdict::message).asString().isEqualTo("the signer, " + scanner.describe() + ", is not trusted at "
                        + revokedAt + ": it was admitted under " + boone.describe() + ", which was revoked at " + revokedAt
                        + " (workstation stolen), and keys admitted under a revoked key are not trusted from its revocation on");

        // The rule follows the whole chain: a device admitted under an authority whose own admitter was revoked.
        TrustRegistry rootRevoked = done(county().revoke(state.fingerprint(), state.fingerprint(), revokedAt, "state key lost"));
        assertThat(rootRevoked.withdrawal(scanner.fingerprint()).orElseThrow().revoked().key()).isEqualTo(state);
        assertThat(rootRevoked.check(scanner.key(), results, revokedAt.plusSeconds(1))).isInstanceOf(TrustVerdict.AdmitterRevoked.class);
    }

    @Test
    void rebuildsFromStoredEntries() {
        TrustRegistry r = done(county().revoke(scanner.fingerprint(), boone.fingerprint(), T, "lost"));
        TrustRegistry again = TrustRegistry.of(r.entries());
        assertThat(again.entries()).isEqualTo(r.entries());
        assertThat(again.check(scanner.key(), new PackageType.Results(), T)).isInstanceOf(TrustVerdict.Revoked.class);
        assertThat(again.find(boone.fingerprint()).orElseThrow().admission()).isEqualTo(new Admission.AdmittedBy(state.fingerprint(), T));
    }
}

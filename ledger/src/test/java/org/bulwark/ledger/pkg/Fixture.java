package org.bulwark.ledger.pkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.trust.Change;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;

/** Keys (deterministic, so that fuzz seeds stay valid), a trust registry and small packages. */
final class Fixture {
    static final Instant T = Instant.parse("2028-11-08T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    static final String ELECTION = "a".repeat(64);

    static final Signer STATE = signer(KeyRole.STATE, "mo-sos", null, 1);
    static final Signer BOONE = signer(KeyRole.AUTHORITY, "boone-clerk", "boone", 2);
    static final Signer SCANNER = signer(KeyRole.DEVICE, "scanner-1", "boone", 3);
    static final Signer STRANGER = signer(KeyRole.DEVICE, "scanner-x", "boone", 4);

    record Signer(PublicKeyInfo info, LoadedPrivateKey key) {}

    private Fixture() {}

    static Signer signer(KeyRole role, String id, String jurisdiction, long seed) {
        return signer(role, id, jurisdiction, seed, Validity.ALWAYS);
    }

    static Signer signer(KeyRole role, String id, String jurisdiction, long seed, Validity validity) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPair pair = Ed25519.generate(random);
            PublicKeyInfo info = new PublicKeyInfo(role, id, Optional.ofNullable(jurisdiction), validity, pair.getPublic());
            return new Signer(info, new LoadedPrivateKey(role, id, Optional.ofNullable(jurisdiction), pair.getPrivate(), pair.getPublic()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustRegistry registry() {
        TrustRegistry r = done(TrustRegistry.empty().bootstrap(STATE.info(), T.minusSeconds(3600)));
        r = done(r.admit(BOONE.info(), STATE.info().fingerprint(), T.minusSeconds(3600)));
        return done(r.admit(SCANNER.info(), BOONE.info().fingerprint(), T.minusSeconds(3600)));
    }

    static TrustRegistry done(Change c) {
        return ((Change.Done) c).registry();
    }

    /** A results package by the scanner with three small files, one of them "CVRs". */
    static Path resultsPackage(Path dir, String name, String salt) throws IOException {
        return create(dir, name, new PackageType.Results(), SCANNER, salt);
    }

    static Path create(Path dir, String name, PackageType type, Signer signer, String salt) throws IOException {
        Path files = Files.createDirectories(dir.resolve(name + "-files"));
        Path cvrs = Files.writeString(files.resolve("cvrs.json"), "{\"CVR\": [\"" + salt + "\"]}", StandardCharsets.UTF_8);
        Path tally = Files.writeString(files.resolve("tally.csv"), "contest,selection,votes\nmayor,alice,3\n" + salt + "\n");
        Path log = Files.write(files.resolve("events.log"), new byte[] {1, 2, 3, 4, (byte) salt.hashCode()});
        CvrMerkle merkle = new CvrMerkle();
        merkle.addHash(CvrMerkle.sha256().digest(salt.getBytes(StandardCharsets.UTF_8)));
        Packages.Request request = new Packages.Request(type, Optional.of(ELECTION), Mode.OFFICIAL, List.of(
                new PackageFile("cvrs.json", cvrs, Optional.of(merkle.summary())), PackageFile.of(tally), PackageFile.of(log)));
        Path out = dir.resolve(name + ".zip");
        Packages.create(request, signer.key(), out, CLOCK);
        return out;
    }

    static Verification verify(Path pkg) throws IOException {
        return Packages.verify(pkg, registry(), new Packages.Expectations(Optional.of(ELECTION), Optional.of(Mode.OFFICIAL),
                Optional.of(id -> false), Optional.empty(), ZipLimits.DEFAULT));
    }
}

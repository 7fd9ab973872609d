package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.trust.Change;
import org.bulwark.model.GpUnit;
import org.bulwark.store.TrustRequest;
import org.bulwark.store.Workspace;

/**
 * The demo's chain of trust: a state key, a key per local election authority admitted by the state,
 * and per authority the key of its central-count scanner admitted by the authority, each written
 * as {@code bulwark keys generate} writes it and registered as {@code bulwark trust add} does.
 */
final class DemoTrust {
    /** Written beside the keys, as a rehearsal does: demo keys protect nothing real. */
    static final String PASSPHRASE = "demo only - not for an election";
    /** Few PBKDF2 iterations, so that 233 keys are made in seconds; a real key uses the default. */
    static final int ITERATIONS = 1_000;
    static final String PASSPHRASE_FILE = "PASSPHRASE.txt";
    private static final String STATE = "state";

    private final Path dir;

    private DemoTrust(Path dir) {
        this.dir = dir;
    }

    /** Makes the keys into {@code dir} and registers them in the workspace; {@code step} hears each key done. */
    static DemoTrust create(Workspace ws, Path dir, List<GpUnit> authorities, Runnable step) throws IOException {
        DemoTrust trust = new DemoTrust(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PASSPHRASE_FILE), PASSPHRASE + "\n");
        SecureRandom random = new SecureRandom();
        PublicKeyInfo state = trust.generate(KeyRole.STATE, STATE, Optional.empty(), random);
        admit(ws, new TrustRequest.Bootstrap(state));
        step.run();
        for (GpUnit a : authorities) {
            String id = a.id().value();
            PublicKeyInfo authority = trust.generate(KeyRole.AUTHORITY, id, Optional.of(id), random);
            admit(ws, new TrustRequest.Admit(authority, state.fingerprint()));
            step.run();
            admit(ws, new TrustRequest.Admit(trust.generate(KeyRole.DEVICE, scanner(id), Optional.of(id), random), authority.fingerprint()));
            step.run();
        }
        return trust;
    }

    /** Keys made for {@code authorities}: the state's, then two per authority. */
    static int keyCount(List<GpUnit> authorities) {
        return 1 + 2 * authorities.size();
    }

    /** The id of an authority's central-count scanner, whose key signs the authority's results packages. */
    static String scanner(String authority) {
        return authority + "-central-scanner";
    }

    /** The state key in {@code dir}, proved as a command proves a key given on its command line. */
    static KeyHolder stateKey(Path dir) throws IOException {
        Path key = dir.resolve(STATE + Keys.PRIVATE_SUFFIX);
        return KeyHolder.prove(key, Optional.of(dir.resolve(PASSPHRASE_FILE)), System::getenv, KeyHolder.withSibling(key, List.of()));
    }

    LoadedPrivateKey privateKey(String id) throws IOException {
        return Keys.loadPrivate(dir.resolve(id + Keys.PRIVATE_SUFFIX), PASSPHRASE.toCharArray());
    }

    Path publicKeyFile(String id) {
        return dir.resolve(id + Keys.PUBLIC_SUFFIX);
    }

    private PublicKeyInfo generate(KeyRole role, String id, Optional<String> jurisdiction, SecureRandom random) throws IOException {
        return Keys.generate(new Keys.Request(role, id, jurisdiction, Validity.ALWAYS), dir, PASSPHRASE.toCharArray(), random, ITERATIONS).info();
    }

    private static void admit(Workspace ws, TrustRequest request) {
        if (ws.changeTrust(request) instanceof Change.Refused refused) {
            throw new IllegalStateException("the demo's trust registry refused a key it made: " + refused);
        }
    }
}

package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.log.Checkpoint;
import org.bulwark.ledger.log.Checkpoints;
import org.bulwark.ledger.log.DirectoryTiles;
import org.bulwark.ledger.log.InclusionProofs;
import org.bulwark.ledger.log.LogPublisher;
import org.bulwark.ledger.log.NoteSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerVerifyCommandTest {
    static final String ORIGIN = "boone.example.gov/log";

    @TempDir
    Path tmp;

    NoteSigner county;
    NoteSigner state;
    Path log;
    Path countyKey;
    Path stateKey;

    static NoteSigner signer(String name) throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return new NoteSigner(name, pair.getPrivate(), pair.getPublic());
    }

    static List<byte[]> entries(int from, int to) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    Checkpoint publish(int from, int to) throws IOException {
        return LogPublisher.publish(log, ORIGIN, entries(from, to), cp -> Checkpoints.sign(cp, county));
    }

    @BeforeEach
    void setUp() throws Exception {
        county = signer(ORIGIN);
        state = signer("sos.example.gov");
        log = tmp.resolve("published");
        countyKey = Files.writeString(tmp.resolve("boone.vkey"), county.verifierKey().verifierString() + "\n");
        stateKey = Files.writeString(tmp.resolve("state.vkey"), state.verifierKey().verifierString() + "\n");
    }

    @Test
    void aGoodLogVerifiesWithItsSinceCheckpoint() throws IOException {
        publish(0, 100);
        Path since = Files.copy(log.resolve("checkpoint"), tmp.resolve("kept-checkpoint"));
        Checkpoint last = publish(100, 300);
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--since", since.toString(), "--key", countyKey.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Verified the log " + ORIGIN + ": 300 entries, root " + last.root().hex() + ".",
                "Signed by " + ORIGIN + ".", "4 checkpoint(s) match the tree, including " + since + ".");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aChangedByteFailsNamingTheFileAndPlace() throws IOException {
        publish(0, 10);
        Path bundle = log.resolve("tile/entries/000.p/10");
        String text = Files.readString(bundle, StandardCharsets.ISO_8859_1).replace("event 7", "event 8");
        Files.writeString(bundle, text, StandardCharsets.ISO_8859_1);
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--key", countyKey.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bulwark: verification FAILED: " + log.resolve("tile/0/000.p/10")
                + ": hash 7: the leaf hash of entry 7 differs from the one computed from the entry bundles" + System.lineSeparator());
    }

    @Test
    void aCosignedLogVerifiesWithATrustFolderHoldingBothKeys() throws IOException {
        LogPublisher.publish(log, ORIGIN, entries(0, 5), cp -> ((Checkpoints.Cosigning.Cosigned) Checkpoints.cosign(
                Checkpoints.sign(cp, county), "new", county.verifierKey(), state, Instant.parse("2028-11-08T02:00:00Z"))).signedCheckpoint());
        Path trust = Files.createDirectories(tmp.resolve("trust"));
        Files.copy(countyKey, trust.resolve("boone.vkey"));
        Files.copy(stateKey, trust.resolve("state.vkey"));
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--trust", trust.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Signed by " + ORIGIN + "; cosigned by sos.example.gov at 2028-11-08T02:00:00Z.");
    }

    /** A key made by bulwark keys generate: its .pub file is trusted directly, the key signing notes under its id. */
    @Test
    void aBulwarkPublicKeyFileCanBeTheTrustedKey() throws Exception {
        Keys.Generated g = Keys.generate(new Keys.Request(KeyRole.AUTHORITY, "boone-ws-1", Optional.of("boone"), Validity.ALWAYS),
                tmp, "correct horse".toCharArray(), new SecureRandom(), 1_000);
        PrivateKey key = Keys.loadPrivate(g.privateFile(), "correct horse".toCharArray()).key();
        NoteSigner ws = new NoteSigner("boone-ws-1", key, g.info().key());
        LogPublisher.publish(log, ORIGIN, entries(0, 3), cp -> Checkpoints.sign(cp, ws));
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--key", g.publicFile().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("3 entries", "Signed by boone-ws-1.");
        Path trust = Files.createDirectories(tmp.resolve("trust"));
        Files.copy(g.publicFile(), trust.resolve("boone-ws-1.pub"));
        assertThat(Run.of("ledger", "verify", "--from", log.toString(), "--trust", trust.toString()).exitCode()).isZero();
    }

    @Test
    void theWrongKeyFails() throws IOException {
        publish(0, 5);
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--key", stateKey.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bulwark: verification FAILED: " + log.resolve("checkpoint")
                + ": signature: not signed by the trusted key sos.example.gov");
    }

    @Test
    void aBadKeyFileIsBadInput() throws IOException {
        publish(0, 5);
        Path bad = Files.writeString(tmp.resolve("bad.vkey"), "# the county's key\nnot-a-key\n");
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--key", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bulwark: " + bad + ": line 2: not a verifier key: expected <name>+<key id in hex>+<base64 key>, found 1 parts"
                + System.lineSeparator());
    }

    @Test
    void keyAndTrustTogetherAreRefused() {
        Run run = Run.of("ledger", "verify", "--from", log.toString(), "--key", countyKey.toString(), "--trust", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void anInclusionProofVerifiesAndAWrongOneFails() throws IOException {
        Checkpoint cp = publish(0, 300);
        String proof = InclusionProofs.create(260, "event 260".getBytes(StandardCharsets.UTF_8), cp,
                Files.readString(log.resolve("checkpoint")), new DirectoryTiles(log));
        Path file = Files.writeString(tmp.resolve("proof-260.json"), proof);
        Run ok = Run.of("ledger", "verify-proof", "--proof", file.toString(), "--key", countyKey.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).startsWith("Verified: entry 260 is in the log " + ORIGIN + " at tree size 300 (root " + cp.root().hex() + ")");

        Path wrong = Files.writeString(tmp.resolve("proof-wrong.json"), proof.replace("\"leafIndex\" : 260", "\"leafIndex\" : 261"));
        Run bad = Run.of("ledger", "verify-proof", "--proof", wrong.toString(), "--key", countyKey.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("bulwark: verification FAILED: " + wrong + ": hashes: root mismatch: expected " + cp.root().hex());

        Path cut = Files.writeString(tmp.resolve("proof-cut.json"), proof.substring(0, 40));
        Run malformed = Run.of("ledger", "verify-proof", "--proof", cut.toString(), "--key", countyKey.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("bulwark: " + cut + ": line ");
    }

    @Test
    void helpDescribesBothCommands() {
        Run run = Run.of("ledger", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("verify", "verify-proof");
    }
}

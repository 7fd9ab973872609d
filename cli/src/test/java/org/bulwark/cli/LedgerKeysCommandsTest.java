package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bulwark.ledger.keys.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bulwark trust add|revoke|list and ledger checkpoint|prove|publish|cosign, end to end with real keys. */
class LedgerKeysCommandsTest {
    @TempDir
    Path tmp;

    Path keys;
    Path passphrase;

    private String ws() {
        return tmp.resolve("county.db").toString();
    }

    @BeforeEach
    void generateKeys() throws IOException {
        CountyKeys generated = CountyKeys.generate(tmp);
        keys = generated.keys();
        passphrase = generated.passphrase();
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--workspace";
        all[args.length + 1] = ws();
        all[args.length + 2] = "--passphrase-file";
        all[args.length + 3] = passphrase.toString();
        return Run.of(all);
    }

    private String key(String name) {
        return keys.resolve(name).toString();
    }

    @Test
    void trustRegistryChangesFollowTheRulesAndAreLogged() {
        Run early = run("trust", "add", key("county-1.pub"), "--admitted-by", key("state.key"));
        assertThat(early.exitCode()).isEqualTo(2);

        Run root = run("trust", "add", key("state.pub"), "--admitted-by", key("state.key"));
        assertThat(root.exitCode()).as(root.err()).isZero();
        assertThat(root.out()).contains("the root of trust", "logged as entry 0");

        Run county = run("trust", "add", key("county-1.pub"), "--admitted-by", key("state.key"));
        assertThat(county.exitCode()).as(county.err()).isZero();
        assertThat(county.out()).contains("Admitted ", "county-1", "logged as entry 1");

        Run device = run("trust", "add", key("scanner-7.pub"), "--admitted-by", key("county-1.key"));
        assertThat(device.exitCode()).as(device.err()).isZero();
        Run revoke = run("trust", "revoke", "scanner-7", "--reason", "lost on election night", "--key", key("county-1.key"));
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Revoked ", "lost on election night", "logged as entry 3");

        Run list = Run.of("trust", "list", "--workspace", ws());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("root of trust", "admitted by", "REVOKED at", "lost on election night");
    }

    @Test
    void checkpointProvePublishAndCosign() throws IOException {
        run("trust", "add", key("state.pub"), "--admitted-by", key("state.key"));
        run("trust", "add", key("county-1.pub"), "--admitted-by", key("state.key"));

        Path cp = tmp.resolve("checkpoint.txt");
        Run sign = run("ledger", "checkpoint", "--key", key("county-1.key"), "--origin", "county-1.example/log",
                "--out", cp.toString());
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(sign.out()).startsWith("county-1.example/log\n2\n").contains("Verifier key: county-1+");

        Run prove = Run.of("ledger", "prove", "--workspace", ws(), "--index", "1");
        assertThat(prove.exitCode()).as(prove.err()).isZero();
        assertThat(prove.out()).contains("bulwark-inclusion-proof/1");
        Run beyond = Run.of("ledger", "prove", "--workspace", ws(), "--index", "5");
        assertThat(beyond.exitCode()).isEqualTo(2);
        assertThat(beyond.err()).contains("not covered by the latest checkpoint");

        Path site = tmp.resolve("site");
        Run publish = run("ledger", "publish", "--out", site.toString(), "--key", key("county-1.key"),
                "--origin", "county-1.example/log");
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("Published 3 entries (3 new)");
        assertThat(site.resolve("checkpoint")).isRegularFile();
        String verifierKey = publish.out().lines().filter(l -> l.startsWith("Verifier key: ")).findFirst().orElseThrow()
                .substring("Verifier key: ".length());
        Path vkey = tmp.resolve("county.vkey");
        Files.writeString(vkey, verifierKey + "\n");
        Run verify = Run.of("ledger", "verify", "--from", site.toString(), "--key", vkey.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        // What an observer holds is the county's .pub file: it must verify the same log.
        Run verifyWithPub = Run.of("ledger", "verify", "--from", site.toString(), "--key", key("county-1.pub"));
        assertThat(verifyWithPub.exitCode()).as(verifyWithPub.out() + verifyWithPub.err()).isZero();
        Path proofFile = tmp.resolve("proof.json");
        Files.writeString(proofFile, prove.out());
        Run verifyProof = Run.of("ledger", "verify-proof", "--proof", proofFile.toString(), "--key", vkey.toString());
        assertThat(verifyProof.exitCode()).as(verifyProof.out() + verifyProof.err()).isZero();
        Run again = run("ledger", "publish", "--out", site.toString(), "--key", key("county-1.key"),
                "--origin", "county-1.example/log");
        assertThat(again.out()).contains("Published 4 entries (1 new)");

        Path cosigned = tmp.resolve("cosigned.txt");
        Run cosign = run("ledger", "cosign", cp.toString(), "--key", key("state.key"), "--log-key", key("county-1.pub"),
                "--out", cosigned.toString());
        assertThat(cosign.exitCode()).as(cosign.err()).isZero();
        assertThat(Files.readString(cosigned)).startsWith(Files.readString(cp).substring(0, 30));
        assertThat(Files.readString(cosigned).lines().filter(l -> l.startsWith("\u2014 ")).count()).isEqualTo(2);

        Run wrongKey = run("ledger", "cosign", cp.toString(), "--key", key("state.key"), "--log-key", key("state.pub"),
                "--out", tmp.resolve("no.txt").toString());
        assertThat(wrongKey.exitCode()).isEqualTo(2);
        assertThat(tmp.resolve("no.txt")).doesNotExist();
        assertThat(cosign.out()).contains("kept as cosignature #1, logged as entry ");

        // The county's key signs a second root for the same size: the cosigner refuses it as a split view and keeps nothing.
        var county = Keys.loadPrivate(keys.resolve("county-1.key"), CountyKeys.PASSPHRASE.toCharArray());
        String[] lines = Files.readString(cp).split("\n");
        Path forged = Files.writeString(tmp.resolve("forged.txt"), org.bulwark.ledger.log.Checkpoints.sign(
                new org.bulwark.ledger.log.Checkpoint(lines[0], Long.parseLong(lines[1]),
                        org.bulwark.ledger.log.Hash.fromHex("0".repeat(64)).orElseThrow()),
                new org.bulwark.ledger.log.NoteSigner("county-1", county.key(), county.publicKey())));
        Run split = run("ledger", "cosign", forged.toString(), "--key", key("state.key"), "--log-key", key("county-1.pub"),
                "--out", tmp.resolve("forged-cosigned.txt").toString());
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("forged.txt: tree size 2: split view of log county-1.example/log: the checkpoint cosigned at ",
                "two different roots signed for the same tree size 2", "Nothing was kept or signed");
        assertThat(tmp.resolve("forged-cosigned.txt")).doesNotExist();

        // The county keeps its cosigned checkpoint; check holds the log to it; a forged one is refused.
        Run add = Run.of("ledger", "add-cosigned", cosigned.toString(), "--log-key", key("county-1.pub"), "--cosigner", key("state.pub"),
                "--workspace", ws());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("Kept county-1.example/log size 2, root ").contains("cosigned by state at ",
                "this log's, brought back");
        Run notCosigned = Run.of("ledger", "add-cosigned", cp.toString(), "--log-key", key("county-1.pub"), "--cosigner",
                key("state.pub"), "--workspace", ws());
        assertThat(notCosigned.exitCode()).isEqualTo(2);
        assertThat(notCosigned.err()).contains("checkpoint.txt: signatures: not signed by the trusted key state");
        Run check = Run.of("ledger", "check", "--workspace", ws());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains(" is intact: ", "Cosigned checkpoints kept:", "cosigned by this workspace's key",
                "this log's, brought back");
        Run signAgain = run("ledger", "checkpoint", "--key", key("county-1.key"), "--origin", "county-1.example/log");
        assertThat(signAgain.out()).contains("Cosigned checkpoints of this log kept in the workspace:\n  county-1.example/log size 2");
    }

    @Test
    void packageVerifyInAWorkspaceUsesItsRegistryAndReplayGuardAndLogsTheOutcome() throws IOException {
        Path tally = Files.writeString(tmp.resolve("tally.csv"), "contest,selection,votes\n");
        Path pkg = tmp.resolve("results.zip");
        Run create = Run.of("package", "create", "--type", "results", "--key", key("scanner-7.key"), "--out", pkg.toString(),
                "--mode", "official", "--passphrase-file", passphrase.toString(), tally.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();

        // Not yet trusted: the signer check fails, and the refusal is logged.
        Run untrusted = Run.of("package", "verify", pkg.toString(), "--workspace", ws());
        assertThat(untrusted.exitCode()).isEqualTo(2);
        assertThat(untrusted.out()).contains("NOT VALID");

        run("trust", "add", key("state.pub"), "--admitted-by", key("state.key"));
        run("trust", "add", key("county-1.pub"), "--admitted-by", key("state.key"));
        run("trust", "add", key("scanner-7.pub"), "--admitted-by", key("county-1.key"));
        Run valid = Run.of("package", "verify", pkg.toString(), "--workspace", ws());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).contains("valid official results package", "replay: not imported into the workspace before");

        String id;
        try (org.bulwark.store.Workspace w = org.bulwark.store.Workspace.open(
                new org.bulwark.store.WorkspaceLocation.SqliteFile(Path.of(ws())))) {
            List<org.bulwark.store.LoggedEntry> entries = new java.util.ArrayList<>();
            w.forEachLogEntry(0, entries::add);
            assertThat(entries).extracting(e -> e.event().kind().id()).containsExactly("BW-PACKAGE-REFUSED",
                    "BW-KEY-ADMITTED", "BW-KEY-ADMITTED", "BW-KEY-ADMITTED", "BW-PACKAGE-VERIFIED");
            id = ((org.bulwark.model.events.LogEvent.PackageVerified) entries.getLast().event()).packageId();
            w.recordPackageImport(new org.bulwark.model.events.LogEvent.PackageImported(entries.getLast().event().header(),
                    id, "results"));
        }
        Run replay = Run.of("package", "verify", pkg.toString(), "--workspace", ws());
        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("replay: this package (" + id.substring(0, 16) + ") was already imported");

        Run both = Run.of("package", "verify", pkg.toString(), "--workspace", ws(), "--trust", tmp.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give either --trust DIR or a workspace");
    }
}

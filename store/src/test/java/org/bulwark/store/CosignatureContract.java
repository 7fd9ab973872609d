package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.log.Checkpoint;
import org.bulwark.ledger.log.CheckpointCheck;
import org.bulwark.ledger.log.Checkpoints;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.NoteSigner;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Cosignatures.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cosigned checkpoints kept in a workspace, given and received, and split views refused, on each database. */
abstract class CosignatureContract {
    static final Instant AT = Instant.parse("2028-11-08T02:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final NoteSigner COUNTY = signer("county-1");
    static final NoteSigner STATE = signer("mo-sos");

    private final List<Workspace> opened = new ArrayList<>();

    abstract WorkspaceLocation newLocation() throws Exception;

    static NoteSigner signer(String name) {
        KeyPair pair = Ed25519.generate(RANDOM);
        return new NoteSigner(name, pair.getPrivate(), pair.getPublic());
    }

    Workspace open() throws Exception {
        Workspace w = Workspace.open(newLocation(), Fixtures.CLOCK, Fixtures.IMPORTER);
        opened.add(w);
        return w;
    }

    @AfterEach
    void close() {
        opened.forEach(Workspace::close);
    }

    static Cosignatures.Cosigned cosigned(Checkpoint checkpoint) {
        String signed = Checkpoints.sign(checkpoint, COUNTY);
        String note = ((Checkpoints.Cosigning.Cosigned) Checkpoints.cosign(signed, "cp", COUNTY.verifierKey(), STATE, AT))
                .signedCheckpoint();
        CheckpointCheck.Verified v = (CheckpointCheck.Verified) Checkpoints.verify(note.getBytes(StandardCharsets.UTF_8), "cp",
                List.of(COUNTY.verifierKey(), STATE.verifierKey()));
        return new Cosignatures.Cosigned(v.checkpoint(), note, v.cosigners().getFirst().name(), v.cosigners().getFirst().time());
    }

    static LogEvent.CheckpointCosigned event(Checkpoint c) {
        return new LogEvent.CheckpointCosigned(new EventHeader(AT, new Actor("sos"), Optional.empty(), new Jurisdiction.Named("MO"),
                Disposition.SUCCESS), c.origin(), c.size(), Sha256.of(c.root().bytes()), "mo-sos");
    }

    static Hash otherRoot(Hash root) {
        byte[] b = root.bytes();
        b[0] ^= 1;
        return Hash.fromHex(java.util.HexFormat.of().formatHex(b)).orElseThrow();
    }

    @Test
    void theStateKeepsWhatItCosignedAndRefusesASecondRootForTheSameSize() throws Exception {
        Workspace county = open();
        county.appendToLog(LedgerContract.events(0, 10));
        Checkpoint ten = new Checkpoint("county-1.example/log", 10, county.logRoot(10));

        Workspace state = open();
        Recording first = state.cosignatures().recordGiven(cosigned(ten), event(ten));
        assertThat(first).isInstanceOfSatisfying(Recording.Kept.class, k -> {
            assertThat(k.stored().direction()).isEqualTo(Cosignatures.Direction.GIVEN);
            assertThat(k.stored().checkpoint()).isEqualTo(ten);
            assertThat(k.stored().cosigner()).isEqualTo("mo-sos");
            assertThat(k.stored().cosignedAt()).isEqualTo(AT);
            assertThat(k.stored().note()).contains("— county-1 ", "— mo-sos ");
            assertThat(state.logEntry(k.stored().logIndex()).orElseThrow().event()).isEqualTo(event(ten));
        });
        // The same checkpoint again is no contradiction.
        assertThat(state.cosignatures().recordGiven(cosigned(ten), event(ten))).isInstanceOf(Recording.Kept.class);
        long logSize = state.logSize();

        Checkpoint forged = new Checkpoint(ten.origin(), 10, otherRoot(ten.root()));
        assertThat(state.cosignatures().recordGiven(cosigned(forged), event(forged))).isInstanceOfSatisfying(Recording.SplitViewFound.class,
                s -> assertThat(s.finding().message()).startsWith("split view of log county-1.example/log: the checkpoint cosigned at "
                        + AT + " (kept as cosignature #").endsWith("two different roots signed for the same tree size 10"));
        assertThat(state.logSize()).as("nothing logged").isEqualTo(logSize);
        assertThat(state.cosignatures().list()).hasSize(2);

        // Another log's checkpoint of the same size is no split view.
        Checkpoint otherLog = new Checkpoint("county-2.example/log", 10, forged.root());
        assertThat(state.cosignatures().recordGiven(cosigned(otherLog), event(otherLog))).isInstanceOf(Recording.Kept.class);
    }

    @Test
    void theCountyKeepsItsCosignedCheckpointAndVerificationHoldsTheLogToIt() throws Exception {
        Workspace county = open();
        county.appendToLog(LedgerContract.events(0, 10));
        Checkpoint ten = new Checkpoint("county-1.example/log", 10, county.logRoot(10));

        assertThat(county.cosignatures().recordReceived(cosigned(ten), event(ten))).isInstanceOf(Recording.Kept.class);
        assertThat(county.cosignatures().list()).singleElement().extracting(Cosignatures.Stored::direction)
                .isEqualTo(Cosignatures.Direction.RECEIVED);
        assertThat(county.verifyLog()).isEqualTo(new LogCheck.Intact(11, 1));

        Checkpoint forged = new Checkpoint(ten.origin(), 10, otherRoot(ten.root()));
        long logSize = county.logSize();
        assertThat(county.cosignatures().recordReceived(cosigned(forged), event(forged))).isInstanceOfSatisfying(
                Recording.SplitViewFound.class, s -> assertThat(s.finding().message()).startsWith(
                        "split view of log county-1.example/log: this workspace's log (size 10, root " + ten.root().hex()));
        Checkpoint beyond = new Checkpoint(ten.origin(), 50, ten.root());
        assertThat(county.cosignatures().recordReceived(cosigned(beyond), event(beyond))).isEqualTo(new Recording.BeyondThisLog(
                "the cosigned checkpoint covers 50 entries but this workspace's log has 11: it is not a checkpoint of this log, "
                        + "or the log lost entries"));
        assertThat(county.logSize()).isEqualTo(logSize);
        assertThat(county.cosignatures().list()).hasSize(1);
    }
}

package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.log.Checkpoint;
import org.bulwark.ledger.log.Checkpoints;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.InclusionProofs;
import org.bulwark.ledger.log.NoteSigner;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's checkpoint on the public page, and a receipt (inclusion proof) checked on it: valid, then tampered. */
class ReceiptTest {
    @TempDir
    Path dir;

    @Test
    void aReceiptOfTheLogIsVerifiedAndATamperedOneIsNot() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String proof;
        try (Workspace ws = Workspace.open(f.location, f.clock, "test")) {
            long size = ws.logSize();
            Hash root = ws.logRoot(size);
            NoteSigner signer = new NoteSigner(f.state.info().id(), f.state.key().key(), f.state.info().key());
            Checkpoint checkpoint = new Checkpoint("sos.example/log", size, root);
            String note = Checkpoints.sign(checkpoint, signer);
            ws.saveCheckpoint(size, root, note, false, new LogEvent.CheckpointSigned(new EventHeader(Instant.parse("2028-11-08T02:00:00Z"),
                    new Actor("test"), Optional.empty(), new Jurisdiction.Named("state"), Disposition.SUCCESS), "sos.example/log", size,
                    Sha256.of(root.bytes()), f.state.info().id()));
            byte[] entry = ws.logEntry(2).orElseThrow().bytes();
            proof = ws.withLogTiles((current, tiles) -> InclusionProofs.create(2, entry, checkpoint, note, tiles));
        }
        try (Portal portal = f.start()) {
            WebClient visitor = new WebClient(portal.url());
            String page = visitor.get("/public").body();
            assertThat(page).contains("sos.example/log").contains("Covers the first");

            String verified = visitor.post("/public/receipt", Map.of("receipt", proof)).body();
            assertThat(verified).contains("Verified: entry 2 is in the log of sos.example/log");

            String tampered = proof.replaceFirst("\"leafIndex\"\\s*:\\s*2", "\"leafIndex\": 3");
            assertThat(tampered).isNotEqualTo(proof);
            assertThat(visitor.post("/public/receipt", Map.of("receipt", tampered)).body()).contains("NOT verified");
            assertThat(visitor.post("/public/receipt", Map.of("receipt", "not a receipt")).body()).contains("NOT verified");
        }
    }
}

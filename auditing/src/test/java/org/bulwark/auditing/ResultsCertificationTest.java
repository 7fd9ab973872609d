package org.bulwark.auditing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.bulwark.audit.AuditText;
import org.bulwark.audit.BoardEntry;
import org.bulwark.audit.ManifestReader;
import org.bulwark.audit.PaperReading;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.store.AuditRecords;
import org.bulwark.store.Certifications;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.ElectionSource;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit's progress through its rounds, and certification waiting for it to reach its end. */
class ResultsCertificationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2028-11-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void certificationWaitsUntilTheAuditReachesItsEnd() throws Exception {
        StatewideGenerator.Output files = StatewideGenerator.create(new StatewideGenerator.Settings(1, 4, 200, 7, 1_000))
                .writeTo(dir, n -> { });
        byte[] bytes = Files.readAllBytes(files.election());
        Election election = ElectionFiles.read(bytes, "election.json").election();
        ElectionIndex index = ElectionIndex.of(election);
        GpUnit authority = election.gpUnits().stream().filter(GpUnit::authority).findFirst().orElseThrow();
        try (Workspace ws = Workspace.open(new WorkspaceLocation.SqliteFile(dir.resolve("w.db")), CLOCK, "test")) {
            ElectionRef ref = ws.importElection(election, new ElectionSource("election.json", "Bulwark JSON", bytes, Optional.of(bytes),
                    ElectionFingerprint.of(election).sha256())).ref();
            for (StatewideGenerator.CvrOutput f : files.cvrFiles()) {
                ws.importCvrs(ref, f.file().toString(), "NIST SP 1500-103 JSON", sha256(Files.readAllBytes(f.file())), f.countingGroup(),
                        sink -> CvrFiles.read(f.file(), index, CvrReadOptions.strict(), sink));
            }
            ContestId contest = firstCvr(files.cvrFiles().getFirst().file(), index).contests().getFirst().contest();
            AuditRecords.StoredAudit stored = done(ws.audits().create(ref, "rla", "rla", authority.id().value(),
                    AuditText.settings(List.of(AuditText.parseSetting(contest.value() + ":0.2:kaplan-markov")))));
            WorkspaceAudit audit = WorkspaceAudit.open(ws, "rla");
            assertThat(ResultsCertification.unfinished(ws, ref, authority)).extracting(ResultsCertification.UnfinishedAudit::reason)
                    .containsExactly("no sample drawn yet");

            StringBuilder csv = new StringBuilder("Tabulator,Batch,Ballots\n");
            audit.results().ballots().byBatch().forEach((k, v) -> csv.append(k.device().orElseThrow()).append(',')
                    .append(k.batch().orElseThrow()).append(',').append(v.counted()).append('\n'));
            byte[] manifest = csv.toString().getBytes(StandardCharsets.UTF_8);
            var read = ManifestReader.read("manifest.csv", manifest);
            done(ws.audits().importManifest(stored, "manifest.csv", manifest, read.fingerprint(), read.totalBallots()));
            done(ws.audits().enterSeed(stored, "11111222223333344444"));
            assertThat(audit.draw(Optional.empty())).isInstanceOf(WorkspaceAudit.Drawing.Drawn.class);
            assertThat(ResultsCertification.progress(audit).words()).isEqualTo("round 1 is open: enter the drawn ballots, then close the round");

            // A ballot not drawn is refused; the drawn ones are entered as their CVRs show them.
            long undrawn = LongStream.rangeClosed(1, 200).filter(b -> audit.allDraws().stream().noneMatch(d -> d.pick() == b))
                    .findFirst().orElseThrow();
            assertThat(BallotEntries.enter(audit, new BoardEntry(undrawn, "B", "Ann", "Bo", new PaperReading.Marks(Map.of()))))
                    .isEqualTo(new BallotEntries.Outcome.Refused("ballot " + undrawn + " was not drawn in audit rla"));
            List<Long> drawn = audit.allDraws().stream().map(d -> d.pick()).distinct().toList();
            Map<Long, CastVoteRecord> cvrs = audit.cvrsOf(audit.manifest(), Set.copyOf(drawn));
            for (long b : drawn) {
                Set<SelectionId> votes = Set.copyOf(cvrs.get(b).contests().stream().filter(c -> c.contest().equals(contest))
                        .flatMap(c -> c.marks().stream().filter(Mark::countsAsVote).map(Mark::selection)).toList());
                assertThat(BallotEntries.enter(audit, new BoardEntry(b, "B", "Ann", "Bo",
                        new PaperReading.Marks(votes.isEmpty() ? Map.of() : Map.of(contest, votes)))))
                        .isInstanceOfSatisfying(BallotEntries.Outcome.Entered.class, e -> assertThat(e.discrepancies()).isEmpty());
            }
            // Every drawn ballot agrees, but the round is open: certification waits, and records nothing.
            assertThat(ResultsCertification.certify(ws, ref, authority.id(), "Clerk")).isInstanceOfSatisfying(
                    ResultsCertification.Outcome.AuditsUnfinished.class, u -> assertThat(u.blockers().unfinishedAudits()).containsExactly(
                            new ResultsCertification.UnfinishedAudit("rla", "round 1 is open: enter the drawn ballots, then close the round")));
            assertThat(ws.certifications().list(ref)).isEmpty();

            var closed = (WorkspaceAudit.Closing.Closed) audit.closeRound(5);
            assertThat(closed.outcome()).isEqualTo("stop: every contest met its risk limit");
            assertThat(ResultsCertification.progress(audit)).isEqualTo(new ResultsCertification.Progress(true,
                    "ended after round 1: stop: every contest met its risk limit"));
            assertThat(ResultsCertification.certify(ws, ref, authority.id(), "Clerk")).isInstanceOfSatisfying(
                    ResultsCertification.Outcome.Recorded.class, r -> assertThat(r.outcome()).isInstanceOf(Certifications.Outcome.Certified.class));
        }
    }

    private static CastVoteRecord firstCvr(Path file, ElectionIndex index) throws IOException {
        List<CastVoteRecord> all = new ArrayList<>();
        CvrFiles.read(file, index, CvrReadOptions.strict(), all::add);
        return all.getFirst();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static <T> T done(AuditRecords.Recorded<T> r) {
        return switch (r) {
            case AuditRecords.Recorded.Done<T> d -> d.value();
            case AuditRecords.Recorded.Refused<T> no -> throw new IllegalStateException(no.reason());
        };
    }
}

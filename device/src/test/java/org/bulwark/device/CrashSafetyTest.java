package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.LogEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cast ballot's paper record, CVR and log event exist all three or none, wherever the device fails. */
class CrashSafetyTest {
    @TempDir(factory = MemoryCards.class)
    Path dir;

    static final class PowerCut extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper-written", "cvr-written", "logged", "paper-moved"})
    void aFailureMidwayLeavesAllThreeOrNone(String where) throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        f.officialOpen();
        Ballot ballot = PrecinctDeviceTest.presidentAnd("cs-president-hb", "cs-county-assessor-db", "cs-county-assessor-me");
        PrecinctDevice.open(f.card, "test", f.clock, new Random(1)).cast(ballot).orThrow();
        PrecinctDevice failing = PrecinctDevice.open(f.card, "test", f.clock, new Random(2), Tabulation.STANDARD, point -> {
            if (point.equals(where)) {
                throw new PowerCut();
            }
        });
        assertThatThrownBy(() -> failing.cast(ballot)).isInstanceOf(PowerCut.class);

        PrecinctDevice restarted = f.reopen();
        long logged = restarted.events().stream().filter(e -> e instanceof LogEvent.DeviceBallotCast).count();
        boolean committed = !where.equals("paper-written") && !where.equals("cvr-written");
        assertThat(logged).isEqualTo(committed ? 2 : 1);
        assertThat(restarted.ballotsCast()).isEqualTo(logged);
        assertThat(restarted.cvrs()).hasSize((int) logged);
        try (var papers = Files.list(f.card.resolve(Card.PAPER))) {
            assertThat(papers.count()).isEqualTo(logged);
        }
        assertThat(f.card.resolve(Card.PENDING)).isEmptyDirectory();
        // And the device goes on: the next ballot is counted as usual.
        restarted.cast(ballot).orThrow();
        assertThat(restarted.cvrs()).hasSize((int) logged + 1);
    }

    @Test
    void aLogLineCutShortByPowerLossIsDroppedAndAnAlteredLogRefused() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.BALLOT_MARKING_DEVICE, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.loaded();
        int events = d.events().size();
        Path log = f.card.resolve(Card.EVENTS);
        Files.writeString(log, "QldFVgEAAAAU", StandardOpenOption.APPEND);
        PrecinctDevice again = f.reopen();
        assertThat(again.events()).hasSize(events);
        assertThat(again.state()).isEqualTo(d.state());

        List<String> lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
        lines.remove(0);
        Files.write(log, lines, StandardCharsets.US_ASCII);
        assertThatThrownBy(f::reopen).isInstanceOf(BadInputException.class)
                .hasMessageContaining("events.log: line 1: the hash chain breaks here");
    }

    @Test
    void aFolderThatIsNoCardIsNamed() {
        assertThatThrownBy(() -> PrecinctDevice.open(dir, "test", java.time.Clock.systemUTC(), new Random()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not a device's memory card");
    }
}

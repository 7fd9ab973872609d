package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bulwark.device.DeviceState.Phase;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir(factory = MemoryCards.class)
    Path dir;

    @Test
    void everyStateHasAWayOutAndEveryTransitionAStart() {
        for (Phase phase : Phase.values()) {
            for (Mode mode : Mode.values()) {
                DeviceState s = DeviceState.of(phase, mode);
                assertThat(DeviceState.parse(s.words())).contains(s);
                assertThat(Transition.allowedIn(s)).as(s.words()).isNotEmpty();
            }
        }
        for (Transition t : Transition.values()) {
            assertThat(t.from()).as(t.word()).isNotEmpty();
        }
        assertThat(EnumSet.allOf(Transition.class).stream().filter(Transition::officialOnly))
                .containsExactlyInAnyOrder(Transition.ENTER_OFFICIAL_MODE, Transition.ENTER_TEST_MODE, Transition.RESET);
        // Official mode can only be entered from test mode, and cast ballots only while polls are open.
        assertThat(Transition.ENTER_OFFICIAL_MODE.allowedFrom(new DeviceState.Configured(Mode.OFFICIAL))).isFalse();
        assertThat(Transition.OPEN_POLLS.allowedFrom(new DeviceState.PollsClosed(Mode.OFFICIAL))).isFalse();
    }

    @Test
    void anIllegalTransitionIsRefusedSayingTheStateAndWhatIsAllowedAndIsLogged() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.newDevice();
        Outcome<Path> refused = d.closePolls("Ann Poll");
        assertThat(refused).isEqualTo(new Outcome.Refused<>(
                "Cannot close-polls: the device is in state 'unconfigured'. Allowed now: load-election."));
        assertThat(d.events()).last().isInstanceOfSatisfying(LogEvent.DeviceTransitionRefused.class, e -> {
            assertThat(e.transition()).isEqualTo("close-polls");
            assertThat(e.state()).isEqualTo("unconfigured");
            assertThat(e.header().disposition()).isEqualTo(Disposition.FAILURE);
        });
        assertThat(d.state()).isEqualTo(new DeviceState.Unconfigured());
        assertThat(d.cast(PrecinctDeviceTest.presidentAnd("cs-president-hb", "cs-county-assessor-db", "cs-county-assessor-me")))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).contains("polls are not open"));
        d.loadElection(f.usb, "clerk").orThrow();
        assertThat(d.loadElection(f.usb, "clerk")).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason())
                .isEqualTo("Cannot load-election: the device is in state 'configured (test)'. Allowed now: open-polls,"
                        + " zero-test-ballots, enter-official-mode, reset."));
        assertThat(d.reset(new Credential("  ", new char[0]))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("an election official must give their name"));
    }

    @Test
    void everyTransitionIsLoggedWithItsStates() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.officialOpen();
        d.pausePolls("Ann Poll").orThrow();
        d.resumePolls("Ann Poll").orThrow();
        d.closePolls("Ann Poll").orThrow();
        d.exportResults(dir.resolve("out"), f.deviceKey, "Ann Poll").orThrow();
        d.enterTestMode(Fixture.CHIEF).orThrow();
        d.reset(Fixture.CHIEF).orThrow();
        List<String> moves = d.events().stream().filter(e -> e instanceof LogEvent.DeviceTransition)
                .map(e -> (LogEvent.DeviceTransition) e).map(t -> t.transition() + ":" + t.fromState() + "->" + t.toState()).toList();
        assertThat(moves).containsExactly(
                "load-election:unconfigured->configured (test)",
                "enter-official-mode:configured (test)->configured (official)",
                "open-polls:configured (official)->polls open (official)",
                "pause-polls:polls open (official)->polls paused (official)",
                "resume-polls:polls paused (official)->polls open (official)",
                "close-polls:polls open (official)->polls closed (official)",
                "export-results:polls closed (official)->results exported (official)",
                "enter-test-mode:results exported (official)->configured (test)",
                "reset:configured (test)->unconfigured");
        assertThat(f.reopen().state()).isEqualTo(new DeviceState.Unconfigured());
        assertThat(d.card().resolve(Card.SET_ASIDE)).isDirectory();
    }

    @Test
    void officialPollsOpenOnlyWithAReadinessClearanceForThisDeviceOrAnOverride() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.loaded();
        d.enterOfficialMode(Fixture.CHIEF).orThrow();
        String fp = d.electionFingerprint().orElseThrow();
        assertThat(d.openPolls(Fixture.opening(Optional.of(f.usb)))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("no readiness clearance (custody package with readiness.json) is on the USB drive"));
        f.readiness("SN-0001", fp, false, f.authority);
        f.readiness("SN-0002", fp, true, f.authority);
        assertThat(d.openPolls(Fixture.opening(Optional.of(f.usb)))).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason())
                .contains("says this device is NOT ready: failed checks seal-check")
                .contains("clears device SN-0002 for election " + fp.substring(0, 7) + ", not this device SN-0001"));
        // A clearance signed by the device's own key is not an authority's.
        Files.delete(f.usb.resolve("readiness-SN-0002-true.zip"));
        f.readiness("SN-0001", fp, true, f.deviceKey);
        assertThat(d.openPolls(Fixture.opening(Optional.of(f.usb)))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("signer"));
        assertThat(d.openPolls(new PrecinctDevice.OpenPolls(List.of("S-1"), "Ann Poll", "ann poll", Optional.of(f.usb),
                Optional.empty()))).isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).contains("two different poll workers"));
        PrecinctDevice.OpenPolls overridden = new PrecinctDevice.OpenPolls(List.of("S-1"), "Ann Poll", "Bob Worker",
                Optional.of(f.usb), Optional.of(new PrecinctDevice.Override(Fixture.CHIEF, "clearance printed, drive lost")));
        assertThat(d.openPolls(overridden)).isInstanceOf(Outcome.Done.class);
        assertThat(d.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LogEvent.DeviceOfficialOverride.class, o -> {
            assertThat(o.header().actor().value()).isEqualTo("Chief Judge");
            assertThat(o.reason()).startsWith("clearance printed, drive lost");
        }));
    }

    @Test
    void pollsDoNotOpenUnlessEveryCounterIsZero() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.loaded();
        Files.createDirectories(d.card().resolve(Card.CVRS));
        Files.writeString(d.card().resolve(Card.CVRS).resolve("0badc0de.cvr"), "left over");
        assertThat(d.openPolls(Fixture.opening(Optional.empty()))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("the counters are not zero (1 ballots on the card)"));
        d.zeroTestBallots("clerk").orThrow();
        assertThat(d.openPolls(Fixture.opening(Optional.empty()))).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void testBallotsNeverReachOfficialResults() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.loaded();
        d.openPolls(Fixture.opening(Optional.empty())).orThrow();
        PrecinctDevice.Cast test = d.cast(PrecinctDeviceTest.presidentAnd("cs-president-hb", "cs-county-assessor-db",
                "cs-county-assessor-me")).orThrow();
        assertThat(PdfText.of(test.paperRecord())).contains("TEST BALLOT - NOT AN OFFICIAL VOTE");
        assertThat(PaperRecords.read(test.paperRecord()).mode()).isEqualTo(Mode.TEST);
        d.closePolls("Ann Poll").orThrow();
        d.enterOfficialMode(Fixture.CHIEF).orThrow();
        assertThat(d.ballotsCast()).isZero();
        assertThat(d.cvrs()).isEmpty();
        assertThat(d.results().ballots().total().counted()).isZero();
    }

    @Test
    void officialOnlyStepsCheckTheRoleOnTheSignedListNotATypedName() throws Exception {
        Fixture f = Fixture.ready(dir, DeviceKind.SCANNER, DeviceSettings.ScannerOvervotes.RETURN);
        PrecinctDevice d = f.loaded();
        record Case(Credential who, String reason) {}
        for (Case c : List.of(
                new Case(Fixture.POLL_WORKER, "Cannot reset: only an election official may; Ann Poll is listed as a poll-worker,"
                        + " not an election official"),
                new Case(new Credential("Mallory", "judge-pin-1234".toCharArray()),
                        "Cannot reset: only an election official may; 'Mallory' is not on the election package's list of officials"),
                new Case(new Credential("chief judge", "judge-pin-0000".toCharArray()),
                        "Cannot reset: only an election official may; the PIN of Chief Judge is wrong"))) {
            assertThat(d.reset(c.who())).isEqualTo(new Outcome.Refused<>(c.reason()));
            assertThat(d.events()).last().isInstanceOfSatisfying(LogEvent.DeviceTransitionRefused.class, e -> {
                assertThat(e.transition()).isEqualTo("reset");
                assertThat(e.header().actor().value()).isEqualTo(c.who().name());
                assertThat(e.reason()).isEqualTo(c.reason()).doesNotContain("1234", "0000");
            });
        }
        assertThat(d.enterOfficialMode(Fixture.POLL_WORKER)).isInstanceOf(Outcome.Refused.class);
        assertThat(d.state()).isEqualTo(new DeviceState.Configured(Mode.TEST));
        // A poll worker cannot override the readiness clearance either.
        d.enterOfficialMode(Fixture.CHIEF).orThrow();
        PrecinctDevice.OpenPolls byPollWorker = new PrecinctDevice.OpenPolls(List.of("S-1"), "Ann Poll", "Bob Worker",
                Optional.of(f.usb), Optional.of(new PrecinctDevice.Override(Fixture.POLL_WORKER, "drive lost")));
        assertThat(d.openPolls(byPollWorker)).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason())
                .contains("only an election official may override: Ann Poll is listed as a poll-worker"));
        assertThat(d.events()).noneMatch(e -> e instanceof LogEvent.DeviceOfficialOverride);
        // After a restart the device checks the list it keeps on the card with the election.
        assertThat(f.reopen().reset(Fixture.POLL_WORKER)).isInstanceOf(Outcome.Refused.class);
        assertThat(f.reopen().reset(Fixture.CHIEF).orThrow()).isEqualTo(new DeviceState.Unconfigured());
    }

    @Test
    void anElectionPackageWithoutItsListOfOfficialsIsRefused() throws Exception {
        Fixture f = Fixture.create(dir, DeviceKind.SCANNER);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path def = staging.resolve("election.json");
        try (var o = Files.newOutputStream(def)) {
            org.bulwark.formats.election.ElectionFiles.writeBulwarkJson(f.election, o);
        }
        Path cert = staging.resolve(CertifiedSoftware.FILE);
        Files.write(cert, new CertifiedSoftware(List.of(SoftwareFingerprint.ofRunningDevice())).bytes());
        org.bulwark.ledger.pkg.Packages.create(new org.bulwark.ledger.pkg.Packages.Request(
                new org.bulwark.ledger.trust.PackageType.Election(),
                Optional.of(org.bulwark.model.ElectionFingerprint.of(f.election).sha256()), Mode.OFFICIAL,
                List.of(org.bulwark.ledger.pkg.PackageFile.of(def), org.bulwark.ledger.pkg.PackageFile.of(cert))),
                f.authority, f.usb.resolve("election.zip"), f.clock);
        PrecinctDevice d = f.newDevice();
        assertThat(d.loadElection(f.usb, "clerk")).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).contains(Officials.FILE));
        assertThat(d.state()).isEqualTo(new DeviceState.Unconfigured());
        assertThat(d.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LogEvent.DeviceElectionRefused.class,
                x -> assertThat(x.reason()).contains("the package has no file 'officials.json'")));
    }
}

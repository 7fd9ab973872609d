package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in rules against a real workspace and a clock the test moves. */
class SignInTest {
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2028-11-08T02:00:00Z"));
    Workspace ws;
    SignIn signIn;
    String adminSecret;

    @BeforeEach
    void open() {
        ws = Workspace.open(new WorkspaceLocation.SqliteFile(dir.resolve("w.db")), clock, "test");
        adminSecret = ((PortalUsers.Creation.Created) PortalUsers.create(ws, new PortalUsers.NewUser("root", "Root Admin",
                Role.STATE_ADMIN, Optional.empty(), "correct horse battery"), "test", new SecureRandom())).totpSecret();
        PortalUsers.create(ws, new PortalUsers.NewUser("staff", "State Staff", Role.STATE_STAFF, Optional.empty(),
                "correct horse battery"), "test", new SecureRandom());
        signIn = new SignIn(ws.portalAccounts(), clock);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void staffSignInWithThePasswordAlone() {
        assertThat(signIn.password("staff", "correct horse battery")).isInstanceOfSatisfying(SignIn.Outcome.SignedIn.class,
                s -> assertThat(s.user().role()).isEqualTo(Role.STATE_STAFF));
    }

    @Test
    void administratorsMustGiveTheirCodeToo() {
        assertThat(signIn.password("root", "correct horse battery")).isEqualTo(new SignIn.Outcome.SecondFactorNeeded("root"));
        String code = Totp.code(adminSecret, clock.instant());
        assertThat(signIn.secondFactor("root", code)).isInstanceOf(SignIn.Outcome.SignedIn.class);
        assertThat(signIn.secondFactor("root", code)).as("the same code twice").isInstanceOf(SignIn.Outcome.Refused.class);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        assertThat(signIn.password("nobody", "correct horse battery")).isEqualTo(new SignIn.Outcome.Refused(SignIn.WRONG));
        assertThat(signIn.password("staff", "wrong password!!")).isEqualTo(new SignIn.Outcome.Refused(SignIn.WRONG));
    }

    @Test
    void failuresLockTheAccountForGrowingDelays() {
        for (int i = 0; i < SignIn.FREE_FAILURES; i++) {
            assertThat(signIn.password("staff", "wrong password!!")).isEqualTo(new SignIn.Outcome.Refused(SignIn.WRONG));
        }
        // Locked for 30 s: even the right password is not tried.
        assertThat(signIn.password("staff", "correct horse battery")).isInstanceOfSatisfying(SignIn.Outcome.Refused.class,
                r -> assertThat(r.message()).isEqualTo("Too many failed attempts: this account can be tried again at 02:00:30 UTC."));
        clock.advance(Duration.ofSeconds(30));
        assertThat(signIn.password("staff", "wrong password!!")).isInstanceOf(SignIn.Outcome.Refused.class);
        assertThat(ws.portalAccounts().find("staff").orElseThrow().lockedUntil()).isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(signIn.password("staff", "correct horse battery")).isInstanceOf(SignIn.Outcome.SignedIn.class);
        assertThat(ws.portalAccounts().find("staff").orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void delaysDoubleUpToAnHour() {
        assertThat(SignIn.delayAfter(2)).isEqualTo(Duration.ZERO);
        assertThat(SignIn.delayAfter(3)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignIn.delayAfter(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SignIn.delayAfter(9)).isEqualTo(Duration.ofSeconds(30 * 64));
        assertThat(SignIn.delayAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyStepIsLoggedWithWhoAndTheOutcome() {
        signIn.password("root", "wrong password!!");
        signIn.password("root", "correct horse battery");
        signIn.secondFactor("root", Totp.code(adminSecret, clock.instant()));
        List<LogEvent.SignIn> steps = new ArrayList<>();
        ws.forEachLogEntry(0, e -> {
            if (e.event() instanceof LogEvent.SignIn s) {
                steps.add(s);
            }
        });
        assertThat(steps).extracting(LogEvent.SignIn::factor, LogEvent.SignIn::outcome, s -> s.header().disposition())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("password", "wrong password", Disposition.FAILURE),
                        org.assertj.core.groups.Tuple.tuple("password", "password accepted; second factor owed", Disposition.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("totp", "signed in", Disposition.SUCCESS));
        assertThat(steps).allSatisfy(s -> assertThat(s.header().actor().value()).isEqualTo("root"));
    }
}

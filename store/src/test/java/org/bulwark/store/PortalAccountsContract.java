package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Portal accounts on each database: created and signed in with their log events in the same transaction. */
abstract class PortalAccountsContract {
    private final List<Workspace> opened = new ArrayList<>();
    private WorkspaceLocation location;

    abstract WorkspaceLocation newLocation() throws Exception;

    @BeforeEach
    void createLocation() throws Exception {
        location = newLocation();
    }

    @AfterEach
    void closeWorkspaces() {
        opened.forEach(Workspace::close);
    }

    private Workspace open() {
        Workspace w = Workspace.open(location, Fixtures.CLOCK, Fixtures.IMPORTER);
        opened.add(w);
        return w;
    }

    static PortalAccounts.NewAccount clerk(String username) {
        return new PortalAccounts.NewAccount(username, "Pat Clerk", "authority staff", Optional.of("county-7"),
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "JBSWY3DPEHPK3PXP");
    }

    @Test
    void anAccountIsStoredWithItsCreationLogged() {
        Workspace ws = open();
        PortalAccount created = ws.portalAccounts().create(clerk("pat"), "admin-1").orElseThrow();

        assertThat(created.username()).isEqualTo("pat");
        assertThat(created.authority()).contains("county-7");
        assertThat(created.failedAttempts()).isZero();
        assertThat(created.lockedUntil()).isEqualTo(Instant.EPOCH);
        LoggedEntry entry = ws.logEntry(ws.logSize() - 1).orElseThrow();
        assertThat(entry.event()).isInstanceOfSatisfying(LogEvent.AccountCreated.class, e -> {
            assertThat(e.username()).isEqualTo("pat");
            assertThat(e.role()).isEqualTo("authority staff");
            assertThat(e.authority()).isEqualTo("county-7");
            assertThat(e.header().actor().value()).isEqualTo("admin-1");
        });
    }

    @Test
    void aTakenUsernameWritesNothing() {
        Workspace ws = open();
        ws.portalAccounts().create(clerk("pat"), "admin-1");
        long size = ws.logSize();

        assertThat(ws.portalAccounts().create(clerk("pat"), "admin-2")).isEmpty();
        assertThat(ws.logSize()).isEqualTo(size);
        assertThat(ws.portalAccounts().list()).hasSize(1);
    }

    @Test
    void signInStepsKeepTheirCountersAcrossReopeningAndAreLogged() {
        Workspace ws = open();
        ws.portalAccounts().create(clerk("pat"), "admin-1");
        Instant locked = Instant.parse("2026-11-03T20:00:00Z");
        ws.portalAccounts().recordSignIn(new PortalAccounts.SignInStep("pat", "password", false, "wrong password", 4,
                locked, Optional.empty()));
        ws.portalAccounts().recordSignIn(new PortalAccounts.SignInStep("pat", "totp", true, "signed in", 0,
                Instant.EPOCH, Optional.of(59_000_000L)));
        // An older step never moves the replay guard back.
        ws.portalAccounts().recordSignIn(new PortalAccounts.SignInStep("pat", "totp", true, "signed in", 0,
                Instant.EPOCH, Optional.of(58_999_999L)));
        ws.close();

        Workspace again = open();
        PortalAccount pat = again.portalAccounts().find("pat").orElseThrow();
        assertThat(pat.failedAttempts()).isZero();
        assertThat(pat.totpLastStep()).isEqualTo(59_000_000L);
        List<LogEvent.SignIn> signIns = new ArrayList<>();
        again.forEachLogEntry(0, e -> {
            if (e.event() instanceof LogEvent.SignIn s) {
                signIns.add(s);
            }
        });
        assertThat(signIns).extracting(s -> s.header().disposition())
                .containsExactly(Disposition.FAILURE, Disposition.SUCCESS, Disposition.SUCCESS);
        assertThat(signIns.getFirst().outcome()).isEqualTo("wrong password");
        assertThat(again.verifyLog()).isInstanceOf(LogCheck.Intact.class);
    }

    @Test
    void aLockoutIsKept() {
        Workspace ws = open();
        ws.portalAccounts().create(clerk("pat"), "admin-1");
        Instant locked = Instant.parse("2026-11-03T20:00:00Z");
        ws.portalAccounts().recordSignIn(new PortalAccounts.SignInStep("pat", "password", false, "wrong password", 5,
                locked, Optional.empty()));

        PortalAccount pat = ws.portalAccounts().find("pat").orElseThrow();
        assertThat(pat.failedAttempts()).isEqualTo(5);
        assertThat(pat.lockedUntil()).isEqualTo(locked);
        assertThat(ws.portalAccounts().find("nobody")).isEmpty();
    }
}

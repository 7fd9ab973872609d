package org.bulwark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;

/**
 * The web portal's accounts in a workspace ({@link Workspace#portalAccounts()}). Every change is
 * one transaction of the workspace together with its log event, so the log names who created each
 * account and every sign-in step, accepted or refused. The rules (password hashing, lockout delays,
 * two factors) are the server's; this class only keeps their state.
 */
public final class PortalAccounts {
    /** What a new account is made of; the hash and secret are made by the caller. */
    public record NewAccount(String username, String displayName, String role, Optional<String> authority,
            String passwordHash, String totpSecret) {}

    /**
     * The outcome of one sign-in step, to be stored and logged.
     *
     * @param factor "password" or "totp"
     * @param accepted whether the step passed
     * @param outcome what happened in words, for the log
     * @param failedAttempts the account's failed attempts after this step
     * @param lockedUntil the account's lockout after this step
     * @param totpStep the TOTP time step accepted by this step, if it accepted one
     */
    public record SignInStep(String username, String factor, boolean accepted, String outcome, int failedAttempts,
            Instant lockedUntil, Optional<Long> totpStep) {}

    private final Workspace workspace;
    private final Connection connection;
    private final LogStore log;
    private final Clock clock;

    PortalAccounts(Workspace workspace, Connection connection, LogStore log, Clock clock) {
        this.workspace = workspace;
        this.connection = connection;
        this.log = log;
        this.clock = clock;
    }

    /** Creates an account and logs it as done by {@code createdBy}; empty (nothing written) when the username is taken. */
    public Optional<PortalAccount> create(NewAccount account, String createdBy) {
        synchronized (workspace) {
            return workspace.transaction(true, "create the portal account " + account.username(), () -> {
                if (selectOne(account.username()).isPresent()) {
                    return Optional.<PortalAccount>empty();
                }
                Instant now = Instant.ofEpochMilli(clock.millis());
                long index = log.append(List.of(new LogEvent.AccountCreated(header(createdBy, now, Disposition.SUCCESS),
                        account.username(), account.role(), account.authority().orElse("state"))));
                try (PreparedStatement ps = connection.prepareStatement("""
                        INSERT INTO portal_account (username, display_name, role, authority, password_hash, totp_secret,
                            created_at, created_by, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, account.username());
                    ps.setString(2, account.displayName());
                    ps.setString(3, account.role());
                    ps.setString(4, account.authority().orElse(null));
                    ps.setString(5, account.passwordHash());
                    ps.setString(6, account.totpSecret());
                    ps.setLong(7, now.toEpochMilli());
                    ps.setString(8, createdBy);
                    ps.setLong(9, index);
                    ps.executeUpdate();
                }
                return selectOne(account.username());
            });
        }
    }

    /** The account with this username, if there is one. */
    public Optional<PortalAccount> find(String username) {
        synchronized (workspace) {
            return workspace.transaction(false, "read the portal accounts", () -> selectOne(username));
        }
    }

    /** Every account, by username. */
    public List<PortalAccount> list() {
        synchronized (workspace) {
            return workspace.transaction(false, "read the portal accounts", () -> select(" ORDER BY username", null));
        }
    }

    /** Stores the counters a sign-in step leaves and logs the step, in one transaction. */
    public void recordSignIn(SignInStep step) {
        synchronized (workspace) {
            workspace.transaction(true, "record a sign-in", () -> {
                Instant now = Instant.ofEpochMilli(clock.millis());
                log.append(List.of(new LogEvent.SignIn(header(step.username(), now,
                        step.accepted() ? Disposition.SUCCESS : Disposition.FAILURE), step.username(), step.factor(),
                        step.outcome())));
                try (PreparedStatement ps = connection.prepareStatement("""
                        UPDATE portal_account SET failed_attempts = ?, locked_until = ?,
                            totp_last_step = CASE WHEN ? > totp_last_step THEN ? ELSE totp_last_step END
                        WHERE username = ?""")) {
                    long stepValue = step.totpStep().orElse(0L);
                    ps.setInt(1, step.failedAttempts());
                    ps.setLong(2, step.lockedUntil().toEpochMilli());
                    ps.setLong(3, stepValue);
                    ps.setLong(4, stepValue);
                    ps.setString(5, step.username());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Logs that a session ended. */
    public void recordSignOut(String username, String reason) {
        workspace.appendToLog(List.of(new LogEvent.SignOut(header(username, Instant.ofEpochMilli(clock.millis()),
                Disposition.SUCCESS), username, reason)));
    }

    private static EventHeader header(String actor, Instant now, Disposition disposition) {
        return new EventHeader(now, new Actor(actor), Optional.empty(), new Jurisdiction.Named("web portal"), disposition);
    }

    private Optional<PortalAccount> selectOne(String username) throws SQLException {
        List<PortalAccount> found = select(" WHERE username = ?", username);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<PortalAccount> select(String where, String value) throws SQLException {
        List<PortalAccount> all = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT username, display_name, role, authority, password_hash, totp_secret, totp_last_step,
                    failed_attempts, locked_until FROM portal_account""" + where)) {
            if (value != null) {
                ps.setString(1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new PortalAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                            rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9))));
                }
            }
        }
        return all;
    }
}

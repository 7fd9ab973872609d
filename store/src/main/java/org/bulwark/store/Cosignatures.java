package org.bulwark.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bulwark.ledger.log.Checkpoint;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.SplitView;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.WorkspaceException.DamagedWorkspace;

/**
 * Cosigned checkpoints kept in a workspace (table log_cosignature, migration V6), each stored with
 * its log event in one transaction:
 *
 * <ul>
 *   <li>{@link #recordGiven}: a checkpoint of another authority's log that this workspace's key
 *       cosigned (the state cosigning a county's). Refused as a split view when a checkpoint of the same
 *       log and size with another root was cosigned before.
 *   <li>{@link #recordReceived}: a checkpoint of this workspace's own log, cosigned by another
 *       authority and brought back. Refused as a split view when its root is not this log's root at its
 *       size; kept, {@link Workspace#verifyLog} checks it against the entries like any saved checkpoint.
 * </ul>
 */
public final class Cosignatures {
    private final Workspace workspace;

    Cosignatures(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Which way a cosignature went. */
    public enum Direction {
        /** This workspace's key cosigned another log's checkpoint. */
        GIVEN,
        /** Another authority cosigned this workspace's own log's checkpoint. */
        RECEIVED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A cosigned checkpoint whose signatures were verified (the log's and the cosigner's).
     *
     * @param note the whole signed note, every signature line included
     * @param cosigner the cosigner's key name
     * @param cosignedAt the time the cosignature states
     */
    public record Cosigned(Checkpoint checkpoint, String note, String cosigner, Instant cosignedAt) {}

    /** A cosigned checkpoint as kept. */
    public record Stored(long id, Direction direction, Checkpoint checkpoint, String note, String cosigner, Instant cosignedAt,
            Instant savedAt, long logIndex) {}

    /** What recording a cosigned checkpoint did. */
    public sealed interface Recording {
        record Kept(Stored stored) implements Recording {}

        /** Nothing was kept or logged: the checkpoint contradicts one kept before (or this log itself). */
        record SplitViewFound(SplitView.Finding finding) implements Recording {}

        /** Nothing was kept or logged: the checkpoint covers more entries than this log holds. */
        record BeyondThisLog(String message) implements Recording {}
    }

    /**
     * Keeps a checkpoint this workspace's key cosigned, with {@code event}, unless a checkpoint of the
     * same log and size with another root was cosigned here before (a split view: refuse to cosign).
     */
    public Recording recordGiven(Cosigned cosigned, LogEvent.CheckpointCosigned event) {
        return workspace.writeSql("keep the cosigned checkpoint", () -> {
            for (Stored earlier : select(Optional.of(cosigned.checkpoint().origin()), Optional.of(Direction.GIVEN))) {
                Optional<SplitView.Finding> split = SplitView.sameSize("the checkpoint cosigned at " + earlier.cosignedAt()
                        + " (kept as cosignature #" + earlier.id() + ")", earlier.checkpoint(), "this checkpoint", cosigned.checkpoint());
                if (split.isPresent()) {
                    return new Recording.SplitViewFound(split.get());
                }
            }
            return new Recording.Kept(insert(Direction.GIVEN, cosigned, event));
        });
    }

    /**
     * Keeps a checkpoint of this workspace's own log, cosigned by another authority, with
     * {@code event}, if its root is this log's root at its size.
     */
    public Recording recordReceived(Cosigned cosigned, LogEvent.CheckpointCosigned event) {
        return workspace.writeSql("keep the cosigned checkpoint", () -> {
            Checkpoint c = cosigned.checkpoint();
            long size = workspace.logStore().size();
            if (c.size() > size) {
                return new Recording.BeyondThisLog("the cosigned checkpoint covers " + c.size() + " entries but this workspace's log has "
                        + size + ": it is not a checkpoint of this log, or the log lost entries");
            }
            Hash ours = workspace.logStore().rootFromTiles(c.size());
            if (!ours.equals(c.root())) {
                return new Recording.SplitViewFound(SplitView.sameSize("this workspace's log", new Checkpoint(c.origin(), c.size(), ours),
                        "the cosigned checkpoint", c).orElseThrow());
            }
            return new Recording.Kept(insert(Direction.RECEIVED, cosigned, event));
        });
    }

    /** Every cosigned checkpoint kept, oldest first. */
    public List<Stored> list() {
        return workspace.readSql("read the cosigned checkpoints", () -> select(Optional.empty(), Optional.empty()));
    }

    private Stored insert(Direction direction, Cosigned cosigned, LogEvent.CheckpointCosigned event) throws SQLException {
        long logIndex = workspace.logStore().append(List.of(event));
        Instant now = workspace.now();
        Checkpoint c = cosigned.checkpoint();
        try (PreparedStatement ps = workspace.connection().prepareStatement("""
                INSERT INTO log_cosignature (direction, origin, tree_size, root_hash, note, cosigner, cosigned_at, saved_at, log_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, direction.word());
            ps.setString(2, c.origin());
            ps.setLong(3, c.size());
            ps.setString(4, c.root().hex());
            ps.setString(5, cosigned.note());
            ps.setString(6, cosigned.cosigner());
            ps.setLong(7, cosigned.cosignedAt().toEpochMilli());
            ps.setLong(8, now.toEpochMilli());
            ps.setLong(9, logIndex);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Stored(rs.getLong(1), direction, c, cosigned.note(), cosigned.cosigner(),
                        Instant.ofEpochMilli(cosigned.cosignedAt().toEpochMilli()), now, logIndex);
            }
        }
    }

    private List<Stored> select(Optional<String> origin, Optional<Direction> direction) throws SQLException {
        List<Stored> all = new ArrayList<>();
        try (PreparedStatement ps = workspace.connection().prepareStatement("""
                SELECT id, direction, origin, tree_size, root_hash, note, cosigner, cosigned_at, saved_at, log_index
                FROM log_cosignature WHERE (CAST(? AS TEXT) IS NULL OR origin = ?) AND (CAST(? AS TEXT) IS NULL OR direction = ?)
                ORDER BY id""")) {
            ps.setString(1, origin.orElse(null));
            ps.setString(2, origin.orElse(null));
            ps.setString(3, direction.map(Direction::word).orElse(null));
            ps.setString(4, direction.map(Direction::word).orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Hash root = Hash.fromHex(rs.getString(5)).orElseThrow(() -> new DamagedWorkspace(workspace.location().describe(),
                            "cosignature #" + id + " has a root that is not a hash", null));
                    all.add(new Stored(id, Direction.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                            new Checkpoint(rs.getString(3), rs.getLong(4), root), rs.getString(6), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getLong(10)));
                }
            }
        }
        return all;
    }
}

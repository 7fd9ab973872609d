package org.bulwark.store;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.log.BundleId;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.LogWrite;
import org.bulwark.ledger.log.Merkle;
import org.bulwark.ledger.log.TileAppender;
import org.bulwark.ledger.log.TileHashSource;
import org.bulwark.ledger.log.TileId;
import org.bulwark.ledger.log.TileLayout;
import org.bulwark.ledger.log.TileReader;
import org.bulwark.model.events.EventEncoding;
import org.bulwark.model.events.LogEvent;

/**
 * The log tables of a workspace, used inside the workspace's transactions. Appends go in batches of
 * prepared inserts; the hash tiles are brought up to date in the same transaction, so the entries
 * and their tree never disagree after a commit.
 */
final class LogStore {
    static final int BATCH = 4_096;

    private final Connection connection;

    LogStore(Connection connection) {
        this.connection = connection;
    }

    long size() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entry");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Appends the events in order; returns the index of the first. */
    long append(List<? extends LogEvent> events) throws SQLException {
        long first = size();
        TileAppender tree = first == 0 ? TileAppender.empty() : TileAppender.resume(first, reader());
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO log_entry (idx, entry) VALUES (?, ?)")) {
            long index = first;
            for (LogEvent event : events) {
                byte[] entry = EventEncoding.encode(event);
                tree.append(entry);
                ps.setLong(1, index++);
                ps.setBytes(2, entry);
                ps.addBatch();
                if ((index - first) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        storeTiles(tree.drain());
        return first;
    }

    private void storeTiles(List<LogWrite> writes) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO log_tile (level, idx, hashes) VALUES (?, ?, ?)
                ON CONFLICT (level, idx) DO UPDATE SET hashes = excluded.hashes""")) {
            for (LogWrite w : writes) {
                // Entry bundles are not stored twice: they are read back from log_entry.
                if (w instanceof LogWrite.TileWrite t) {
                    ps.setInt(1, t.id().level());
                    ps.setLong(2, t.id().index());
                    ps.setBytes(3, t.content());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    Optional<byte[]> entry(long index) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT entry FROM log_entry WHERE idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    interface EntrySink {
        void accept(long index, byte[] entry) throws SQLException;
    }

    void forEach(long from, long to, EntrySink sink) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT idx, entry FROM log_entry WHERE idx >= ? AND idx < ? ORDER BY idx")) {
            ps.setFetchSize(BATCH);
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
    }

    /**
     * The tiles and entry bundles as the C2SP tlog-tiles layout names them, read from the tables. Used
     * only inside a transaction of the workspace (resuming an append, computing a proof).
     */
    TileReader reader() {
        return new TileReader() {
            @Override
            public Optional<byte[]> readTile(TileId id) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT hashes FROM log_tile WHERE level = ? AND idx = ?")) {
                    ps.setInt(1, id.level());
                    ps.setLong(2, id.index());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        byte[] hashes = rs.getBytes(1);
                        int length = id.width() * Hash.SIZE;
                        return hashes.length < length ? Optional.empty()
                                : Optional.of(java.util.Arrays.copyOf(hashes, length));
                    }
                } catch (SQLException e) {
                    throw new SqlInReader(e);
                }
            }

            @Override
            public Optional<byte[]> readEntryBundle(BundleId id) {
                ByteArrayOutputStream bundle = new ByteArrayOutputStream();
                long from = id.index() * TileLayout.TILE_WIDTH;
                int[] count = {0};
                try {
                    forEach(from, from + id.width(), (index, entry) -> {
                        bundle.write(entry.length >>> 8);
                        bundle.write(entry.length & 0xFF);
                        bundle.writeBytes(entry);
                        count[0]++;
                    });
                } catch (SQLException e) {
                    throw new SqlInReader(e);
                }
                return count[0] == id.width() ? Optional.of(bundle.toByteArray()) : Optional.empty();
            }
        };
    }

    /** Carries a database error out of a callback (a TileReader, a package's replay guard) that may not throw SQLException. */
    static final class SqlInReader extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlInReader(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** The root over the stored tiles (what proofs and checkpoints use). */
    Hash rootFromTiles(long size) {
        return Merkle.root(size, new TileHashSource(size, reader()));
    }

    record SavedCheckpoint(long treeSize, String rootHex, String note, String kind) {}

    void saveCheckpoint(long treeSize, Hash root, String note, String kind, long savedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO log_checkpoint (tree_size, root_hash, note, kind, saved_at) VALUES (?, ?, ?, ?, ?)""")) {
            ps.setLong(1, treeSize);
            ps.setString(2, root.hex());
            ps.setString(3, note);
            ps.setString(4, kind);
            ps.setLong(5, savedAt);
            ps.executeUpdate();
        }
    }

    List<SavedCheckpoint> checkpoints() throws SQLException {
        List<SavedCheckpoint> all = new ArrayList<>();
        // Cosigned checkpoints of this log brought back from the cosigner must match the tree like the log's own.
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT tree_size, root_hash, note, kind FROM (
                    SELECT 0 AS source, id, tree_size, root_hash, note, kind FROM log_checkpoint
                    UNION ALL
                    SELECT 1 AS source, id, tree_size, root_hash, note, 'cosigned' AS kind FROM log_cosignature
                    WHERE direction = 'received') AS c
                ORDER BY source, id""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new SavedCheckpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return all;
    }
}

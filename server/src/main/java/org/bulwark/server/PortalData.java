package org.bulwark.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.store.ImportedFile;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import org.bulwark.tally.Tabulator;
import org.bulwark.tally.TallyPipeline;

/**
 * What the pages show of the workspace, computed once and shared by every reader until the
 * workspace changes: the elections, their live tally from the imported CVRs and the ballots per
 * authority. Many readers of the statewide dashboard then cost one look at the workspace every
 * {@link #RECHECK}, not one tally each. A change through the portal is seen at once
 * ({@link #changed}); a change by another program (the command line) within {@link #RECHECK}.
 */
final class PortalData {
    static final Duration RECHECK = Duration.ofSeconds(2);

    /** One election as the pages show it. */
    record ElectionView(StoredElection stored, ElectionIndex index, String fingerprint, List<ImportedFile> files,
            Optional<ElectionResults> results, List<GpUnit> authorities, Map<GpUnitId, Long> ballotsByAuthority) {
        long ballots() {
            return results.map(r -> r.ballots().total().counted()).orElse(0L);
        }
    }

    /**
     * @param readiness the custody records' device readiness, per authority (one GROUP BY, so re-read
     *     at every recheck, while the tallies wait for the CVR files to change)
     */
    record Snapshot(List<ElectionView> elections, ReadinessMatrix readiness) {
        long devices(GpUnit authority) {
            return readiness.rows().stream().filter(r -> names(authority, r.name())).mapToLong(ReadinessMatrix.Row::devices).sum();
        }

        /** The authority's devices in service that fail any of {@code checks}. */
        List<ReadinessMatrix.FailingDevice> failing(GpUnit authority, java.util.Collection<ReadinessCheck> checks) {
            return readiness.failing().stream().filter(d -> names(authority, d.authority().value()))
                    .filter(d -> d.failed().stream().anyMatch(checks::contains)).toList();
        }

        /** Custody records name an authority by the election's GpUnit id or by its name. */
        static boolean names(GpUnit authority, String custodyName) {
            return custodyNames(authority).contains(custodyName);
        }

        static java.util.Set<String> custodyNames(GpUnit authority) {
            return java.util.Set.copyOf(List.of(authority.id().value(), authority.name())); // copyOf: an id may equal the name
        }

        /** The election authority a custody record names, if an imported election has it. */
        Optional<GpUnit> authorityNamed(String custodyName) {
            return authorities().stream().filter(a -> names(a, custodyName)).findFirst();
        }

        /** The authorities of every election, each once, in definition order. */
        List<GpUnit> authorities() {
            Map<GpUnitId, GpUnit> all = new LinkedHashMap<>();
            elections.forEach(e -> e.authorities().forEach(a -> all.putIfAbsent(a.id(), a)));
            return List.copyOf(all.values());
        }

        Optional<GpUnit> authority(GpUnitId id) {
            return authorities().stream().filter(a -> a.id().equals(id)).findFirst();
        }

        Optional<ElectionView> election(long ref) {
            return elections.stream().filter(e -> e.stored().ref().id() == ref).findFirst();
        }
    }

    private record Stamp(List<Long> elections, List<Long> files) {}

    private final Workspace workspace;
    private final Clock clock;
    private Snapshot snapshot;
    private Stamp stamp;
    private Instant checkedAt = Instant.MIN;

    PortalData(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot != null && now.isBefore(checkedAt.plus(RECHECK))) {
            return snapshot;
        }
        List<StoredElection> elections = workspace.listElections();
        Stamp current = stamp(elections);
        ReadinessMatrix readiness = workspace.custody().readinessMatrix(Optional.empty(), comingElection(elections));
        if (snapshot == null || !current.equals(stamp)) {
            snapshot = compute(elections, readiness);
            stamp = current;
        } else if (!readiness.equals(snapshot.readiness())) {
            snapshot = new Snapshot(snapshot.elections(), readiness);
        }
        checkedAt = now;
        return snapshot;
    }

    /** Called after the portal changed the workspace: the next reader recomputes. */
    synchronized void changed() {
        snapshot = null;
    }

    /** Readiness is for one election: the latest by date in the workspace (devices tested for another one fail). */
    private static Optional<Fingerprint> comingElection(List<StoredElection> elections) {
        return elections.stream().max(Comparator.comparing(StoredElection::date))
                .flatMap(e -> Fingerprint.parse("sha256:" + e.fingerprint()));
    }

    private Stamp stamp(List<StoredElection> stored) {
        List<Long> elections = new ArrayList<>();
        List<Long> files = new ArrayList<>();
        for (StoredElection e : stored) {
            elections.add(e.ref().id());
            workspace.importedFiles(e.ref()).forEach(f -> files.add(f.id()));
        }
        return new Stamp(elections, files);
    }

    private Snapshot compute(List<StoredElection> elections, ReadinessMatrix readiness) {
        List<ElectionView> views = new ArrayList<>();
        for (StoredElection e : elections) {
            ElectionIndex index = ElectionIndex.of(workspace.loadElection(e.ref()));
            List<ImportedFile> files = workspace.importedFiles(e.ref());
            Optional<ElectionResults> results = files.isEmpty() ? Optional.empty() : Optional.of(tally(e, index));
            List<GpUnit> authorities = index.election().gpUnits().stream().filter(GpUnit::authority).toList();
            views.add(new ElectionView(e, index, ElectionFingerprint.of(index.election()).sha256(), files, results,
                    authorities, ballotsByAuthority(index, authorities, results)));
        }
        return new Snapshot(List.copyOf(views), readiness);
    }

    private ElectionResults tally(StoredElection e, ElectionIndex index) {
        try {
            return TallyPipeline.run(Tabulator.of(index), 1, 64, sink -> workspace.forEachCvr(e.ref(), sink));
        } catch (IOException e1) {
            throw new java.io.UncheckedIOException(e1);
        } catch (InterruptedException e1) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting", e1);
        }
    }

    /** Ballots counted per authority: each precinct or split the CVRs name, credited to the authority composed of it. */
    private static Map<GpUnitId, Long> ballotsByAuthority(ElectionIndex index, List<GpUnit> authorities,
            Optional<ElectionResults> results) {
        Map<GpUnitId, GpUnitId> owner = new HashMap<>();
        for (GpUnit a : authorities) {
            List<GpUnitId> todo = new ArrayList<>(a.composingUnits());
            while (!todo.isEmpty()) {
                GpUnitId u = todo.removeLast();
                if (owner.putIfAbsent(u, a.id()) == null) {
                    index.gpUnit(u).ifPresent(unit -> todo.addAll(unit.composingUnits()));
                }
            }
        }
        Map<GpUnitId, Long> counts = new LinkedHashMap<>();
        authorities.forEach(a -> counts.put(a.id(), 0L));
        results.ifPresent(r -> {
            for (Map.Entry<GpUnitId, BallotCounts> e : r.ballots().byUnit().entrySet()) {
                GpUnitId a = owner.get(e.getKey());
                if (a != null) {
                    counts.merge(a, e.getValue().counted(), Long::sum);
                }
            }
        });
        return counts;
    }
}

package org.bulwark.formats.cvr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * The CVR being read, in either encoding: collects its parts in scratch space reused from one CVR
 * to the next, picks the current snapshot, notes the ids it uses for strict mode, and hands the
 * finished record to the {@link CvrEmitter}.
 */
final class CvrBuilder {
    private final String file;
    private final CountingGroup countingGroup;
    private final CvrEmitter emitter;
    private final Optional<ReportReferences> refs;

    private int line;
    private int column;
    String uniqueId;
    String prePrinted;
    BallotStyleId style;
    GpUnitId unit;
    String device;
    String batch;
    String currentSnapshot;
    final ArrayList<PartyId> parties = new ArrayList<>();
    final ArrayList<String> images = new ArrayList<>();
    private final List<String> snapshotIds = new ArrayList<>();
    private final List<List<CvrContest>> snapshotContests = new ArrayList<>();
    private final ArrayList<CvrContest> contests = new ArrayList<>();
    private final ArrayList<Mark> marks = new ArrayList<>();
    private final Positions positions = new Positions();

    CvrBuilder(String file, CountingGroup countingGroup, CvrEmitter emitter, Optional<ReportReferences> refs) {
        this.file = file;
        this.countingGroup = countingGroup;
        this.emitter = emitter;
        this.refs = refs;
    }

    void start(int startLine, int startColumn) {
        line = startLine;
        column = startColumn;
        uniqueId = null;
        prePrinted = null;
        style = null;
        unit = null;
        device = null;
        batch = null;
        currentSnapshot = null;
        parties.clear();
        images.clear();
        snapshotIds.clear();
        snapshotContests.clear();
    }

    /** Where the CVR starts, for messages about ids it uses. */
    String place() {
        return "CVR " + emitter.ordinal() + ", line " + line + ", column " + column;
    }

    void electionId(String id) {
        refs.ifPresent(r -> {
            if (!r.seenElection(id)) {
                r.useElection(id, place());
            }
        });
    }

    void startSnapshot() {
        contests.clear();
    }

    void startContest() {
        marks.clear();
    }

    void startSelection() {
        positions.clear();
    }

    /** A SelectionPosition; a blank write-in text (XML {@code <Text/>}) means no name was read. */
    void position(int votes, Indication indication, Indication allocable, int rank, String writeIn, boolean generated) {
        positions.add(votes, indication, allocable, rank, writeIn == null || writeIn.isBlank() ? null : writeIn, generated);
    }

    int positionCount() {
        return positions.size;
    }

    /** Turns the positions read into marks, now that the selection id and its Rank are known. */
    void endSelection(SelectionId selection, int selectionRank) {
        for (int i = 0; i < positions.size; i++) {
            // A position's own Rank wins; the selection's Rank applies to positions without one.
            int r = positions.rank[i] > 0 ? positions.rank[i] : selectionRank;
            marks.add(new Mark(selection, positions.votes[i], positions.indication[i], positions.allocable[i], r,
                    Optional.ofNullable(positions.writeIn[i]), positions.generated[i]));
        }
    }

    void endContest(ContestId contest, java.util.OptionalInt over, java.util.OptionalInt under) {
        contests.add(new CvrContest(contest, marks, over, under));
    }

    void endSnapshot(String id) {
        snapshotIds.add(id);
        snapshotContests.add(List.copyOf(contests));
    }

    /** A snapshot skipped unread because it is not the current one. */
    void skippedSnapshot(String id) {
        snapshotIds.add(id);
        snapshotContests.add(List.of());
    }

    int snapshotCount() {
        return snapshotIds.size();
    }

    void finish(boolean lenient) {
        String ballotId = uniqueId != null ? uniqueId : prePrinted != null ? prePrinted : Long.toString(emitter.ordinal());
        List<CvrContest> current = current(lenient, ballotId);
        if (style == null) {
            throw new BadInputException(file, where(ballotId),
                    "the CVR has no BallotStyleId, so it cannot be checked against the ballot it was cast on");
        }
        if (unit == null) {
            throw new BadInputException(file, where(ballotId), "the CVR has no BallotStyleUnitId, so it cannot be counted in its precinct");
        }
        CastVoteRecord cvr = new CastVoteRecord(ballotId, style, unit, parties, Optional.ofNullable(device),
                Optional.ofNullable(batch), countingGroup, images, current);
        refs.ifPresent(this::noteReferences);
        emitter.emit(cvr, line, column);
    }

    /** The contests of the current snapshot: the one CurrentSnapshotId names. */
    private String where(String ballotId) {
        return CvrEmitter.place(emitter.ordinal(), ballotId, line, column);
    }

    private List<CvrContest> current(boolean lenient, String ballotId) {
        if (currentSnapshot == null) {
            if (lenient && snapshotContests.size() == 1) {
                return snapshotContests.get(0);
            }
            throw new BadInputException(file, where(ballotId), "the CVR has no CurrentSnapshotId, so its current snapshot is unknown");
        }
        List<CvrContest> found = null;
        for (int i = 0; i < snapshotIds.size(); i++) {
            if (currentSnapshot.equals(snapshotIds.get(i))) {
                if (found != null) {
                    throw new BadInputException(file, where(ballotId), "two CVRSnapshots have the id '" + currentSnapshot + "'");
                }
                found = snapshotContests.get(i);
            }
        }
        if (found == null) {
            throw new BadInputException(file, where(ballotId),
                    "CurrentSnapshotId '" + currentSnapshot + "' is not the id of a CVRSnapshot of this CVR");
        }
        return found;
    }

    private void noteReferences(ReportReferences r) {
        if (!r.seenUnit(unit)) {
            r.useUnit(unit, place());
        }
        for (PartyId party : parties) {
            if (!r.seenParty(party)) {
                r.useParty(party, place());
            }
        }
        if (device != null && !r.seenDevice(device)) {
            r.useDevice(device, place());
        }
        // Every snapshot, not only the current one: the report's references must all resolve.
        for (List<CvrContest> snapshot : snapshotContests) {
            for (CvrContest contest : snapshot) {
                if (!r.seenContest(contest.contest())) {
                    r.useContest(contest.contest(), place());
                }
                for (Mark mark : contest.marks()) {
                    if (!r.seenSelection(mark.selection())) {
                        r.useSelection(mark.selection(), contest.contest(), place());
                    }
                }
            }
        }
    }

    /** The SelectionPositions of one CVRContestSelection, kept in arrays until its ContestSelectionId is known. */
    private static final class Positions {
        int size;
        int[] votes = new int[4];
        Indication[] indication = new Indication[4];
        Indication[] allocable = new Indication[4];
        int[] rank = new int[4];
        String[] writeIn = new String[4];
        boolean[] generated = new boolean[4];

        void clear() {
            Arrays.fill(writeIn, 0, size, null);
            size = 0;
        }

        void add(int v, Indication ind, Indication alloc, int r, String w, boolean g) {
            if (size == votes.length) {
                int n = size * 2;
                votes = Arrays.copyOf(votes, n);
                indication = Arrays.copyOf(indication, n);
                allocable = Arrays.copyOf(allocable, n);
                rank = Arrays.copyOf(rank, n);
                writeIn = Arrays.copyOf(writeIn, n);
                generated = Arrays.copyOf(generated, n);
            }
            votes[size] = v;
            indication[size] = ind;
            allocable[size] = alloc;
            rank[size] = r;
            writeIn[size] = w;
            generated[size] = g;
            size++;
        }
    }
}

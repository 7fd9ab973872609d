package org.bulwark.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * The ids of one election in a fixed order, so that a stored CVR names a contest, selection, ballot
 * style, unit or party by a small index. It is stored beside the election, so stored CVRs decode
 * without re-reading the definition file (whose reader may change between versions).
 */
final class CvrDictionary {
    private static final int VERSION = 1;

    final List<ContestId> contests;
    final List<List<SelectionId>> selections;
    final List<BallotStyleId> ballotStyles;
    final List<GpUnitId> gpUnits;
    final List<PartyId> parties;

    private final Map<ContestId, Integer> contestIndex;
    private final List<Map<SelectionId, Integer>> selectionIndex;
    private final Map<BallotStyleId, Integer> ballotStyleIndex;
    private final Map<GpUnitId, Integer> gpUnitIndex;
    private final Map<PartyId, Integer> partyIndex;

    private CvrDictionary(
            List<ContestId> contests,
            List<List<SelectionId>> selections,
            List<BallotStyleId> ballotStyles,
            List<GpUnitId> gpUnits,
            List<PartyId> parties) {
        this.contests = List.copyOf(contests);
        this.selections = selections.stream().map(List::copyOf).toList();
        this.ballotStyles = List.copyOf(ballotStyles);
        this.gpUnits = List.copyOf(gpUnits);
        this.parties = List.copyOf(parties);
        this.contestIndex = indexOf(this.contests);
        this.selectionIndex = this.selections.stream().map(CvrDictionary::indexOf).toList();
        this.ballotStyleIndex = indexOf(this.ballotStyles);
        this.gpUnitIndex = indexOf(this.gpUnits);
        this.partyIndex = indexOf(this.parties);
    }

    static CvrDictionary of(Election election) {
        return new CvrDictionary(
                election.contests().stream().map(Contest::id).toList(),
                election.contests().stream()
                        .map(c -> c.selections().stream().map(ContestSelection::id).toList())
                        .toList(),
                election.ballotStyles().stream().map(BallotStyle::id).toList(),
                election.gpUnits().stream().map(GpUnit::id).toList(),
                election.parties().stream().map(Party::id).toList());
    }

    // Duplicated ids (which the validator reports) keep their first index, as ElectionIndex does.
    private static <T> Map<T, Integer> indexOf(List<T> ids) {
        Map<T, Integer> map = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.putIfAbsent(ids.get(i), i);
        }
        return map;
    }

    OptionalInt contest(ContestId id) {
        return find(contestIndex, id);
    }

    OptionalInt selection(int contest, SelectionId id) {
        return find(selectionIndex.get(contest), id);
    }

    OptionalInt ballotStyle(BallotStyleId id) {
        return find(ballotStyleIndex, id);
    }

    OptionalInt gpUnit(GpUnitId id) {
        return find(gpUnitIndex, id);
    }

    OptionalInt party(PartyId id) {
        return find(partyIndex, id);
    }

    private static <T> OptionalInt find(Map<T, Integer> map, T id) {
        Integer i = map.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    byte[] toBytes() {
        Bytes.Writer w = new Bytes.Writer();
        w.writeVarint(VERSION);
        writeIds(w, contests, ContestId::value);
        for (List<SelectionId> s : selections) {
            writeIds(w, s, SelectionId::value);
        }
        writeIds(w, ballotStyles, BallotStyleId::value);
        writeIds(w, gpUnits, GpUnitId::value);
        writeIds(w, parties, PartyId::value);
        return w.toByteArray();
    }

    static CvrDictionary fromBytes(byte[] bytes) {
        Bytes.Reader r = new Bytes.Reader(bytes);
        long version = r.readVarint();
        if (version != VERSION) {
            throw new Bytes.Malformed("CVR dictionary version " + version + " is not " + VERSION);
        }
        List<ContestId> contests = readIds(r, ContestId::new);
        List<List<SelectionId>> selections = new ArrayList<>();
        for (int i = 0; i < contests.size(); i++) {
            selections.add(readIds(r, SelectionId::new));
        }
        CvrDictionary d = new CvrDictionary(
                contests, selections, readIds(r, BallotStyleId::new), readIds(r, GpUnitId::new), readIds(r, PartyId::new));
        if (!r.atEnd()) {
            throw new Bytes.Malformed("CVR dictionary has trailing bytes");
        }
        return d;
    }

    private static <T> void writeIds(Bytes.Writer w, List<T> ids, Function<T, String> value) {
        w.writeVarint(ids.size());
        for (T id : ids) {
            w.writeString(value.apply(id));
        }
    }

    private static <T> List<T> readIds(Bytes.Reader r, Function<String, T> make) {
        int n = r.readCount("id count");
        List<T> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                ids.add(make.apply(r.readString()));
            } catch (IllegalArgumentException e) {
                throw new Bytes.Malformed("empty id in CVR dictionary");
            }
        }
        return ids;
    }
}

package org.bulwark.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * The compact binary form of a {@link CastVoteRecord} in the workspace: ids become indexes into the
 * election's {@link CvrDictionary}, numbers become varints and rarely-set fields cost one flag bit.
 * A typical ballot of a dozen contests takes a few dozen bytes. Layout (version 1):
 *
 * <pre>
 * record   = version=1, flags(bit0 device, bit1 batch), ballotId:str, style:vi, unit:vi, group:u8,
 *            parties:vi*, [device:str], [batch:str], images:str*, contests:contest*
 * contest  = contest:vi, flags(bit0 overvotes, bit1 undervotes), [overvotes:zz], [undervotes:zz], marks:mark*
 * mark     = selection:vi (index within the contest), flags, [votes:vi], [rank:vi], [writeIn:str]
 *            flags: bits0-1 indication, bits2-3 allocable, bit4 generated, bit5 write-in name,
 *                   bit6 votes != 1, bit7 rank != 0
 * x*       = count:vi then that many x;  str = length:vi then one vi per UTF-16 char
 * </pre>
 *
 * Codes for enums are fixed here, not taken from ordinals, so reordering an enum cannot change the
 * meaning of stored bytes.
 */
final class CvrCodec {
    private static final int VERSION = 1;

    private final CvrDictionary dictionary;
    private final Bytes.Writer writer = new Bytes.Writer();

    CvrCodec(CvrDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** A CVR that names something the election does not define; the reader should have refused it. */
    static final class NotInElection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotInElection(String message) {
            super(message);
        }
    }

    byte[] encode(CastVoteRecord cvr) {
        Bytes.Writer w = writer;
        w.reset();
        w.writeVarint(VERSION);
        w.writeByte((cvr.creatingDevice().isPresent() ? 1 : 0) | (cvr.batch().isPresent() ? 2 : 0));
        w.writeString(cvr.ballotId());
        w.writeVarint(index(dictionary.ballotStyle(cvr.ballotStyle()), "ballot style", cvr.ballotStyle()));
        w.writeVarint(index(dictionary.gpUnit(cvr.ballotStyleUnit()), "unit", cvr.ballotStyleUnit()));
        w.writeByte(groupCode(cvr.countingGroup()));
        w.writeVarint(cvr.parties().size());
        for (PartyId p : cvr.parties()) {
            w.writeVarint(index(dictionary.party(p), "party", p));
        }
        cvr.creatingDevice().ifPresent(w::writeString);
        cvr.batch().ifPresent(w::writeString);
        w.writeVarint(cvr.ballotImages().size());
        cvr.ballotImages().forEach(w::writeString);
        w.writeVarint(cvr.contests().size());
        for (CvrContest c : cvr.contests()) {
            int contest = index(dictionary.contest(c.contest()), "contest", c.contest());
            w.writeVarint(contest);
            w.writeByte((c.recordedOvervotes().isPresent() ? 1 : 0) | (c.recordedUndervotes().isPresent() ? 2 : 0));
            c.recordedOvervotes().ifPresent(w::writeSignedVarint);
            c.recordedUndervotes().ifPresent(w::writeSignedVarint);
            w.writeVarint(c.marks().size());
            for (Mark m : c.marks()) {
                OptionalInt selection = dictionary.selection(contest, m.selection());
                if (selection.isEmpty()) {
                    throw new NotInElection("selection \"" + m.selection() + "\" is not a selection of contest \""
                            + c.contest() + "\" in the election definition");
                }
                w.writeVarint(selection.getAsInt());
                w.writeByte(indicationCode(m.hasIndication())
                        | indicationCode(m.allocable()) << 2
                        | (m.generatedByRules() ? 0x10 : 0)
                        | (m.writeInName().isPresent() ? 0x20 : 0)
                        | (m.votes() != 1 ? 0x40 : 0)
                        | (m.rank() != 0 ? 0x80 : 0));
                if (m.votes() != 1) {
                    w.writeVarint(m.votes());
                }
                if (m.rank() != 0) {
                    w.writeVarint(m.rank());
                }
                m.writeInName().ifPresent(w::writeString);
            }
        }
        return w.toByteArray();
    }

    private static int index(OptionalInt found, String what, Object id) {
        if (found.isEmpty()) {
            throw new NotInElection(what + " \"" + id + "\" is not in the election definition");
        }
        return found.getAsInt();
    }

    /** Decodes what {@link #encode} wrote; damaged bytes throw {@link Bytes.Malformed}. */
    CastVoteRecord decode(byte[] bytes) {
        Bytes.Reader r = new Bytes.Reader(bytes);
        long version = r.readVarint();
        if (version != VERSION) {
            throw new Bytes.Malformed("CVR encoding version " + version + " is not " + VERSION);
        }
        int flags = r.readByte();
        String ballotId = r.readString();
        var style = dictionary.ballotStyles.get(r.readIndex(dictionary.ballotStyles.size(), "ballot style"));
        var unit = dictionary.gpUnits.get(r.readIndex(dictionary.gpUnits.size(), "unit"));
        CountingGroup group = group(r.readByte());
        int partyCount = r.readCount("party count");
        List<PartyId> parties = new ArrayList<>(partyCount);
        for (int i = 0; i < partyCount; i++) {
            parties.add(dictionary.parties.get(r.readIndex(dictionary.parties.size(), "party")));
        }
        Optional<String> device = (flags & 1) != 0 ? Optional.of(r.readString()) : Optional.empty();
        Optional<String> batch = (flags & 2) != 0 ? Optional.of(r.readString()) : Optional.empty();
        int imageCount = r.readCount("image count");
        List<String> images = new ArrayList<>(imageCount);
        for (int i = 0; i < imageCount; i++) {
            images.add(r.readString());
        }
        int contestCount = r.readCount("contest count");
        List<CvrContest> contests = new ArrayList<>(contestCount);
        for (int i = 0; i < contestCount; i++) {
            contests.add(decodeContest(r));
        }
        if (!r.atEnd()) {
            throw new Bytes.Malformed("trailing bytes after the CVR");
        }
        return new CastVoteRecord(ballotId, style, unit, parties, device, batch, group, images, contests);
    }

    private CvrContest decodeContest(Bytes.Reader r) {
        int contest = r.readIndex(dictionary.contests.size(), "contest");
        int flags = r.readByte();
        OptionalInt over = (flags & 1) != 0 ? OptionalInt.of(r.readSignedVarint()) : OptionalInt.empty();
        OptionalInt under = (flags & 2) != 0 ? OptionalInt.of(r.readSignedVarint()) : OptionalInt.empty();
        List<SelectionId> selections = dictionary.selections.get(contest);
        int markCount = r.readCount("mark count");
        List<Mark> marks = new ArrayList<>(markCount);
        for (int j = 0; j < markCount; j++) {
            var selection = selections.get(r.readIndex(selections.size(), "selection"));
            int mf = r.readByte();
            int votes = (mf & 0x40) != 0 ? r.readNonNegativeInt("votes") : 1;
            int rank = (mf & 0x80) != 0 ? r.readNonNegativeInt("rank") : 0;
            Optional<String> writeIn = (mf & 0x20) != 0 ? Optional.of(r.readString()) : Optional.empty();
            marks.add(new Mark(selection, votes, indication(mf & 3), indication(mf >> 2 & 3), rank, writeIn,
                    (mf & 0x10) != 0));
        }
        return new CvrContest(dictionary.contests.get(contest), marks, over, under);
    }

    private static int groupCode(CountingGroup g) {
        return switch (g) {
            case ELECTION_DAY -> 0;
            case ABSENTEE -> 1;
            case EARLY -> 2;
            case PROVISIONAL -> 3;
        };
    }

    private static CountingGroup group(int code) {
        return switch (code) {
            case 0 -> CountingGroup.ELECTION_DAY;
            case 1 -> CountingGroup.ABSENTEE;
            case 2 -> CountingGroup.EARLY;
            case 3 -> CountingGroup.PROVISIONAL;
            default -> throw new Bytes.Malformed("counting group code " + code + " is unknown");
        };
    }

    private static int indicationCode(Indication i) {
        return switch (i) {
            case YES -> 0;
            case NO -> 1;
            case UNKNOWN -> 2;
        };
    }

    private static Indication indication(int code) {
        return switch (code) {
            case 0 -> Indication.YES;
            case 1 -> Indication.NO;
            case 2 -> Indication.UNKNOWN;
            default -> throw new Bytes.Malformed("indication code " + code + " is unknown");
        };
    }
}

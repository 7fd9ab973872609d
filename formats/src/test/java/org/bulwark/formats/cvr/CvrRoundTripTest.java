package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.PartyId;

/** Whatever CVRs of an election are written, JSON or XML, read back in strict mode unchanged. */
class CvrRoundTripTest {
    static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 11, 3, 20, 0, 0, 0, ZoneOffset.ofHours(-6));

    static byte[] write(CvrFormat format, Election election, List<CastVoteRecord> cvrs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CvrReportWriter w = CvrFiles.writer(bytes, format, election, "bulwark-test", WHEN)) {
            for (CastVoteRecord cvr : cvrs) {
                w.write(cvr);
            }
        }
        return bytes.toByteArray();
    }

    static List<CastVoteRecord> readBack(byte[] bytes, ElectionIndex index, CountingGroup group) throws IOException {
        List<CastVoteRecord> out = new ArrayList<>();
        CvrFiles.read(new ByteArrayInputStream(bytes), "written", index, CvrReadOptions.strict().withCountingGroup(group), out::add);
        return out;
    }

    static final ElectionIndex GEN_01 = NistTestDeckTest.election("gen-01");

    @Property(tries = 60)
    void gen01CvrsReadBackUnchanged(@ForAll("gen01") List<CastVoteRecord> cvrs, @ForAll CvrFormat format) throws IOException {
        roundTrip(GEN_01, cvrs, format);
    }

    /** The small election adds what gen-01 lacks: ranked choice, ballot images, primary parties. */
    @Property(tries = 60)
    void smallElectionCvrsReadBackUnchanged(@ForAll("small") List<CastVoteRecord> cvrs, @ForAll CvrFormat format) throws IOException {
        roundTrip(TestElection.INDEX, cvrs, format);
    }

    private static void roundTrip(ElectionIndex index, List<CastVoteRecord> cvrs, CvrFormat format) throws IOException {
        byte[] bytes = write(format, index.election(), cvrs);
        CountingGroup group = cvrs.isEmpty() ? CountingGroup.ELECTION_DAY : cvrs.get(0).countingGroup();
        assertThat(readBack(bytes, index, group)).isEqualTo(cvrs);
    }

    @Provide
    Arbitrary<List<CastVoteRecord>> gen01() {
        return Arbitraries.of(CountingGroup.values()).flatMap(group -> cvrs(GEN_01.election(), group).list().ofMaxSize(6));
    }

    @Provide
    Arbitrary<List<CastVoteRecord>> small() {
        return Arbitraries.of(CountingGroup.values()).flatMap(group -> cvrs(TestElection.ELECTION, group).list().ofMaxSize(6));
    }

    /** CVRs valid for {@code election}: any ballot style, any marks of its contests (overvotes included). */
    static Arbitrary<CastVoteRecord> cvrs(Election election, CountingGroup group) {
        return Arbitraries.of(election.ballotStyles()).flatMap(style -> {
            Arbitrary<List<CvrContest>> contests = Arbitraries.subsetOf(style.contests())
                    .flatMap(ids -> {
                        List<Arbitrary<CvrContest>> each = new ArrayList<>();
                        for (ContestId id : style.contests()) {
                            if (ids.contains(id)) {
                                each.add(contest(find(election, id)));
                            }
                        }
                        return Combinators.combine(each).as(List::copyOf);
                    });
            Arbitrary<String> ballotId = Arbitraries.strings().withCharRange('!', '~').withChars('é', ' ').ofMinLength(1).ofMaxLength(12)
                    .filter(s -> !s.isBlank());
            Arbitrary<Optional<String>> device = Arbitraries.of("scanner-1", "scanner-2", "bulwark-test").optional();
            Arbitrary<Optional<String>> batch = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).optional();
            Arbitrary<List<String>> images = Arbitraries.of("file:img/1.png", "https://example.org/b/2.tiff", "b-3.png").list().ofMaxSize(2);
            Arbitrary<List<PartyId>> parties = Arbitraries.subsetOf(election.parties()).map(ps -> ps.stream().map(p -> p.id()).toList());
            return Combinators.combine(ballotId, device, batch, images, parties, contests).as((id, dev, b, img, ps, cs) ->
                    new CastVoteRecord(id, style.id(), style.gpUnits().get(0), ps, dev, b, group, img, cs));
        });
    }

    static Arbitrary<CvrContest> contest(Contest contest) {
        Arbitrary<Mark> mark = Combinators.combine(
                Arbitraries.of(contest.selections()),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(Indication.values()),
                Arbitraries.of(Indication.values()),
                Arbitraries.integers().between(0, 4),
                Arbitraries.strings().withCharRange(' ', '~').withChars('ë', '&', '<').ofMaxLength(20).filter(n -> !n.isBlank()).optional(),
                Arbitraries.of(true, false))
                .as((s, votes, ind, alloc, rank, name, gen) -> new Mark(s.id(), votes, ind, alloc, rank,
                        s instanceof ContestSelection.WriteIn ? name : Optional.empty(), gen));
        Arbitrary<OptionalInt> count = Arbitraries.integers().between(0, 3).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        return Combinators.combine(mark.list().ofMaxSize(4), count, count).as((marks, over, under) -> new CvrContest(contest.id(), marks, over, under));
    }

    static Contest find(Election election, ContestId id) {
        return election.contests().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}

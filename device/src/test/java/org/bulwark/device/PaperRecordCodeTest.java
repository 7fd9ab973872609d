package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.GpUnitId;

/** The QR text: round trips for any content, and any mutation is read or refused with BadInputException. */
class PaperRecordCodeTest {
    static final String FP = "0123456789abcdef".repeat(4);

    @Provide
    Arbitrary<PaperRecord> records() {
        Arbitrary<String> texts = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.codePoints().allMatch(Character::isDefined) && s.chars().noneMatch(ch -> Character.isSurrogate((char) ch)) && !s.isBlank());
        Arbitrary<PaperRecord.CodedPick> picks = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 9), texts.optional()).as(PaperRecord.CodedPick::new);
        return net.jqwik.api.Combinators.combine(Arbitraries.of(Mode.class), texts, texts, texts, texts,
                picks.list().ofMaxSize(4).list().ofMaxSize(8))
                .as((m, serial, id, style, unit, contests) -> new PaperRecord(FP, m, serial, id, new BallotStyleId(style),
                        new GpUnitId(unit), contests));
    }

    @Property(tries = 300)
    void encodeThenDecodeGivesTheSameRecord(@ForAll("records") PaperRecord r) {
        String text = r.encode();
        assertThat(text.chars()).allMatch(c -> c >= 0x21 && c < 0x7F);
        assertThat(PaperRecord.decode(text, "qr")).isEqualTo(r);
    }

    @Property(tries = 500)
    void anyMutationIsReadOrRefusedWithBadInput(@ForAll("records") PaperRecord r, @ForAll @IntRange(min = 0, max = 500) int at,
            @ForAll @IntRange(min = 0, max = 3) int how, @ForAll char c) {
        StringBuilder b = new StringBuilder(r.encode());
        int i = at % b.length();
        switch (how) {
            case 0 -> b.setCharAt(i, c);
            case 1 -> b.setLength(i);
            case 2 -> b.insert(i, c);
            default -> b.insert(i, b.substring(0, i));
        }
        try {
            PaperRecord.decode(b.toString(), "qr");
        } catch (BadInputException expected) {
            assertThat(expected.file()).isEqualTo("qr");
            assertThat(expected.place()).startsWith("QR code");
        } catch (IllegalArgumentException e) {
            // Typed ids refuse blank values in their constructors; that is a refusal too, but must name the file.
            throw new AssertionError("mutation '" + b + "' threw " + e, e);
        }
    }

    @Example
    void refusalsNameTheField() {
        assertThatThrownBy(() -> PaperRecord.decode("BW1;" + FP + ";X;s;b;st;u", "p.png"))
                .hasMessage("p.png: QR code field 3: the mode must be T (test) or O (official), not 'X'");
        assertThatThrownBy(() -> PaperRecord.decode("BW1;" + FP + ";T;s;b;st;u;1,x2", "p.png"))
                .hasMessage("p.png: QR code contest 1: 'x2' is not a pick (selection number, optional r and rank, optional = and name)");
        assertThatThrownBy(() -> PaperRecord.decode("BW1;" + FP + ";T;s;b;st;u;0=%G1", "p.png"))
                .hasMessageContaining("'%' must be followed by two hex digits");
        assertThat(PaperRecord.decode("BW1;" + FP + ";O;s;b;st;u;;0r2,1=A%20B", "p").contests())
                .containsExactly(List.of(), List.of(new PaperRecord.CodedPick(0, 2, Optional.empty()),
                        new PaperRecord.CodedPick(1, 0, Optional.of("A B"))));
    }
}

package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.bulwark.model.ContestId;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;

class AuditTextTest {
    @Test
    void readingsRoundTripAndNameWhatIsWrong() {
        PaperReading marks = AuditText.parseReading("mayor=alice;council=bob|carol;measure-1=");
        assertThat(marks).isEqualTo(new PaperReading.Marks(Map.of(new ContestId("mayor"), Set.of(new SelectionId("alice")),
                new ContestId("council"), Set.of(new SelectionId("bob"), new SelectionId("carol")), new ContestId("measure-1"), Set.of())));
        assertThat(AuditText.parseReading(AuditText.reading(marks))).isEqualTo(marks);
        assertThat(AuditText.parseReading("not-found:slot 4 empty")).isEqualTo(new PaperReading.NotFound("slot 4 empty"));
        assertThatThrownBy(() -> AuditText.parseReading("mayor")).hasMessageContaining("\"mayor\" is not CONTEST=SELECTION|SELECTION");
        assertThatThrownBy(() -> AuditText.parseReading("mayor=a;mayor=b")).hasMessageContaining("contest mayor is given twice");
    }

    @Test
    void countsSettingsRisksAndOutcomes() {
        assertThat(AuditText.parseCounts("alice=120, bob=98")).containsExactly(Map.entry(new SelectionId("alice"), 120L), Map.entry(new SelectionId("bob"), 98L));
        assertThatThrownBy(() -> AuditText.parseCounts("alice=-1")).hasMessageContaining("\"alice=-1\" is not SELECTION=VOTES");
        assertThatThrownBy(() -> AuditText.parseCounts("alice=1,alice=2")).hasMessageContaining("selection alice is counted twice");
        AuditText.ContestSetting s = AuditText.parseSetting("mayor:0.05:alpha-comparison");
        assertThat(AuditText.parseSettings(AuditText.settings(List.of(s)))).containsExactly(s);
        assertThatThrownBy(() -> AuditText.parseSetting("mayor:5%:bravo")).hasMessageContaining("\"5%\" in \"mayor:5%:bravo\" is not a risk limit");
        assertThatThrownBy(() -> AuditText.parseSetting("mayor:0.1:coin")).hasMessageContaining("\"coin\" is not a method");
        assertThatThrownBy(() -> AuditText.parseSetting("mayor:1.5:bravo")).hasMessageContaining("a risk limit is a fraction");
        var risk = new RiskLimitingAudit.ContestRisk(new ContestId("mayor"), 0.0625, 0.1, 40, new Discrepancies(1, 0, 2, 0));
        assertThat(AuditText.parseRisks(AuditText.risks(List.of(risk)))).containsExactly(risk);
        assertThat(AuditText.escalationTarget(AuditText.outcome(new RiskLimitingAudit.Decision.Escalate(80)))).hasValue(80);
        assertThat(AuditText.escalationTarget(AuditText.outcome(new RiskLimitingAudit.Decision.Stop()))).isEmpty();
        assertThatThrownBy(() -> AuditText.counts(Map.of(new SelectionId("a=b"), 1L))).hasMessageContaining("contains one of ; = | , :");
    }

    /** Fuzz: anything typed is read or refused with IllegalArgumentException (a usage error), never anything else. */
    @Property(tries = 1000)
    void typedTextIsReadOrRefusedPlainly(@ForAll @StringLength(max = 40) String typed) {
        for (Runnable parse : List.<Runnable>of(() -> AuditText.parseReading(typed), () -> AuditText.parseCounts(typed),
                () -> AuditText.parseSetting(typed))) {
            try {
                parse.run();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}

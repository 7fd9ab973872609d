package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names of a board entry go into the log: trimmed, one line, bounded, two different people. */
class BoardEntryTest {
    static final PaperReading BLANK = new PaperReading.Marks(Map.of());

    @Test
    void namesAreTrimmedAndCheckedBeforeTheyReachTheLog() {
        BoardEntry e = new BoardEntry(7, " Board 2 ", " Ann Lee", "Bo Diaz ", BLANK);
        assertThat(e.board()).isEqualTo("Board 2");
        assertThat(e.firstMember()).isEqualTo("Ann Lee");
        assertThat(e.secondMember()).isEqualTo("Bo Diaz");
        assertThatThrownBy(() -> new BoardEntry(7, "Board 2", "Ann\u0001Lee", "Bo Diaz", BLANK))
                .hasMessage("the first member's name holds a control character at position 4 (a tab, line break or other invisible character);"
                        + " type it again");
        assertThatThrownBy(() -> new BoardEntry(7, "Board 2", "Ann Lee", "x".repeat(301), BLANK))
                .hasMessage("the second member's name is 301 characters long; at most 300 are allowed");
        assertThatThrownBy(() -> new BoardEntry(7, "  ", "Ann Lee", "Bo Diaz", BLANK)).hasMessage("the audit board must be named");
        assertThatThrownBy(() -> new BoardEntry(7, "Board 2", "Ann Lee", " ann lee ", BLANK))
                .hasMessage("an audit board needs two different members, not Ann Lee twice");
    }
}

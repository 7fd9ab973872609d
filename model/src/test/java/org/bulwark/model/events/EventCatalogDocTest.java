package org.bulwark.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/event-log.md lists every kind of log entry; the list is made from the catalog itself so that
 * it cannot fall behind. Run with -Dbulwark.updateDocs=true to rewrite it after adding a kind.
 */
class EventCatalogDocTest {
    private static final Path DOC = Path.of("..", "docs", "event-log.md");
    private static final String BEGIN = "<!-- event catalog: made by EventCatalogDocTest -->\n";
    private static final String END = "<!-- end of event catalog -->\n";

    @Test
    void theDocumentedCatalogIsTheCatalog() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/event-log.md marks its catalog with " + BEGIN.strip()).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String documented = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("bulwark.updateDocs")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(documented).as("docs/event-log.md's catalog (rewrite it with -Dbulwark.updateDocs=true)")
                .isEqualTo(table());
    }

    private static String table() {
        return "| Id | Description | Category | Details (in encoding order) |\n|---|---|---|---|\n"
                + Arrays.stream(EventKind.values()).map(kind -> "| " + kind.id() + " | " + kind.description() + " | "
                        + kind.category().code() + " | " + SampleEvents.sample(kind).details().stream()
                                .map(d -> d.name() + " (" + type(d) + ")").collect(Collectors.joining(", ")) + " |\n")
                        .collect(Collectors.joining());
    }

    private static String type(Detail detail) {
        return switch (detail) {
            case Detail.TextValue t -> "text";
            case Detail.Count c -> "count";
            case Detail.Digest d -> "digest";
        };
    }
}

package org.bulwark.custody;

import java.util.List;

/**
 * What became of a recorded {@link CustodyAction}: done (with a one-line summary), or refused with
 * the reason; either way with the incidents it opened, each with its number.
 */
public sealed interface Outcome {
    List<Incident> opened();

    record Done(String summary, List<Incident> opened) implements Outcome {
        public Done {
            opened = List.copyOf(opened);
        }
    }

    record Refused(String reason, List<Incident> opened) implements Outcome {
        public Refused {
            opened = List.copyOf(opened);
        }
    }
}

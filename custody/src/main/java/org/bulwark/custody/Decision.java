package org.bulwark.custody;

import java.util.List;

/**
 * What a custody rule decided about an action: recorded (with the events to append), or refused
 * with the reason in words. Either way it may open incidents: a reused seal number is refused AND
 * reported, so nothing a person presented is silently lost.
 */
public sealed interface Decision {
    List<IncidentDraft> incidents();

    record Accepted(List<CustodyEvent> events, List<IncidentDraft> incidents) implements Decision {
        public Accepted {
            events = List.copyOf(events);
            incidents = List.copyOf(incidents);
        }
    }

    record Refused(String reason, List<IncidentDraft> incidents) implements Decision {
        public Refused {
            incidents = List.copyOf(incidents);
        }

        static Refused plainly(String reason) {
            return new Refused(reason, List.of());
        }
    }
}

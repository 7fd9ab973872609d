package org.bulwark.formats.eventlog;

import java.util.Map;

/** A device maker's ElectionEventLogDocumentation: what its event ids and event types mean. */
public record EventLogDocumentation(String manufacturer, String model, Map<String, String> eventIds,
        Map<String, String> eventTypes, String generatedDate) {
    public EventLogDocumentation {
        eventIds = Map.copyOf(eventIds);
        eventTypes = Map.copyOf(eventTypes);
    }
}

package org.bulwark.formats.eventlog;

import java.util.Optional;

/** A Device of a NIST SP 1500-101 log: who wrote the events that follow it. */
public record Device(String id, Optional<String> manufacturer, Optional<String> model, Optional<String> type,
        Optional<String> version, Optional<String> hashType) {}

package org.bulwark.model.events;

import java.util.List;

/** Hands an event kind its decoded details in order, checking each name and type as it is taken. */
final class DetailReader {
    private final EventHeader header;
    private final List<Detail> details;
    private int next;

    DetailReader(EventHeader header, List<Detail> details) {
        this.header = header;
        this.details = details;
    }

    EventHeader header() {
        return header;
    }

    String text(String name) {
        return take(name, Detail.TextValue.class).value();
    }

    long count(String name) {
        return take(name, Detail.Count.class).value();
    }

    Sha256 digest(String name) {
        return take(name, Detail.Digest.class).value();
    }

    boolean finished() {
        return next == details.size();
    }

    private <T extends Detail> T take(String name, Class<T> type) {
        if (next >= details.size()) {
            throw new IllegalArgumentException("detail \"" + name + "\" is missing");
        }
        Detail d = details.get(next++);
        if (!d.name().equals(name) || !type.isInstance(d)) {
            throw new IllegalArgumentException("detail " + next + " should be \"" + name + "\" ("
                    + type.getSimpleName() + "), not \"" + d.name() + "\" (" + d.getClass().getSimpleName() + ")");
        }
        return type.cast(d);
    }
}

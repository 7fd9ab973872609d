package org.bulwark.model.events;

/** Who did it: a person's user id or a system's id (a key id, "bulwark"). Never a voter. */
public record Actor(String value) {
    public Actor {
        Text.check("actor", value, Text.SHORT);
    }

    @Override
    public String toString() {
        return value;
    }
}

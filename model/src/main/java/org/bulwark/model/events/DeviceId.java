package org.bulwark.model.events;

/** A device by its serial or id, as its key and its event log name it. */
public record DeviceId(String value) {
    public DeviceId {
        Text.check("device id", value, Text.SHORT);
    }

    @Override
    public String toString() {
        return value;
    }
}

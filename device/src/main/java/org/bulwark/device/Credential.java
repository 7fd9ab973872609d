package org.bulwark.device;

/**
 * What a person gives the device to take a step reserved to an election official: their name as the
 * election package's list of officials has it, and their PIN. The PIN is never logged or stored;
 * {@link #toString()} leaves it out.
 */
public record Credential(String name, char[] pin) {
    public Credential {
        pin = pin.clone();
    }

    @Override
    public char[] pin() {
        return pin.clone();
    }

    @Override
    public String toString() {
        return "Credential[" + name + "]";
    }
}

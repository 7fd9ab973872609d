package org.bulwark.ledger.keys;

import java.util.Optional;

/** Who a key belongs to; the trust rules (org.bulwark.ledger.trust) decide what each may sign and admit. */
public enum KeyRole {
    /** The state election office: the root of trust. */
    STATE("state"),
    /** A local election authority's management workstation (a county clerk or board of election commissioners). */
    AUTHORITY("authority"),
    /** One piece of election equipment, by serial number. */
    DEVICE("device");

    private final String text;

    KeyRole(String text) {
        this.text = text;
    }

    /** The word used in key files and on the command line. */
    public String text() {
        return text;
    }

    /** "a state key", "an authority key", "a device key": for messages. */
    public String aKey() {
        return (this == AUTHORITY ? "an " : "a ") + text + " key";
    }

    public static Optional<KeyRole> parse(String text) {
        for (KeyRole r : values()) {
            if (r.text.equalsIgnoreCase(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

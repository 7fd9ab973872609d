package org.bulwark.server;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who a person is to the portal. The state's roles see every authority; the others are bound to one
 * local election authority. {@link #PUBLIC} is anyone not signed in: no account has it.
 */
public enum Role {
    STATE_ADMIN("state administrator", Reach.STATE, true),
    STATE_STAFF("state staff", Reach.STATE, false),
    AUTHORITY_ADMIN("authority administrator", Reach.AUTHORITY, true),
    AUTHORITY_STAFF("authority staff", Reach.AUTHORITY, false),
    AUDIT_BOARD("audit board member", Reach.AUTHORITY, false),
    BIPARTISAN_TEAM("bipartisan team member", Reach.AUTHORITY, false),
    PUBLIC("public", Reach.NONE, false);

    /** How far a role sees: every authority, one authority, or only the public pages. */
    enum Reach { STATE, AUTHORITY, NONE }

    private final String word;
    private final Reach reach;
    private final boolean administrator;

    Role(String word, Reach reach, boolean administrator) {
        this.word = word;
        this.reach = reach;
        this.administrator = administrator;
    }

    /** The role in words, as stored and shown. */
    public String word() {
        return word;
    }

    /** "a state administrator", "an authority administrator": for messages. */
    public String aRole() {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    Reach reach() {
        return reach;
    }

    /** Administrators create accounts; they must sign in with a second factor (TOTP). */
    public boolean administrator() {
        return administrator;
    }

    /** Whether accounts of this role are bound to one authority. */
    public boolean needsAuthority() {
        return reach == Reach.AUTHORITY;
    }

    /** The role an account may have, by its word or its constant name (any case). */
    public static Optional<Role> ofAccount(String text) {
        return Arrays.stream(values())
                .filter(r -> r != PUBLIC)
                .filter(r -> r.word.equalsIgnoreCase(text) || r.name().equalsIgnoreCase(text.replace('-', '_')))
                .findFirst();
    }
}

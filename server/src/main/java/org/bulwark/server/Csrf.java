package org.bulwark.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery: every POST must carry the session's token in the form field
 * {@value #FIELD}; a page from another site cannot read it. Session cookies are also SameSite=Strict.
 */
final class Csrf {
    static final String FIELD = "csrf";

    private Csrf() {}

    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

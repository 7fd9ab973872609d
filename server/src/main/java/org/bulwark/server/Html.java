package org.bulwark.server;

import java.util.regex.Pattern;

/**
 * Builds HTML by escaping everything that is not markup from this code: text and attribute values
 * always go through {@link #escape}; tag and attribute names must be plain names, checked, so no
 * data can become markup. Chosen over a template engine: no build step, no second language, and the
 * compiler checks every page (docs/ARCHITECTURE.md).
 */
final class Html {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
    private final StringBuilder out = new StringBuilder(4_096);

    /** Opens a tag; {@code attributes} are name, value pairs (values escaped). */
    Html open(String tag, String... attributes) {
        out.append('<').append(name(tag));
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(name(attributes[i])).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** A whole element with text content. */
    Html el(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(Object text) {
        out.append(escape(String.valueOf(text)));
        return this;
    }

    /** Markup built by another builder (so itself escaped). */
    Html add(Html other) {
        out.append(other.out);
        return this;
    }

    /** A link. */
    Html a(String href, Object text, String... attributes) {
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return el("a", text, all);
    }

    /** A POST form to {@code action} with the session's CSRF token as its first field. */
    Html form(String action, String csrf, String... attributes) {
        String[] all = new String[attributes.length + 4];
        all[0] = "method";
        all[1] = "post";
        all[2] = "action";
        all[3] = action;
        System.arraycopy(attributes, 0, all, 4, attributes.length);
        open("form", all);
        return open("input", "type", "hidden", "name", Csrf.FIELD, "value", csrf);
    }

    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

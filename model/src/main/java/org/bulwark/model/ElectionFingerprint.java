package org.bulwark.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fingerprint of an election definition: SHA-256 over its canonical form, shown short (the
 * first 7 hex digits) on every screen, report and paper record, so that people can check that two
 * devices hold the same definition.
 *
 * <p>The canonical form is JSON text with no white space, encoded in UTF-8, whose keys come in a
 * fixed order and whose lists keep definition order (ballot order matters), except that units are
 * taken group by group ({@link GpUnitGroup}), since their order in a file means nothing. It depends only on
 * the {@link Election}, not on the file it was read from. docs/election-definition.md specifies it
 * precisely so that anyone can recompute a fingerprint without Bulwark.
 *
 * @param sha256 64 lower-case hex digits
 */
public record ElectionFingerprint(String sha256) {
    /** Starts the canonical form, so that these bytes cannot be mistaken for another kind of message. */
    public static final String CANONICAL_FORMAT = "bulwark-election-canonical/1";

    private static final int SHORT = 7;

    public ElectionFingerprint {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits, not '" + sha256 + "'");
        }
    }

    /** The SHA-256 of the canonical form, which is hashed as it is written rather than held whole (megabytes statewide). */
    public static ElectionFingerprint of(Election election) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        Canonical c = new Canonical(Optional.of(sha));
        write(election, c);
        c.spill();
        return new ElectionFingerprint(HexFormat.of().formatHex(sha.digest()));
    }

    /** The first 7 hex digits, as shown to people. */
    public String shortForm() {
        return sha256.substring(0, SHORT);
    }

    /** The bytes that are hashed: see docs/election-definition.md, "Fingerprint". */
    public static byte[] canonicalForm(Election election) {
        Canonical c = new Canonical(Optional.empty());
        write(election, c);
        return c.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Election election, Canonical c) {
        c.open('{');
        c.key("format").string(CANONICAL_FORMAT);
        c.key("id").string(election.id());
        c.key("title").string(election.title());
        c.key("date").string(election.date().toString());
        c.key("type").string(election.type().nist());
        c.key("state").string(election.state());
        c.key("scope").string(election.scope().value());
        c.key("gpUnits").list(GpUnitGroup.sorted(election.gpUnits()), u -> {
            c.open('{');
            c.key("id").string(u.id().value());
            c.key("name").string(u.name());
            c.key("type").string(u.type().nist());
            c.key("otherType").optional(u.otherType());
            c.key("authority").bool(u.authority());
            c.key("composingUnits").strings(u.composingUnits(), GpUnitId::value);
            c.close('}');
        });
        c.key("parties").list(election.parties(), p -> {
            c.open('{');
            c.key("id").string(p.id().value());
            c.key("name").string(p.name());
            c.key("abbreviation").string(p.abbreviation());
            c.close('}');
        });
        c.key("candidates").list(election.candidates(), k -> {
            c.open('{');
            c.key("id").string(k.id().value());
            c.key("ballotName").string(k.ballotName());
            c.key("party").optional(k.party().map(PartyId::value));
            c.close('}');
        });
        c.key("contests").list(election.contests(), contest -> {
            c.open('{');
            switch (contest) {
                case Contest.CandidateContest k -> {
                    c.key("kind").string("candidate");
                    head(c, k);
                    c.key("votesAllowed").number(k.votesAllowed());
                    c.key("ranks").number(k.ranks());
                    c.key("primaryParties").strings(k.primaryParties(), PartyId::value);
                }
                case Contest.BallotMeasureContest m -> {
                    c.key("kind").string("ballot-measure");
                    head(c, m);
                    c.key("fullText").string(m.fullText());
                }
                case Contest.PartyContest p -> {
                    c.key("kind").string("straight-party");
                    head(c, p);
                }
            }
            c.key("selections").list(contest.selections(), s -> {
                c.open('{');
                switch (s) {
                    case ContestSelection.CandidateSelection k -> {
                        c.key("kind").string("candidate");
                        c.key("id").string(k.id().value());
                        c.key("candidates").strings(k.candidates(), CandidateId::value);
                    }
                    case ContestSelection.WriteIn w -> {
                        c.key("kind").string("write-in");
                        c.key("id").string(w.id().value());
                    }
                    case ContestSelection.BallotMeasureSelection m -> {
                        c.key("kind").string("ballot-measure");
                        c.key("id").string(m.id().value());
                        c.key("text").string(m.text());
                    }
                    case ContestSelection.PartySelection p -> {
                        c.key("kind").string("party");
                        c.key("id").string(p.id().value());
                        c.key("parties").strings(p.parties(), PartyId::value);
                    }
                }
                c.close('}');
            });
            c.close('}');
        });
        c.key("ballotStyles").list(election.ballotStyles(), b -> {
            c.open('{');
            c.key("id").string(b.id().value());
            c.key("gpUnits").strings(b.gpUnits(), GpUnitId::value);
            c.key("contests").strings(b.contests(), ContestId::value);
            c.key("parties").strings(b.parties(), PartyId::value);
            c.close('}');
        });
        c.key("countingGroups").strings(election.countingGroups(), CountingGroup::nist);
        c.close('}');
    }

    private static void head(Canonical c, Contest contest) {
        c.key("id").string(contest.id().value());
        c.key("name").string(contest.name());
        c.key("district").string(contest.district().value());
    }

    /** A minimal JSON writer: commas go before every value but the first in its object or list. */
    private static final class Canonical {
        /** Text is handed to the digest, when there is one, in pieces of about this many characters. */
        private static final int PIECE = 1 << 16;
        final StringBuilder out = new StringBuilder();
        private final Optional<MessageDigest> digest;
        private boolean first = true;

        Canonical(Optional<MessageDigest> digest) {
            this.digest = digest;
        }

        /** Hands what is written so far to the digest; called after a closing bracket, so no surrogate pair is cut. */
        void spill() {
            if (digest.isPresent()) {
                digest.get().update(out.toString().getBytes(StandardCharsets.UTF_8));
                out.setLength(0);
            }
        }

        void open(char c) {
            comma();
            out.append(c);
            first = true;
        }

        void close(char c) {
            out.append(c);
            first = false;
            if (out.length() >= PIECE) {
                spill();
            }
        }

        Canonical key(String k) {
            comma();
            quote(k);
            out.append(':');
            first = true;
            return this;
        }

        void string(String s) {
            comma();
            quote(s);
        }

        void optional(Optional<String> s) {
            comma();
            if (s.isPresent()) {
                quote(s.get());
            } else {
                out.append("null");
            }
        }

        void bool(boolean b) {
            comma();
            out.append(b);
        }

        void number(int n) {
            comma();
            out.append(n);
        }

        <T> void list(List<T> values, java.util.function.Consumer<T> each) {
            open('[');
            values.forEach(each);
            close(']');
        }

        <T> void strings(List<T> values, Function<T, String> text) {
            list(values, v -> string(text.apply(v)));
        }

        private void comma() {
            if (!first) {
                out.append(',');
            }
            first = false;
        }

        /**
         * Escapes only what JSON requires, as RFC 8785 does: quote, backslash, \\b \\f \\n \\r \\t,
         * other control characters as \\u00xx (lower-case hex); and unpaired surrogates, which UTF-8
         * cannot encode, as \\uxxxx.
         */
        private void quote(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                String shortEscape = switch (ch) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> null;
                };
                if (shortEscape != null) {
                    out.append(shortEscape);
                } else if (ch < 0x20 || unpaired(s, i)) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            out.append('"');
        }

        private static boolean unpaired(String s, int i) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
            }
            if (Character.isLowSurrogate(ch)) {
                return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
            }
            return false;
        }
    }
}

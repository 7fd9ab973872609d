package org.bulwark.device;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;

/**
 * What the QR code of a paper record holds (docs/device.md, "Paper record QR code"): the election
 * fingerprint, test or official, the device, the random ballot id, the ballot style and precinct,
 * and the selections of every contest of the style, by position. In text:
 *
 * <pre>
 * BW1;&lt;fingerprint, 64 hex&gt;;&lt;T|O&gt;;&lt;serial&gt;;&lt;ballot id&gt;;&lt;style&gt;;&lt;precinct&gt;;&lt;contest 1&gt;;...;&lt;contest n&gt;
 * contest = "" (no selection) | pick *("," pick)
 * pick    = selection index (0-based, in the contest's order) [ "r" rank ] [ "=" write-in name ]
 * </pre>
 *
 * Contests come in the ballot style's order. Texts are percent-encoded UTF-8 (everything but
 * letters, digits, '.', '_', '~' and '-'), so the code is plain ASCII.
 *
 * @param contests per contest of the style, the picks made
 */
public record PaperRecord(String electionFingerprint, Mode mode, String deviceSerial, String ballotId,
        BallotStyleId style, GpUnitId precinct, List<List<CodedPick>> contests) {
    static final String MAGIC = "BW1";
    static final int MAX_LENGTH = 2_900;

    public PaperRecord {
        contests = contests.stream().map(List::copyOf).toList();
    }

    /** One pick by position: the selection's index in its contest, the rank (0 if unranked), the written name. */
    public record CodedPick(int selection, int rank, Optional<String> writeInName) {}

    /** The text the QR code holds. */
    public String encode() {
        StringBuilder b = new StringBuilder(256);
        b.append(MAGIC).append(';').append(electionFingerprint).append(';').append(mode == Mode.TEST ? 'T' : 'O')
                .append(';').append(escape(deviceSerial)).append(';').append(escape(ballotId))
                .append(';').append(escape(style.value())).append(';').append(escape(precinct.value()));
        for (List<CodedPick> picks : contests) {
            b.append(';');
            for (int i = 0; i < picks.size(); i++) {
                CodedPick p = picks.get(i);
                if (i > 0) {
                    b.append(',');
                }
                b.append(p.selection());
                if (p.rank() > 0) {
                    b.append('r').append(p.rank());
                }
                p.writeInName().ifPresent(n -> b.append('=').append(escape(n)));
            }
        }
        return b.toString();
    }

    /**
     * Reads the text of a QR code; {@code file} and the place name the code in messages. Checks the
     * form only: {@link #ballot} checks it against an election.
     */
    public static PaperRecord decode(String text, String file) {
        String place = "QR code";
        if (text.length() > MAX_LENGTH) {
            throw new BadInputException(file, place, "holds " + text.length() + " characters, more than a paper record has");
        }
        String[] f = text.split(";", -1);
        if (f.length < 7 || !f[0].equals(MAGIC)) {
            throw new BadInputException(file, place, "is not a Bulwark paper record (it should start with \"" + MAGIC
                    + ";\" and hold at least 7 fields)");
        }
        if (!f[1].matches("[0-9a-f]{64}")) {
            throw new BadInputException(file, place + " field 2", "the election fingerprint must be 64 hex digits");
        }
        Mode mode = switch (f[2]) {
            case "T" -> Mode.TEST;
            case "O" -> Mode.OFFICIAL;
            default -> throw new BadInputException(file, place + " field 3", "the mode must be T (test) or O (official), not '"
                    + f[2] + "'");
        };
        List<List<CodedPick>> contests = new ArrayList<>();
        for (int i = 7; i < f.length; i++) {
            List<CodedPick> picks = new ArrayList<>();
            if (!f[i].isEmpty()) {
                for (String pick : f[i].split(",", -1)) {
                    picks.add(pick(pick, file, place + " contest " + (i - 6)));
                }
            }
            contests.add(picks);
        }
        return new PaperRecord(f[1], mode, unescape(f[3], file, place + " field 4"), unescape(f[4], file, place + " field 5"),
                new BallotStyleId(nonEmpty(unescape(f[5], file, place + " field 6"), file, place + " field 6")),
                new GpUnitId(nonEmpty(unescape(f[6], file, place + " field 7"), file, place + " field 7")), contests);
    }

    private static CodedPick pick(String text, String file, String place) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})(?:r(\\d{1,3}))?(?:=(.*))?").matcher(text);
        if (!m.matches()) {
            throw new BadInputException(file, place, "'" + text + "' is not a pick (selection number, optional r and rank, optional = and name)");
        }
        int rank = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        Optional<String> name = m.group(3) == null ? Optional.empty() : Optional.of(unescape(m.group(3), file, place));
        return new CodedPick(Integer.parseInt(m.group(1)), rank, name);
    }

    /**
     * The ballot this record stands for, in the election's terms; refuses a record of another
     * election, and positions the election's ballot style does not have.
     */
    public Ballot ballot(ElectionIndex index, String expectedFingerprint, String file) {
        if (!electionFingerprint.equals(expectedFingerprint)) {
            throw new BadInputException(file, "QR code field 2", "the paper record is for election " + electionFingerprint.substring(0, 7)
                    + ", not for " + expectedFingerprint.substring(0, 7));
        }
        BallotStyle bs = index.election().ballotStyles().stream().filter(s -> s.id().equals(style)).findFirst()
                .orElseThrow(() -> new BadInputException(file, "QR code field 6", "the election has no ballot style '" + style.value() + "'"));
        if (contests.size() != bs.contests().size()) {
            throw new BadInputException(file, "QR code", "holds " + contests.size() + " contests; ballot style " + style.value()
                    + " has " + bs.contests().size());
        }
        List<Ballot.ContestVote> votes = new ArrayList<>();
        for (int i = 0; i < contests.size(); i++) {
            Contest contest = index.contest(bs.contests().get(i)).orElseThrow(
                    () -> new BadInputException(file, "QR code", "ballot style " + style.value() + " names a contest the election lacks"));
            List<Ballot.Pick> picks = new ArrayList<>();
            for (CodedPick p : contests.get(i)) {
                if (p.selection() >= contest.selections().size()) {
                    throw new BadInputException(file, "QR code contest " + (i + 1), "selection " + p.selection() + " does not exist: "
                            + contest.id().value() + " has " + contest.selections().size());
                }
                picks.add(new Ballot.Pick(contest.selections().get(p.selection()).id(), p.rank(), p.writeInName()));
            }
            votes.add(new Ballot.ContestVote(contest.id(), picks));
        }
        return new Ballot(style, precinct, votes);
    }

    private static String nonEmpty(String s, String file, String place) {
        if (s.isBlank()) {
            throw new BadInputException(file, place, "is empty");
        }
        return s;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-')) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
            }
        }
        return b.toString();
    }

    static String unescape(String s, String file, String place) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new BadInputException(file, place, "'%' must be followed by two hex digits");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-')) {
                out.write(c);
            } else {
                throw new BadInputException(file, place, "the character '" + c + "' must be percent-encoded");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(file, place, "the percent-encoded text is not UTF-8");
        }
    }
}

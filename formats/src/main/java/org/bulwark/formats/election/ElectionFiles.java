package org.bulwark.formats.election;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.model.BadInputException;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionValidator;
import org.bulwark.model.ValidationIssue;

/**
 * Reading and writing election definitions: the one entry point for them. The format of a file is
 * recognised from its content, never from its name: Bulwark JSON, a NIST SP 1500-100 v2 election
 * report or a NIST SP 1500-20 ballot definition, each in JSON or (NIST) XML.
 *
 * <p>A file that cannot be read at all (malformed, truncated, too large, of another kind) raises a
 * {@link BadInputException} naming the file, the place and the problem. A file that can be read is
 * returned with every problem found in it, so that one pass shows all there is to fix.
 */
public final class ElectionFiles {
    private static final String ERR_NAMESPACE = "http://itl.nist.gov/ns/voting/1500-100/v2";
    private static final String BD_NAMESPACE = "http://itl.nist.gov/ns/voting/1500-20/v1";
    /** Enough bytes to see past a byte order mark and leading white space. */
    private static final int SNIFF = 4096;

    private ElectionFiles() {}

    /** Reads the election definition in {@code file}; errors name the file as given. */
    public static LoadedElection read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "file", "the file does not exist", e);
        } catch (IOException e) {
            throw new BadInputException(name, "file", "the file could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads an election definition held in memory, such as one kept in a workspace. */
    public static LoadedElection read(byte[] content, String displayName) {
        return read(new ByteArrayInputStream(content), displayName);
    }

    /**
     * Reads an election definition from {@code in}, which the caller closes; {@code displayName}
     * names it in errors.
     */
    public static LoadedElection read(InputStream in, String displayName) {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF);
        Documents.Markup markup;
        try {
            buffered.mark(SNIFF);
            byte[] head = buffered.readNBytes(SNIFF);
            buffered.reset();
            markup = Documents.sniff(head, head.length);
            if (head.length == 0) {
                throw new BadInputException(displayName, "byte 0", "the file is empty");
            }
        } catch (IOException e) {
            throw new BadInputException(displayName, "byte 0", "the file could not be read: " + e.getMessage(), e);
        }
        return switch (markup) {
            case JSON -> json(Documents.json(buffered, displayName), displayName);
            case XML -> xml(Documents.xml(buffered, displayName), displayName);
            case UNKNOWN -> throw new BadInputException(displayName, "line 1, column 1",
                    "the file is neither JSON nor XML; an election definition is Bulwark JSON, "
                            + "or a NIST election report or ballot definition in JSON or XML");
        };
    }

    /** Writes {@code election} as Bulwark JSON to {@code out}, which the caller closes. */
    public static void writeBulwarkJson(Election election, OutputStream out) {
        try {
            BulwarkElectionJson.write(election, out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the election definition", e);
        }
    }

    private static LoadedElection json(Documents.Document doc, String file) {
        Node root = doc.root();
        if (!root.isObject()) {
            String what = root.kind() == Node.Kind.ARRAY ? "list" : "value";
            throw new BadInputException(file, root.place(),
                    "the file holds a JSON " + what + ", not an election definition object");
        }
        if (root.has(BulwarkElectionJson.FORMAT_KEY)) {
            Election election = BulwarkElectionJson.read(root, file);
            return new LoadedElection(election, ElectionFormat.BULWARK_JSON, ElectionValidator.validate(election));
        }
        String type = root.first("@type").flatMap(Node::text).orElse("");
        if (type.equals("ElectionResults.ElectionReport")) {
            return nist(root, NistElectionReader.Dialect.ELECTION_REPORT, ElectionFormat.NIST_ERR_JSON, file, List.of());
        }
        if (type.equals("BallotDefinition.BallotDefinition")) {
            return nist(root, NistElectionReader.Dialect.BALLOT_DEFINITION, ElectionFormat.NIST_BD_JSON, file, List.of());
        }
        throw new BadInputException(file, root.place(), "this JSON is not an election definition Bulwark knows: "
                + "expected a Bulwark definition (with \"" + BulwarkElectionJson.FORMAT_KEY + "\": \""
                + BulwarkElectionJson.FORMAT + "\"), or a NIST document whose \"@type\" is "
                + "\"ElectionResults.ElectionReport\" or \"BallotDefinition.BallotDefinition\""
                + (type.isEmpty() ? "" : "; found \"@type\": \"" + type + "\""));
    }

    private static LoadedElection xml(Documents.Document doc, String file) {
        Node root = doc.root();
        String name = root.name();
        List<ValidationIssue> notes = new ArrayList<>();
        NistElectionReader.Dialect dialect;
        ElectionFormat format;
        String expected;
        if (name.equals("ElectionReport")) {
            dialect = NistElectionReader.Dialect.ELECTION_REPORT;
            format = ElectionFormat.NIST_ERR_XML;
            expected = ERR_NAMESPACE;
        } else if (name.equals("BallotDefinition")) {
            dialect = NistElectionReader.Dialect.BALLOT_DEFINITION;
            format = ElectionFormat.NIST_BD_XML;
            expected = BD_NAMESPACE;
        } else {
            throw new BadInputException(file, root.place(), "the root element <" + name + "> is not an election "
                    + "definition Bulwark knows; expected <ElectionReport> (NIST SP 1500-100 v2) or "
                    + "<BallotDefinition> (NIST SP 1500-20)");
        }
        if (!doc.namespace().equals(expected)) {
            notes.add(ValidationIssue.warning(root.path(), "the root element's namespace is '" + doc.namespace()
                    + "', not '" + expected + "'; the file was read as " + format.description()));
        }
        return nist(root, dialect, format, file, notes);
    }

    /** Problems of the election itself also say where in the NIST file the object they concern is. */
    private static LoadedElection nist(Node root, NistElectionReader.Dialect dialect, ElectionFormat format, String file,
            List<ValidationIssue> notes) {
        NistElectionReader.Imported imported = NistElectionReader.read(root, dialect, file);
        List<ValidationIssue> issues = new ArrayList<>(notes);
        issues.addAll(imported.issues());
        ElectionValidator.validate(imported.election()).stream().map(imported::located).forEach(issues::add);
        return new LoadedElection(imported.election(), format, issues);
    }
}

package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;

/**
 * Hart's CVR folder: one XML file per ballot sheet (Cvr: Contests/Contest/Options/Option, BatchNumber, CvrGuid,
 * PrecinctSplit), read as RCTab reads it. A file whose Contests include the contest is one ballot; each Option
 * is a candidate by its Id, and its Value is read left to right, one digit per rank: "0100" ranks the candidate
 * second, "0101" second and fourth. A file with a signature beside it (NAME.xml.sig.xml) is read only after the
 * signature is verified ({@link HartSignature}), and when the source names trusted signers every file must be
 * signed by one of them; files are read in name order so that runs repeat exactly.
 */
final class HartReader {
    private record Option(Optional<String> name, String id, String value) {}

    private final String contestId;
    private final ChoiceLabels labels;
    private final Consumer<? super RankedBallot> sink;
    /** Each candidate code with the name it first came with: one code naming two people is a damaged export. */
    private final Map<String, String> namesByCode = new HashMap<>();
    private final BallotBuilder ballot = new BallotBuilder();
    private long ballots;

    private HartReader(String contestId, VendorSource source, Consumer<? super RankedBallot> sink) {
        this.contestId = contestId;
        this.labels = new ChoiceLabels(source.labels());
        this.sink = sink;
    }

    static long read(VendorSource source, String contestId, Consumer<? super RankedBallot> sink) throws IOException {
        HartReader reader = new HartReader(contestId, source, sink);
        List<Path> files;
        try (Stream<Path> list = Files.list(source.path())) {
            files = list.filter(HartReader::isCvrFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new BadInputException(source.path().toString(), "the Hart CVR folder", "holds no .xml cast vote record");
        }
        for (Path file : files) {
            Path signature = file.resolveSibling(file.getFileName() + ".sig.xml");
            if (Files.exists(signature)) {
                HartSignature.verify(file, signature, source.trustedSigners());
            } else if (!source.trustedSigners().isEmpty()) {
                throw new BadInputException(file.toString(), "the Hart CVR folder",
                        "has no signature file " + signature.getFileName() + ", and this source accepts only signed files");
            }
            reader.file(file);
        }
        return reader.ballots;
    }

    private static boolean isCvrFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") && !name.endsWith(".sig.xml") && Files.isRegularFile(p);
    }

    private void file(Path file) throws IOException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = XmlInput.FACTORY.createXMLStreamReader(in);
            XmlInput.root(x, name, "Cvr");
            Optional<String> guid = Optional.empty();
            Optional<String> batch = Optional.empty();
            Optional<String> precinct = Optional.empty();
            List<List<Option>> contests = new ArrayList<>();
            while (XmlInput.nextChild(x, name)) {
                switch (x.getLocalName()) {
                    case "CvrGuid" -> guid = Optional.of(XmlInput.text(x, name));
                    case "BatchNumber" -> batch = Optional.of(XmlInput.text(x, name));
                    case "PrecinctSplit" -> precinct = precinctName(x, name);
                    case "Contests" -> contests(x, name, contests);
                    default -> XmlInput.skip(x, name);
                }
            }
            for (List<Option> options : contests) {
                for (Option option : options) {
                    rankings(name, option);
                }
                ballots++;
                sink.accept(ballot.build(guid.orElse(file.getFileName().toString()), precinct, batch));
            }
        } catch (XMLStreamException e) {
            throw XmlInput.malformed(name, e);
        }
    }

    private static Optional<String> precinctName(XMLStreamReader x, String file) throws XMLStreamException {
        Optional<String> name = Optional.empty();
        while (XmlInput.nextChild(x, file)) {
            if (x.getLocalName().equals("Name")) {
                name = Optional.of(XmlInput.text(x, file));
            } else {
                XmlInput.skip(x, file);
            }
        }
        return name;
    }

    /** Collects the options of every Contest entry for the contest (one per ballot sheet, in practice). */
    private void contests(XMLStreamReader x, String file, List<List<Option>> found) throws XMLStreamException {
        while (XmlInput.nextChild(x, file)) {
            if (!x.getLocalName().equals("Contest")) {
                XmlInput.skip(x, file);
                continue;
            }
            Optional<String> id = Optional.empty();
            List<Option> options = new ArrayList<>();
            while (XmlInput.nextChild(x, file)) {
                switch (x.getLocalName()) {
                    case "Id" -> id = Optional.of(XmlInput.text(x, file));
                    case "Options" -> options(x, file, options);
                    default -> XmlInput.skip(x, file);
                }
            }
            if (id.filter(contestId::equals).isPresent()) {
                found.add(options);
            }
        }
    }

    private static void options(XMLStreamReader x, String file, List<Option> options) throws XMLStreamException {
        while (XmlInput.nextChild(x, file)) {
            if (!x.getLocalName().equals("Option")) {
                XmlInput.skip(x, file);
                continue;
            }
            Optional<String> name = Optional.empty();
            Optional<String> id = Optional.empty();
            Optional<String> value = Optional.empty();
            int at = options.size();
            while (XmlInput.nextChild(x, file)) {
                switch (x.getLocalName()) {
                    case "Name" -> name = Optional.of(XmlInput.text(x, file));
                    case "Id" -> id = Optional.of(XmlInput.text(x, file));
                    case "Value" -> value = Optional.of(XmlInput.text(x, file));
                    default -> XmlInput.skip(x, file);
                }
            }
            String where = "Contest Options/Option[" + (at + 1) + "]";
            options.add(new Option(name, id.orElseThrow(() -> new BadInputException(file, where, "has no Id")),
                    value.orElseThrow(() -> new BadInputException(file, where, "has no Value"))));
        }
    }

    private void rankings(String file, Option option) {
        String where = "Option " + option.id();
        boolean writeIn = labels.isUndeclaredWriteIn(option.id());
        if (!writeIn && option.name().isPresent()) {
            String first = namesByCode.putIfAbsent(option.id(), option.name().get());
            if (first != null && !first.equals(option.name().get())) {
                throw new BadInputException(file, where, "candidate code " + option.id() + " is named \"" + option.name().get()
                        + "\" here but \"" + first + "\" in an earlier file");
            }
        }
        String value = option.value().trim();
        if (value.length() > BallotBuilder.MAX_RANK) {
            throw new BadInputException(file, where, "Value has " + value.length() + " ranks, more than " + BallotBuilder.MAX_RANK);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '1') {
                ballot.add(i + 1, writeIn ? ChoiceLabels.undeclaredWriteIn() : labels.markedChoice(option.id()));
            } else if (c != '0') {
                throw new BadInputException(file, where, "Value \"" + value + "\" is not a string of 0s and 1s, one per rank");
            }
        }
    }
}

package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.log.CheckpointCheck;
import org.bulwark.ledger.log.InclusionProofs;
import org.bulwark.ledger.log.LogVerification;
import org.bulwark.ledger.log.NoteVerifierKey;
import org.bulwark.ledger.log.PublishedLogVerifier;
import org.bulwark.ledger.log.VerifierKeys;
import org.bulwark.model.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark ledger verify} and {@code bulwark ledger verify-proof}: check a published log, or
 * one entry's inclusion proof, with nothing but the files and the keys to trust. Exit code 0 when
 * everything verifies, 2 when something does not (the message names the file, place and problem).
 */
final class LedgerVerifyCommand {
    private LedgerVerifyCommand() {}

    /**
     * The keys to trust: key files, or a folder of them. Every trusted key must have signed. A key
     * file is a Bulwark public key (.pub, whose key signs notes under its key id) or a signed-note
     * verifier key file (any other name: lines of name+keyid+base64 key).
     */
    static final class Trust {
        @Option(names = "--key", paramLabel = "FILE", required = true,
                description = "The log's public key: a .pub file, or a verifier key file (name+keyid+base64 key, as the log's owner publishes it). "
                        + "Repeat for each key that must have signed: the log's key and, if cosigned, the cosigner's.")
        List<Path> keys;

        @Option(names = "--trust", paramLabel = "DIR", required = true,
                description = "A folder of .pub and .vkey files: every key in it must have signed (the log's key, and any cosigner).")
        Path folder;

        List<NoteVerifierKey> load() throws IOException {
            List<Path> files = keys;
            if (folder != null) {
                if (!Files.isDirectory(folder)) {
                    throw new BadInputException(folder.toString(), "folder", "no such folder: --trust names a folder of .pub or .vkey files");
                }
                try (Stream<Path> list = Files.list(folder)) {
                    files = list.filter(p -> p.toString().endsWith(Keys.PUBLIC_SUFFIX) || p.toString().endsWith(VerifierKeys.SUFFIX))
                            .sorted().toList();
                }
                if (files.isEmpty()) {
                    throw new BadInputException(folder.toString(), "folder", "holds no .pub or .vkey files: a trust folder needs at least one key");
                }
            }
            List<NoteVerifierKey> all = new ArrayList<>();
            for (Path f : files) {
                if (f.toString().endsWith(Keys.PUBLIC_SUFFIX)) {
                    PublicKeyInfo info = Keys.loadPublic(f);
                    all.add(new NoteVerifierKey(info.id(), info.key()));
                } else {
                    all.addAll(VerifierKeys.read(f));
                }
            }
            return all;
        }
    }

    static String cosigned(List<CheckpointCheck.Cosigned> cosigners) {
        return cosigners.isEmpty() ? "" : "; cosigned by " + cosigners.stream()
                .map(c -> c.name() + " at " + c.time()).collect(Collectors.joining(", "));
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Verify a published log folder offline: every checkpoint's signatures, the Merkle tree recomputed "
                    + "from the entry bundles, every tile, and consistency with an earlier checkpoint you kept (--since).",
                "Any changed, removed, added or reordered byte fails with exit code 2 and names the file and the place."},
            footer = {"", "Example:",
                "  bulwark ledger verify --from ./boone-log --since ./checkpoint-2028-11-01 --key boone-log.vkey"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DIR", description = "The published log folder (as served: checkpoint, tile/, checkpoints/).")
        Path from;

        @Option(names = "--since", paramLabel = "FILE", description = "A checkpoint you saved earlier: the log must still contain exactly what it signed.")
        Path since;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            List<NoteVerifierKey> keys = trust.load();
            return switch (PublishedLogVerifier.verify(from, keys, Optional.ofNullable(since))) {
                case LogVerification.Verified v -> {
                    io.out().println("Verified the log " + v.latest().origin() + ": " + v.latest().size() + " entries, root "
                            + v.latest().root().hex() + ".");
                    io.out().println("Signed by " + keys.stream().map(NoteVerifierKey::name).filter(n -> v.cosigners().stream()
                            .noneMatch(c -> c.name().equals(n))).collect(Collectors.joining(", ")) + cosigned(v.cosigners()) + ".");
                    io.out().println(v.checkpointsChecked() + " checkpoint(s) match the tree" + (since == null ? "" : ", including " + since) + ".");
                    yield Bulwark.OK;
                }
                case LogVerification.Failed f -> {
                    io.err().println("bulwark: verification FAILED: " + (f.file().equals(since == null ? null : since.toString())
                            ? f.message() : from.resolve(f.file()) + ": " + f.place() + ": " + f.problem()));
                    yield Bulwark.BAD_INPUT;
                }
            };
        }
    }

    @Command(
            name = "verify-proof",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Verify an inclusion proof file (bulwark-inclusion-proof/1, see docs/transparency-log.md) offline: "
                    + "the checkpoint's signatures, then that the entry is in the tree that checkpoint signed."},
            footer = {"", "Example:", "  bulwark ledger verify-proof --proof entry-300.json --key boone-log.vkey"})
    static final class VerifyProof implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--proof", required = true, paramLabel = "FILE", description = "The inclusion proof file (JSON).")
        Path proof;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            List<NoteVerifierKey> keys = trust.load();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(proof);
            } catch (NoSuchFileException e) {
                throw new BadInputException(proof.toString(), "file", "the file does not exist");
            } catch (IOException e) {
                throw new BadInputException(proof.toString(), "file", "cannot be read: " + e.getMessage(), e);
            }
            return switch (InclusionProofs.verify(bytes, proof.toString(), keys)) {
                case InclusionProofs.Outcome.Included i -> {
                    io.out().println("Verified: entry " + i.leafIndex() + " is in the log " + i.checkpoint().origin() + " at tree size "
                            + i.checkpoint().size() + " (root " + i.checkpoint().root().hex() + "), signed by "
                            + String.join(", ", i.signers()) + cosigned(i.cosigners()) + ".");
                    yield Bulwark.OK;
                }
                case InclusionProofs.Outcome.NotIncluded n -> {
                    io.err().println("bulwark: verification FAILED: " + n.message());
                    yield Bulwark.BAD_INPUT;
                }
            };
        }
    }
}

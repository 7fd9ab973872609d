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

    /** The keys to trust: key files, or a folder of them. Every trusted key must have signed. */
    static final class Trust {
        @Option(names = "--key", paramLabel = "FILE", required = true,
                description = "A file holding a verifier key (name+keyid+base64 key, as published by the log's owner). "
                        + "Repeat for each key that must have signed: the log's key and, if cosigned, the cosigner's.")
        List<Path> keys;

        @Option(names = "--trust", paramLabel = "DIR", required = true,
                description = "A folder of .vkey files: every key in it must have signed (the log's key, and any cosigner).")
        Path folder;

        List<NoteVerifierKey> load() {
            if (folder != null) {
                return VerifierKeys.readFolder(folder);
            }
            List<NoteVerifierKey> all = new ArrayList<>();
            keys.forEach(k -> all.addAll(VerifierKeys.read(k)));
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
        public Integer call() {
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
        public Integer call() {
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

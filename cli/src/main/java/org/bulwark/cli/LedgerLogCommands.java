package org.bulwark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.log.Checkpoint;
import org.bulwark.ledger.log.Checkpoints;
import org.bulwark.ledger.log.Hash;
import org.bulwark.ledger.log.InclusionProofs;
import org.bulwark.ledger.log.LogPublisher;
import org.bulwark.ledger.log.NoteSigner;
import org.bulwark.ledger.log.NoteVerifierKey;
import org.bulwark.ledger.log.TileLayout;
import org.bulwark.ledger.trust.TrustEntry;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Cosignatures;
import org.bulwark.store.LoggedEntry;
import org.bulwark.store.StoredCheckpoint;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code bulwark ledger} subcommands that sign, prove and publish the workspace's log. */
final class LedgerLogCommands {
    private LedgerLogCommands() {}

    /** Options shared by the commands that use a private key. */
    static final class KeyOptions {
        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "A file whose first line is the key's passphrase (default: the BULWARK_PASSPHRASE variable).")
        Optional<Path> passphraseFile;
    }

    static KeyHolder signer(Workspace ws, Path keyFile, KeyOptions options, Function<String, String> environment)
            throws IOException {
        List<PublicKeyInfo> registry = ws.trustRegistry().entries().stream()
                .filter(e -> e.revocation().isEmpty()).map(TrustEntry::key).toList();
        return KeyHolder.prove(keyFile, options.passphraseFile, environment, KeyHolder.withSibling(keyFile, registry));
    }

    static EventHeader header(Io io, KeyHolder key) {
        return new EventHeader(io.clock().instant(), new Actor(System.getProperty("user.name", "unknown user") + " (bulwark)"),
                Optional.empty(), new Jurisdiction.Named(key.publicKey().jurisdiction().orElse(key.publicKey().id())),
                Disposition.SUCCESS);
    }

    /**
     * Checkpoints and cosignatures are signed under the signing key's id (not the log's origin), so that
     * {@code ledger verify --key ID.pub} and every other reader of the .pub file derive the same
     * signed-note key name.
     */
    static NoteSigner noteSigner(KeyHolder key) {
        return new NoteSigner(key.publicKey().id(), key.key().key(), key.publicKey().key());
    }

    /** Signs the log's current tree, saves the checkpoint and logs that it did; returns the signed note. */
    static String signCurrentTree(Workspace ws, Io io, KeyHolder key, String origin) {
        long size = ws.logSize();
        Hash root = ws.logRoot(size);
        NoteSigner signer = noteSigner(key);
        String note = Checkpoints.sign(new Checkpoint(origin, size, root), signer);
        ws.saveCheckpoint(size, root, note, false, new LogEvent.CheckpointSigned(header(io, key), origin, size,
                Sha256.of(root.bytes()), key.publicKey().id()));
        return note;
    }

    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            description = {"Sign the workspace log's current tree: a C2SP signed-note checkpoint (origin, size, root).",
                "The checkpoint is saved in the workspace, logged, and printed (or written with --out)."})
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Mixin
        KeyOptions keyOptions;

        @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The log's signing key (the authority's).")
        Path keyFile;

        @Option(names = "--origin", paramLabel = "NAME", defaultValue = LedgerWorkspaceCommands.DEFAULT_ORIGIN,
                description = "The log's name, the checkpoint's first line. Default: ${DEFAULT-VALUE}.")
        String origin;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the signed checkpoint here.")
        Optional<Path> out;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                KeyHolder key = signer(ws, keyFile, keyOptions, environment);
                String note = signCurrentTree(ws, io, key, origin);
                out.ifPresent(o -> LedgerWorkspaceCommands.writeAtomically(o, t -> t.write(note.getBytes(StandardCharsets.UTF_8))));
                io.out().print(note);
                io.out().println("Verifier key: " + new NoteVerifierKey(key.publicKey().id(), key.publicKey().key()).verifierString());
                List<Cosignatures.Stored> cosigned = ws.cosignatures().list().stream()
                        .filter(c -> c.direction() == Cosignatures.Direction.RECEIVED && c.checkpoint().origin().equals(origin)).toList();
                io.out().println(cosigned.isEmpty() ? "No cosigned checkpoint of this log is kept yet (bulwark ledger add-cosigned FILE ...)."
                        : "Cosigned checkpoints of this log kept in the workspace:");
                cosigned.forEach(c -> io.out().println("  " + LedgerCosignatureCommands.describe(c)));
            }
            return Bulwark.OK;
        }
    }

    @Command(
            name = "prove",
            mixinStandardHelpOptions = true,
            description = {"Print the inclusion proof of one log entry against the latest signed checkpoint,",
                "as a proof file that 'bulwark ledger verify-proof' checks with nothing but the file and the log's key."})
    static final class Prove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--index", required = true, paramLabel = "N", description = "The entry's index (0 is the first).")
        long index;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the proof here instead of printing it.")
        Optional<Path> out;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                StoredCheckpoint latest = ws.latestCheckpoint().orElseThrow(() -> new BadInputException("workspace",
                        "checkpoints", "the log has no signed checkpoint yet; sign one with bulwark ledger checkpoint --key KEYFILE"));
                if (index < 0 || index >= latest.treeSize()) {
                    throw new BadInputException("--index", "command line", "entry " + index + " is not covered by the latest"
                            + " checkpoint, which covers entries 0.." + (latest.treeSize() - 1)
                            + "; sign a newer checkpoint first");
                }
                LoggedEntry entry = ws.logEntry(index).orElseThrow();
                Checkpoint checkpoint = new Checkpoint(latest.origin(), latest.treeSize(), latest.root());
                String proof = ws.withLogTiles((size, tiles) ->
                        InclusionProofs.create(index, entry.bytes(), checkpoint, latest.note(), tiles));
                if (out.isPresent()) {
                    LedgerWorkspaceCommands.writeAtomically(out.get(), t -> t.write(proof.getBytes(StandardCharsets.UTF_8)));
                    io.out().println("Wrote the inclusion proof of entry " + index + " (" + entry.event().kind().id()
                            + ") in a tree of " + latest.treeSize() + " to " + out.get());
                } else {
                    io.out().print(proof.endsWith("\n") ? proof : proof + "\n");
                }
            }
            return Bulwark.OK;
        }
    }

    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = {"Publish the workspace log as static files (C2SP tlog-tiles layout) in DIR, with a fresh signed",
                "checkpoint (kept in the workspace and logged). Publishing again into the same DIR appends what is new. Check with bulwark ledger verify --from DIR."})
    static final class Publish implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Mixin
        KeyOptions keyOptions;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to publish into.")
        Path out;

        @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The log's signing key.")
        Path keyFile;

        @Option(names = "--origin", paramLabel = "NAME", defaultValue = LedgerWorkspaceCommands.DEFAULT_ORIGIN,
                description = "The log's name. Default: ${DEFAULT-VALUE}.")
        String origin;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                KeyHolder key = signer(ws, keyFile, keyOptions, environment);
                long published = publishedSize(out);
                long size = ws.logSize();
                if (published > size) {
                    throw new BadInputException(out.toString(), TileLayout.CHECKPOINT, "the folder holds a log of " + published
                            + " entries, more than this workspace's " + size + "; it is another log");
                }
                List<byte[]> entries = new ArrayList<>();
                ws.forEachLogEntry(published, e -> entries.add(e.bytes()));
                NoteSigner signer = noteSigner(key);
                String[] note = new String[1];
                Checkpoint checkpoint = LogPublisher.publish(out, origin, entries, c -> note[0] = Checkpoints.sign(c, signer));
                // The published checkpoint is kept in the workspace too (for prove), and its signing is logged:
                // that entry goes out with the next publication.
                ws.saveCheckpoint(checkpoint.size(), checkpoint.root(), note[0], false, new LogEvent.CheckpointSigned(
                        header(io, key), origin, checkpoint.size(), Sha256.of(checkpoint.root().bytes()), key.publicKey().id()));
                io.out().println("Published " + checkpoint.size() + " entries (" + entries.size() + " new) to " + out
                        + " with a checkpoint signed by " + key.publicKey().describe() + "; root " + checkpoint.root().hex());
                io.out().println("Verifier key: " + new NoteVerifierKey(key.publicKey().id(), key.publicKey().key()).verifierString());
            }
            return Bulwark.OK;
        }

        /** The tree size of a log already published in the folder (its checkpoint's second line), or 0. */
        private static long publishedSize(Path dir) throws IOException {
            Path checkpoint = dir.resolve(TileLayout.CHECKPOINT);
            if (!Files.isRegularFile(checkpoint)) {
                return 0;
            }
            String[] lines = Files.readString(checkpoint, StandardCharsets.UTF_8).split("\n", 3);
            try {
                return Long.parseLong(lines.length > 1 ? lines[1] : "");
            } catch (NumberFormatException e) {
                throw new BadInputException(checkpoint.toString(), "line 2", "not a tree size; is this a published log?");
            }
        }
    }

    @Command(
            name = "cosign",
            mixinStandardHelpOptions = true,
            description = {"Countersign another authority's checkpoint (the state cosigns a county's): the county's",
                "signature is verified first with its public key, then a tlog-cosignature line is added.",
                "The cosigning is logged in this workspace; the cosigned checkpoint is written to --out."})
    static final class Cosign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Mixin
        KeyOptions keyOptions;

        @Parameters(paramLabel = "CHECKPOINT", description = "The signed checkpoint to cosign.")
        Path checkpointFile;

        @Option(names = "--key", required = true, paramLabel = "STATEKEY", description = "The cosigner's private key.")
        Path keyFile;

        @Option(names = "--log-key", required = true, paramLabel = "PUBFILE", description = "The public key of the log that signed the checkpoint.")
        Path logKey;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the cosigned checkpoint.")
        Path out;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            String signed = new String(InputFiles.readAll(checkpointFile), StandardCharsets.UTF_8);
            String origin = signed.lines().findFirst().orElse("");
            PublicKeyInfo logPublic = Keys.loadPublic(logKey);
            NoteVerifierKey logVerifier = new NoteVerifierKey(logPublic.id(), logPublic.key());
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                KeyHolder key = signer(ws, keyFile, keyOptions, environment);
                NoteSigner cosigner = noteSigner(key);
                Instant now = io.clock().instant();
                switch (Checkpoints.cosign(signed, checkpointFile.toString(), logVerifier, cosigner, now)) {
                    case Checkpoints.Cosigning.Cosigned c -> {
                        LogEvent.CheckpointCosigned event = new LogEvent.CheckpointCosigned(header(io, key), c.checkpoint().origin(),
                                c.checkpoint().size(), Sha256.of(c.checkpoint().root().bytes()), key.publicKey().id());
                        // Kept and checked against what this key cosigned before, before the cosigned file exists.
                        Cosignatures.Stored kept = LedgerCosignatureCommands.kept(checkpointFile, ws.cosignatures().recordGiven(
                                new Cosignatures.Cosigned(c.checkpoint(), c.signedCheckpoint(), key.publicKey().id(),
                                        now.truncatedTo(ChronoUnit.SECONDS)), event));
                        LedgerWorkspaceCommands.writeAtomically(out, t -> t.write(c.signedCheckpoint().getBytes(StandardCharsets.UTF_8)));
                        io.out().println("Cosigned the checkpoint of " + c.checkpoint().origin() + " at size " + c.checkpoint().size()
                                + " as " + key.publicKey().describe() + "; wrote " + out + "; kept as cosignature #" + kept.id()
                                + ", logged as entry " + kept.logIndex());
                    }
                    case Checkpoints.Cosigning.NotCosigned n -> throw new BadInputException(checkpointFile.toString(),
                            "signature", "not cosigned: " + n.why());
                }
            }
            return Bulwark.OK;
        }
    }
}

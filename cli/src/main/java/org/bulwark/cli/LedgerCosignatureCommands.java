package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.log.CheckpointCheck;
import org.bulwark.ledger.log.Checkpoints;
import org.bulwark.ledger.log.NoteVerifierKey;
import org.bulwark.model.BadInputException;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.Cosignatures;
import org.bulwark.store.LogCheck;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark ledger add-cosigned} and {@code bulwark ledger check}: cosigned checkpoints kept in a workspace. */
final class LedgerCosignatureCommands {
    private LedgerCosignatureCommands() {}

    /** "size 10, root 1baa..., cosigned by mo-sos at T (received, #3)": one line of a listing. */
    static String describe(Cosignatures.Stored c) {
        return c.checkpoint().origin() + " size " + c.checkpoint().size() + ", root " + c.checkpoint().root().hex().substring(0, 16)
                + "..., cosigned by " + c.cosigner() + " at " + c.cosignedAt() + " (" + switch (c.direction()) {
                    case GIVEN -> "cosigned by this workspace's key";
                    case RECEIVED -> "this log's, brought back";
                } + ", cosignature #" + c.id() + ")";
    }

    /** The kept cosignature, or bad input naming the checkpoint file: a split view, or a checkpoint of another log. */
    static Cosignatures.Stored kept(Path file, Cosignatures.Recording recording) {
        return switch (recording) {
            case Cosignatures.Recording.Kept k -> k.stored();
            case Cosignatures.Recording.SplitViewFound s -> throw new BadInputException(file.toString(), "tree size "
                    + s.finding().second().size(), s.finding().message() + ". Nothing was kept or signed: keep both checkpoints, "
                    + "they are the evidence");
            case Cosignatures.Recording.BeyondThisLog b -> throw new BadInputException(file.toString(), "tree size", b.message());
        };
    }

    @Command(
            name = "add-cosigned",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Keep in the workspace a checkpoint of its own log that another authority cosigned (bulwark ledger cosign).",
                "Both signatures are verified first; its root must be this log's root at its size, else it is refused as a split view.",
                "Kept checkpoints are checked again by bulwark ledger check and shown by bulwark ledger checkpoint."})
    static final class AddCosigned implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(paramLabel = "FILE", description = "The cosigned checkpoint.")
        Path file;

        @Option(names = "--log-key", required = true, paramLabel = "PUBFILE", description = "The public key this log's checkpoints are signed with.")
        Path logKey;

        @Option(names = "--cosigner", required = true, paramLabel = "PUBFILE", description = "The cosigner's public key (the state's).")
        Path cosignerKey;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            byte[] bytes = InputFiles.readAll(file);
            PublicKeyInfo log = Keys.loadPublic(logKey);
            PublicKeyInfo cosigner = Keys.loadPublic(cosignerKey);
            List<NoteVerifierKey> keys = List.of(new NoteVerifierKey(log.id(), log.key()), new NoteVerifierKey(cosigner.id(), cosigner.key()));
            CheckpointCheck.Verified v = switch (Checkpoints.verify(bytes, file.toString(), keys)) {
                case CheckpointCheck.Verified ok -> ok;
                case CheckpointCheck.Refused r -> throw new BadInputException(file.toString(), "signatures", r.problem());
            };
            CheckpointCheck.Cosigned cosignature = v.cosigners().stream().filter(c -> c.name().equals(cosigner.id())).findFirst()
                    .orElseThrow(() -> new BadInputException(file.toString(), "signatures", cosigner.describe()
                            + " signed this note as a log, not as a cosigner (no tlog-cosignature/v1 line)"));
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                EventHeader header = LedgerWorkspaceCommands.header(io, java.util.Optional.empty(),
                        new Jurisdiction.Named(log.jurisdiction().orElse(log.id())));
                LogEvent.CheckpointCosigned event = new LogEvent.CheckpointCosigned(header, v.checkpoint().origin(), v.checkpoint().size(),
                        Sha256.of(v.checkpoint().root().bytes()), cosigner.id());
                Cosignatures.Stored kept = kept(file, ws.cosignatures().recordReceived(
                        new Cosignatures.Cosigned(v.checkpoint(), v.text(), cosignature.name(), cosignature.time()), event));
                io.out().println("Kept " + describe(kept) + "; logged as entry " + kept.logIndex() + ".");
            }
            return Bulwark.OK;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {"Check the workspace's own log against itself: every entry decodes, the tree recomputed from the entries has the "
                    + "stored tiles, and every saved checkpoint, cosigned ones included, has the root of the tree at its size.",
                "Lists the cosigned checkpoints kept. Exit code 0 when intact, 2 when not."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                return switch (ws.verifyLog()) {
                    case LogCheck.Intact i -> {
                        io.out().println("The log of " + ws.location().describe() + " is intact: " + i.entries() + " entries; "
                                + i.checkpoints() + " saved checkpoint(s), cosigned ones included, match the tree.");
                        List<Cosignatures.Stored> kept = ws.cosignatures().list();
                        io.out().println(kept.isEmpty() ? "No cosigned checkpoint is kept." : "Cosigned checkpoints kept:");
                        kept.forEach(c -> io.out().println("  " + describe(c)));
                        yield Bulwark.OK;
                    }
                    case LogCheck.Broken b -> {
                        io.out().println("The log of " + ws.location().describe() + " is NOT intact.");
                        io.err().println("bulwark: " + ws.location().describe() + ": log: " + b.problem());
                        yield Bulwark.BAD_INPUT;
                    }
                };
            }
        }
    }
}

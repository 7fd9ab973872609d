package org.bulwark.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.CustodyEvent;
import org.bulwark.model.ValidationIssue;
import org.bulwark.store.CustodyRecords;
import org.bulwark.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark asset ...}: the inventory of voting devices, workstations, memory cards, USB drives and ballot containers. */
@Command(
        name = "asset",
        mixinStandardHelpOptions = true,
        description = "The inventory: add, import and export assets (CSV), change their status, show an asset's custody timeline.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AssetCommand.Add.class, AssetCommand.Import.class, AssetCommand.Export.class, AssetCommand.Change.class,
            AssetCommand.Timeline.class})
final class AssetCommand extends CommandGroup {
    static AssetStatus status(CommandSpec spec, String word) {
        return AssetStatus.parse(word).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--status '" + word + "' is not one of " + AssetStatus.words()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, description = "Add one asset to the inventory.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--tag", required = true, description = "The asset tag.")
        String tag;

        @Option(names = "--serial", required = true)
        String serial;

        @Option(names = "--kind", required = true, description = "voting-device, workstation, memory-card, usb-drive or ballot-container.")
        String kind;

        @Option(names = "--model", required = true)
        String model;

        @Option(names = "--system-version", description = "The certified version (voting devices and workstations; as in the registry).")
        Optional<String> version;

        @Option(names = "--authority", required = true, description = "The election authority that owns it.")
        String authority;

        @Option(names = "--location", required = true)
        String location;

        @Option(names = "--custodian", required = true)
        String custodian;

        @Option(names = "--status", defaultValue = "in-service", description = "in-service, in-repair, retired or missing. Default: ${DEFAULT-VALUE}.")
        String status;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            AssetKind k = AssetKind.parse(kind).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--kind '" + kind + "' is not one of " + AssetKind.words()));
            AssetStatus s = status(spec, status);
            Asset asset = CustodyCli.arguments(spec, () -> new Asset(new AssetTag(tag), serial, k, model, version, new AuthorityId(authority),
                    location, custodian, s));
            return CustodyCli.record(workspace, io, new CustodyAction.AddAsset(asset, "added by hand"));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import assets from a CSV file with the header " + "tag,serial,kind,model,version,authority,location,custodian,status.",
                "Every bad row is reported with its line; if any row is bad nothing is imported, unless --skip-invalid is given."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Option(names = "--skip-invalid", description = "Import the good rows and report the bad ones.")
        boolean skipInvalid;

        @Override
        public Integer call() throws IOException, NoSuchAlgorithmException {
            Io io = Bulwark.of(spec).io();
            byte[] bytes = CustodyCli.readFile(file);
            AssetCsv.Read read = AssetCsv.read(bytes, file.toString());
            try (Workspace w = CustodyCli.open(workspace, io)) {
                CustodyRecords.AssetImport result = w.custody().importAssets(read, file.toString(),
                        MessageDigest.getInstance("SHA-256").digest(bytes), skipInvalid);
                for (ValidationIssue p : result.problems()) {
                    io.err().println(file + ": " + p);
                }
                if (result.refused()) {
                    io.err().println("bulwark: " + file + ": " + result.problems().size() + (result.problems().size() == 1 ? " row has a problem"
                            : " rows have problems") + "; nothing was imported (fix them, or give --skip-invalid to import the other rows).");
                    return Bulwark.BAD_INPUT;
                }
                io.out().println("Imported " + result.imported() + " assets from " + file
                        + (result.problems().isEmpty() ? "" : "; skipped " + result.problems().size() + " rows with problems"));
                return Bulwark.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the inventory as it stands, as CSV (the import's form).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv")
        Path out;

        @Option(names = "--authority", description = "Only this authority's assets.")
        Optional<String> authority;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            Optional<AuthorityId> of = authority.map(a -> CustodyCli.arguments(spec, () -> new AuthorityId(a)));
            try (Workspace w = CustodyCli.open(workspace, io)) {
                List<Asset> assets = w.custody().assets(of);
                LedgerWorkspaceCommands.writeAtomically(out, o -> {
                    OutputStreamWriter writer = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                    AssetCsv.write(assets, writer);
                });
                io.out().println("Wrote " + assets.size() + " assets to " + out);
            }
            return Bulwark.OK;
        }
    }

    @Command(name = "change", mixinStandardHelpOptions = true,
            description = "Record a new status, home location or custodian of an asset (a correction is recorded the same way, as a new entry).")
    static final class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--tag", required = true)
        String tag;

        @Option(names = "--status", description = "in-service, in-repair, retired or missing.")
        Optional<String> status;

        @Option(names = "--location")
        Optional<String> location;

        @Option(names = "--custodian")
        Optional<String> custodian;

        @Option(names = "--reason", required = true)
        String reason;

        @Option(names = "--at", paramLabel = "TIME", description = "When, as a UTC time (default: now).")
        Optional<String> at;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            Optional<AssetStatus> s = status.map(w -> status(spec, w));
            CustodyAction action = CustodyCli.arguments(spec, () -> new CustodyAction.ChangeAsset(new AssetTag(tag), s, location, custodian, reason,
                    CustodyCli.at(spec, at, io)));
            return CustodyCli.record(workspace, io, action);
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = "Show an asset's whole custody timeline, oldest first.")
    static final class Timeline implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--tag", required = true)
        String tag;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            return CustodyCommand.withTimeline(spec, workspace, io, tag, h -> {
                Asset a = h.current();
                io.out().println(a.tag() + ": " + a.kind().word() + " " + a.model() + a.version().map(v -> " " + v).orElse("") + ", serial " + a.serial()
                        + ", " + a.authority() + "; now at " + a.location() + " with " + a.custodian() + " (" + a.status().word() + ")");
                for (CustodyEvent e : h.timeline()) {
                    io.out().println("  " + e.at() + "  " + e.describe());
                }
            });
        }
    }
}

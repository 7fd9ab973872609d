package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.pkg.CvrReader;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.pkg.ZipLimits;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.Workspace;

/**
 * {@code bulwark package verify --workspace}: the signer is checked against the workspace's trust
 * registry, the package id against the packages it imported before (replay), and the outcome is
 * logged either way.
 */
final class PackageWorkspace {
    private PackageWorkspace() {}

    static Verification verify(WorkspaceOptions options, Io io, Path pkg, Optional<String> election, Optional<Mode> mode,
            Optional<CvrReader> cvrs) throws IOException {
        try (Workspace ws = LedgerWorkspaceCommands.open(options, io)) {
            Verification v = Packages.verify(pkg, ws.trustRegistry(), new Packages.Expectations(election, mode,
                    Optional.of(id -> ws.isPackageImported(id.sha256())), cvrs, ZipLimits.DEFAULT));
            Actor actor = new Actor(System.getProperty("user.name", "unknown user") + " (bulwark)");
            Jurisdiction place = new Jurisdiction.Named("package verification");
            LogEvent event = switch (v) {
                case Verification.Failed f -> new LogEvent.PackageRefused(new EventHeader(io.clock().instant(), actor,
                        Optional.empty(), place, Disposition.FAILURE), clip(pkg.toString()), clip(f.message()));
                case Verification.Valid ok -> new LogEvent.PackageVerified(new EventHeader(io.clock().instant(), actor,
                        Optional.empty(), place, Disposition.SUCCESS), ok.id().sha256(), ok.manifest().type().word(),
                        ok.signer().key().id());
            };
            ws.appendToLog(List.of(event));
            return v;
        }
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= 1_024 ? oneLine : oneLine.substring(0, 1_021) + "...";
    }
}

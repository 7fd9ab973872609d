package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.PackageImports;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;

/**
 * Election night in the demo: each reporting authority's central-count scanner signs a results
 * package per counting group ({@code bulwark package create --type results}, logged), and the
 * state imports it through {@link PackageImports}, the verify-then-import path of {@code bulwark
 * package import} and the portal's upload. The {@value #NOT_REPORTED} smallest authorities have not
 * reported yet, so the portal shows results coming in.
 */
final class DemoResults {
    static final int NOT_REPORTED = 6;

    /** What was imported. */
    record Summary(int authorities, int packages, long ballots) {}

    private DemoResults() {}

    /** The chunks (one authority each) whose packages are made, in order; the smallest authorities have not reported yet. */
    static List<StatewideGenerator.Chunk> reporting(List<StatewideGenerator.Chunk> chunks) {
        Set<StatewideGenerator.Chunk> late = chunks.stream().sorted(Comparator.comparingLong(StatewideGenerator.Chunk::ballots)
                .thenComparing(StatewideGenerator.Chunk::number)).limit(NOT_REPORTED).collect(Collectors.toSet());
        return chunks.stream().filter(c -> !late.contains(c)).toList();
    }

    /** Signs and imports; {@code ballots} hears the ballots imported so far. */
    static Summary importAll(Io io, Workspace ws, StoredElection stored, GenerateCommand.Generated g, DemoTrust trust, Path dir,
            LongConsumer ballots) throws IOException {
        ElectionIndex index = ElectionIndex.of(g.generator().election());
        String fingerprint = ElectionFingerprint.of(index.election()).sha256();
        Files.createDirectories(dir);
        List<StatewideGenerator.Chunk> reporting = reporting(g.generator().chunks());
        int packages = 0;
        long imported = 0;
        for (StatewideGenerator.Chunk chunk : reporting) {
            String authority = chunk.authorities().stream().map(GpUnitId::value).findFirst().orElseThrow();
            LoadedPrivateKey scanner = trust.privateKey(DemoTrust.scanner(authority));
            for (StatewideGenerator.CvrOutput f : g.cvrFiles()) {
                if (!f.file().getFileName().toString().equals(chunk.fileName(f.countingGroup()))) {
                    continue;
                }
                Path pkg = dir.resolve("results-" + authority + "-" + f.countingGroup().nist() + ".zip");
                Manifest m = Packages.create(new Packages.Request(new PackageType.Results(), Optional.of(fingerprint), Mode.OFFICIAL,
                        List.of(PackageCommand.Create.cvrFile(f.file(), index))), scanner, pkg, io.clock());
                PackageCommand.Create.logCreated(ws, io, m, scanner);
                switch (ws.packageImports().importPackage(new PackageImports.Request(pkg, Optional.of(stored.ref()), Mode.OFFICIAL,
                        f.countingGroup()))) {
                    case PackageImports.Outcome.Refused r -> throw new IllegalStateException("the demo's own results package was refused: "
                            + r.message());
                    case PackageImports.Outcome.Imported ok -> imported += ok.cvrCount();
                }
                packages++;
                ballots.accept(imported);
            }
        }
        return new Summary(reporting.size(), packages, imported);
    }
}

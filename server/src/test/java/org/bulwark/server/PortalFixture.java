package org.bulwark.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrFormat;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.ElectionSource;
import org.bulwark.store.StoredElection;
import org.bulwark.store.TrustRequest;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;

/**
 * A workspace with a small synthetic statewide election (3 authorities), a trust registry (state,
 * the first two authorities, a scanner of the first), one account per role (the authority roles in
 * the first authority, plus staff of the second), and results packages built on demand.
 */
final class PortalFixture {
    static final String PASSWORD = "correct horse battery";
    static final Instant START = Instant.parse("2028-11-08T02:00:00Z");

    record Signer(PublicKeyInfo info, LoadedPrivateKey key) {}

    final Path dir;
    final WorkspaceLocation location;
    final MutableClock clock = new MutableClock(START);
    final StatewideGenerator generator;
    final Election election;
    final ElectionIndex index;
    final String fingerprint;
    final StoredElection stored;
    final GpUnitId authorityA;
    final GpUnitId authorityB;
    final Signer state;
    final Signer clerkA;
    final Signer clerkB;
    final Signer scannerA;
    final Map<Role, String> secrets = new EnumMap<>(Role.class);
    String staffBSecret;

    PortalFixture(Path dir) throws IOException {
        this.dir = dir;
        this.location = new WorkspaceLocation.SqliteFile(dir.resolve("portal.db"));
        generator = StatewideGenerator.create(new StatewideGenerator.Settings(3, 9, 600, 11));
        election = generator.election();
        index = ElectionIndex.of(election);
        fingerprint = ElectionFingerprint.of(election).sha256();
        List<GpUnit> authorities = election.gpUnits().stream().filter(GpUnit::authority).toList();
        authorityA = authorities.get(0).id();
        authorityB = authorities.get(1).id();
        state = signer(KeyRole.STATE, "mo-sos", null, 1);
        clerkA = signer(KeyRole.AUTHORITY, "clerk-a", authorityA.value(), 2);
        clerkB = signer(KeyRole.AUTHORITY, "clerk-b", authorityB.value(), 3);
        scannerA = signer(KeyRole.DEVICE, "scanner-a", authorityA.value(), 4);
        try (Workspace ws = Workspace.open(location, clock, "fixture")) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            ElectionFiles.writeBulwarkJson(election, json);
            stored = ws.importElection(election, new ElectionSource("election.json", "Bulwark JSON", json.toByteArray(),
                    Optional.of(json.toByteArray()), fingerprint));
            ws.changeTrust(new TrustRequest.Bootstrap(state.info()));
            ws.changeTrust(new TrustRequest.Admit(clerkA.info(), state.info().fingerprint()));
            ws.changeTrust(new TrustRequest.Admit(clerkB.info(), state.info().fingerprint()));
            ws.changeTrust(new TrustRequest.Admit(scannerA.info(), clerkA.info().fingerprint()));
            SecureRandom random = new SecureRandom();
            for (Role role : Role.values()) {
                if (role == Role.PUBLIC) {
                    continue;
                }
                Optional<String> authority = role.needsAuthority() ? Optional.of(authorityA.value()) : Optional.empty();
                secrets.put(role, created(PortalUsers.create(ws, new PortalUsers.NewUser(username(role), "Test " + role.word(), role,
                        authority, PASSWORD), "fixture", random)));
            }
            staffBSecret = created(PortalUsers.create(ws, new PortalUsers.NewUser("staff-b", "Staff of B", Role.AUTHORITY_STAFF,
                    Optional.of(authorityB.value()), PASSWORD), "fixture", random));
        }
    }

    static String username(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String created(PortalUsers.Creation c) {
        return ((PortalUsers.Creation.Created) c).totpSecret();
    }

    /** A copy of the workspace as the fixture made it, for a test that changes it. */
    WorkspaceLocation copy(String name) throws IOException {
        Path copy = dir.resolve(name + ".db");
        Files.copy(((WorkspaceLocation.SqliteFile) location).path(), copy);
        return new WorkspaceLocation.SqliteFile(copy);
    }

    Portal start() {
        return start(location);
    }

    Portal start(WorkspaceLocation where) {
        return Portal.start(new Portal.Settings(where, "127.0.0.1", 0, Optional.empty(), clock));
    }

    static Signer signer(KeyRole role, String id, String jurisdiction, long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPair pair = Ed25519.generate(random);
            PublicKeyInfo info = new PublicKeyInfo(role, id, Optional.ofNullable(jurisdiction), Validity.ALWAYS, pair.getPublic());
            return new Signer(info, new LoadedPrivateKey(role, id, Optional.ofNullable(jurisdiction), pair.getPrivate(), pair.getPublic()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ballots cast in one authority's precincts. */
    List<CastVoteRecord> ballotsOf(GpUnitId authority) {
        Set<GpUnitId> units = new HashSet<>();
        List<GpUnitId> todo = new ArrayList<>(index.gpUnit(authority).orElseThrow().composingUnits());
        while (!todo.isEmpty()) {
            GpUnitId u = todo.removeLast();
            if (units.add(u)) {
                index.gpUnit(u).ifPresent(g -> todo.addAll(g.composingUnits()));
            }
        }
        List<CastVoteRecord> out = new ArrayList<>();
        generator.castVoteRecords(c -> {
            if (units.contains(c.ballotStyleUnit())) {
                out.add(c);
            }
        });
        return out;
    }

    /** A results package of the given ballots, signed by {@code signer}, for an election fingerprint. */
    Path resultsPackage(String name, List<CastVoteRecord> ballots, Signer signer, PackageType type, Mode mode, String electionFingerprint)
            throws IOException {
        return resultsPackage(name, ballots, signer, type, mode, electionFingerprint, Optional.empty());
    }

    /** @param claimedRoot the CVR summary the manifest states, when it is not the true one */
    Path resultsPackage(String name, List<CastVoteRecord> ballots, Signer signer, PackageType type, Mode mode, String electionFingerprint,
            Optional<org.bulwark.ledger.pkg.Manifest.CvrSummary> claimedRoot) throws IOException {
        Path files = Files.createDirectories(dir.resolve(name + "-files"));
        Path cvrFile = files.resolve("cvrs.json");
        try (OutputStream out = Files.newOutputStream(cvrFile);
                var writer = CvrFiles.writer(out, CvrFormat.JSON, election, "scanner-a", OffsetDateTime.of(2028, 11, 7, 20, 0, 0, 0, ZoneOffset.UTC))) {
            for (CastVoteRecord c : ballots) {
                writer.write(c);
            }
        }
        CvrMerkle merkle = new CvrMerkle();
        CvrFiles.read(cvrFile, index, CvrReadOptions.strict(), merkle::add);
        Path pkg = dir.resolve(name + ".zip");
        Packages.create(new Packages.Request(type, Optional.of(electionFingerprint), mode,
                List.of(new PackageFile("cvrs.json", cvrFile, Optional.of(claimedRoot.orElse(merkle.summary()))))), signer.key(), pkg, clock);
        return pkg;
    }

    Path goodPackage(String name) throws IOException {
        return resultsPackage(name, ballotsOf(authorityA), scannerA, new PackageType.Results(), Mode.OFFICIAL, fingerprint);
    }
}

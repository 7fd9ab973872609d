package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.Change;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.EventKind;
import org.bulwark.store.PackageImports.Outcome;
import org.bulwark.store.PackageImports.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify-then-import of results packages, on each database: every refusal changes nothing. */
abstract class PackageImportContract {
    @TempDir
    static Path shared;

    static Election election;
    static byte[] electionFile;
    static List<Path> cvrFiles;
    static List<Manifest.CvrSummary> summaries;

    private static final SecureRandom RANDOM = new SecureRandom();
    static final LoadedPrivateKey STATE = key(KeyRole.STATE, "state", Optional.empty());
    static final LoadedPrivateKey COUNTY = key(KeyRole.AUTHORITY, "county-1", Optional.of("county-1"));
    static final LoadedPrivateKey SCANNER = key(KeyRole.DEVICE, "scanner-1", Optional.of("county-1"));
    static final LoadedPrivateKey STOLEN = key(KeyRole.DEVICE, "scanner-2", Optional.of("county-1"));
    static final LoadedPrivateKey STRANGER = key(KeyRole.DEVICE, "scanner-9", Optional.of("county-1"));

    @TempDir
    Path dir;

    private Workspace workspace;
    private ElectionRef ref;

    abstract WorkspaceLocation newLocation() throws Exception;

    static LoadedPrivateKey key(KeyRole role, String id, Optional<String> jurisdiction) {
        KeyPair pair = Ed25519.generate(RANDOM);
        return new LoadedPrivateKey(role, id, jurisdiction, pair.getPrivate(), pair.getPublic());
    }

    static PublicKeyInfo pub(LoadedPrivateKey k) {
        return new PublicKeyInfo(k.role(), k.id(), k.jurisdiction(), Validity.ALWAYS, k.publicKey());
    }

    @BeforeAll
    static void generate() throws IOException {
        StatewideGenerator.Output out = StatewideGenerator.create(new StatewideGenerator.Settings(2, 6, 400, 5, 200))
                .writeTo(shared, n -> { });
        electionFile = Files.readAllBytes(out.election());
        election = ElectionFiles.read(electionFile, "election.json").election();
        cvrFiles = out.cvrFiles().stream().map(StatewideGenerator.CvrOutput::file).toList();
        ElectionIndex index = ElectionIndex.of(election);
        summaries = new ArrayList<>();
        for (Path f : cvrFiles) {
            CvrMerkle merkle = new CvrMerkle();
            CvrFiles.read(f, index, CvrReadOptions.strict(), merkle::add);
            summaries.add(merkle.summary());
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        workspace = Workspace.open(newLocation(), Fixtures.CLOCK, Fixtures.IMPORTER);
        ref = workspace.importElection(election, new ElectionSource("election.json", "Bulwark JSON", electionFile,
                Optional.of(electionFile), ElectionFingerprint.of(election).sha256())).ref();
        assertThat(workspace.changeTrust(new TrustRequest.Bootstrap(pub(STATE)))).isInstanceOf(Change.Done.class);
        assertThat(workspace.changeTrust(new TrustRequest.Admit(pub(COUNTY), pub(STATE).fingerprint()))).isInstanceOf(Change.Done.class);
        for (LoadedPrivateKey device : List.of(SCANNER, STOLEN)) {
            assertThat(workspace.changeTrust(new TrustRequest.Admit(pub(device), pub(COUNTY).fingerprint())))
                    .isInstanceOf(Change.Done.class);
        }
        assertThat(workspace.changeTrust(new TrustRequest.Revoke(pub(STOLEN).fingerprint(), pub(COUNTY).fingerprint(), "stolen")))
                .isInstanceOf(Change.Done.class);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** A package of the generated CVR files, each with its true or a given summary. */
    Path results(String name, LoadedPrivateKey signer, PackageType type, Optional<String> electionFingerprint, Mode mode,
            List<Manifest.CvrSummary> claimed) throws IOException {
        List<PackageFile> files = new ArrayList<>();
        for (int i = 0; i < cvrFiles.size(); i++) {
            files.add(new PackageFile(cvrFiles.get(i).getFileName().toString(), cvrFiles.get(i), Optional.of(claimed.get(i))));
        }
        Path pkg = dir.resolve(name);
        Packages.create(new Packages.Request(type, electionFingerprint, mode, files), signer, pkg, Fixtures.CLOCK);
        return pkg;
    }

    Path good(String name) throws IOException {
        return results(name, SCANNER, new PackageType.Results(), Optional.of(ElectionFingerprint.of(election).sha256()),
                Mode.OFFICIAL, summaries);
    }

    Outcome importIt(Path pkg, Optional<ElectionRef> into, Mode mode) throws IOException {
        return workspace.packageImports().importPackage(new PackageImports.Request(pkg, into, mode, CountingGroup.ABSENTEE));
    }

    /** What a refusal must leave as it was. */
    record State(long logSize, int files, long cvrs) {}

    State state() {
        return new State(workspace.logSize(), workspace.importedFiles(ref).size(), workspace.forEachCvr(ref, c -> { }));
    }

    void assertRefused(Outcome outcome, Refusal refusal, String... words) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(refusal);
            assertThat(r.message()).contains(words);
        });
    }

    @Test
    void aValidResultsPackageIsImportedWholeAndLogged() throws IOException {
        long logBefore = workspace.logSize();
        Path pkg = good("good.zip");
        Outcome outcome = importIt(pkg, Optional.empty(), Mode.OFFICIAL);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Imported.class, ok -> {
            assertThat(ok.election().ref()).isEqualTo(ref);
            assertThat(ok.files()).hasSize(cvrFiles.size());
            assertThat(ok.cvrCount()).isEqualTo(400);
            assertThat(ok.files()).allSatisfy(f -> {
                assertThat(f.countingGroup()).isEqualTo(CountingGroup.ABSENTEE);
                assertThat(f.sourceName()).startsWith("good.zip!");
            });
            assertThat(ok.signer().key().id()).isEqualTo("scanner-1");
            assertThat(workspace.logEntry(ok.logIndex()).orElseThrow().event().kind()).isEqualTo(EventKind.PACKAGE_IMPORTED);
            assertThat(workspace.isPackageImported(ok.id().sha256())).isTrue();
        });
        assertThat(workspace.forEachCvr(ref, c -> { })).isEqualTo(400);
        List<EventKind> kinds = new ArrayList<>();
        workspace.forEachLogEntry(logBefore, e -> kinds.add(e.event().kind()));
        List<EventKind> expected = new ArrayList<>(java.util.Collections.nCopies(cvrFiles.size(), EventKind.CVR_FILE_IMPORTED));
        expected.add(EventKind.PACKAGE_IMPORTED);
        assertThat(kinds).isEqualTo(expected);

        // Replay: the same package again is refused and changes nothing.
        State before = state();
        assertRefused(importIt(pkg, Optional.of(ref), Mode.OFFICIAL), Refusal.REPLAY, "good.zip: replay: ", "was already imported");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void everyFailureKindIsRefusedAndChangesNothing() throws IOException {
        Path good = good("good.zip");
        byte[] bytes = Files.readAllBytes(good);
        State before = state();

        Path badSignature = dir.resolve("bad-signature.zip");
        Files.write(badSignature, flipped(bytes, lastIndexOf(bytes, "signature: ".getBytes()) + 20));
        assertRefused(importIt(badSignature, Optional.empty(), Mode.OFFICIAL), Refusal.SIGNATURE, "bad-signature.zip: signature: ");

        assertRefused(importIt(results("unknown-signer.zip", STRANGER, new PackageType.Results(), Optional.of(fingerprint()),
                Mode.OFFICIAL, summaries), Optional.empty(), Mode.OFFICIAL), Refusal.SIGNER, "is not in the trust registry");
        assertRefused(importIt(results("wrong-role.zip", STATE, new PackageType.Results(), Optional.of(fingerprint()),
                Mode.OFFICIAL, summaries), Optional.empty(), Mode.OFFICIAL), Refusal.SIGNER, "may not sign a results package");
        assertRefused(importIt(results("revoked.zip", STOLEN, new PackageType.Results(), Optional.of(fingerprint()),
                Mode.OFFICIAL, summaries), Optional.empty(), Mode.OFFICIAL), Refusal.SIGNER, "revoked", "stolen");
        assertRefused(importIt(results("audit.zip", COUNTY, new PackageType.Audit(), Optional.of(fingerprint()),
                Mode.OFFICIAL, summaries), Optional.empty(), Mode.OFFICIAL), Refusal.NOT_RESULTS, "audit.zip: import: this is an audit");

        Path otherElection = results("other-election.zip", SCANNER, new PackageType.Results(), Optional.of("ab".repeat(32)),
                Mode.OFFICIAL, summaries);
        assertRefused(importIt(otherElection, Optional.empty(), Mode.OFFICIAL), Refusal.ELECTION,
                "is for election abababa, which is not in this workspace");
        assertRefused(importIt(otherElection, Optional.of(ref), Mode.OFFICIAL), Refusal.ELECTION,
                "election: the package is for election abababa, not " + fingerprint().substring(0, 7));
        assertRefused(importIt(results("no-election.zip", SCANNER, new PackageType.Results(), Optional.empty(), Mode.OFFICIAL,
                summaries), Optional.empty(), Mode.OFFICIAL), Refusal.ELECTION, "names no election");

        assertRefused(importIt(good, Optional.empty(), Mode.TEST), Refusal.MODE, "the package is official material, not test");

        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        assertRefused(importIt(truncated, Optional.empty(), Mode.OFFICIAL), Refusal.ARCHIVE, "truncated.zip: archive: ");

        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, flipped(bytes, indexOf(bytes, "\"CVR\"".getBytes()) + 2));
        assertRefused(importIt(tampered, Optional.empty(), Mode.OFFICIAL), Refusal.FILE_HASH, "tampered.zip: file hash: ",
                "the file was altered or replaced");

        // Signed, with hashes that hold, but a count and root that the CVRs do not give: found while importing, all undone.
        List<Manifest.CvrSummary> wrongSecond = new ArrayList<>(summaries);
        wrongSecond.set(1, new Manifest.CvrSummary(summaries.get(1).count() + 1, summaries.get(1).merkleRoot()));
        assertRefused(importIt(results("wrong-root.zip", SCANNER, new PackageType.Results(), Optional.of(fingerprint()),
                Mode.OFFICIAL, wrongSecond), Optional.empty(), Mode.OFFICIAL), Refusal.CVR_ROOT, "wrong-root.zip: CVR Merkle root: ");

        assertThat(state()).isEqualTo(before);
        Manifest manifest = ((Packages.Inspection.Read) Packages.inspect(good)).manifest();
        assertThat(workspace.isPackageImported(org.bulwark.ledger.pkg.PackageId.of(manifest).sha256())).isFalse();
    }

    @Test
    void aCvrFileAlreadyImportedByHandIsRefused() throws IOException {
        ElectionIndex index = ElectionIndex.of(election);
        Path first = cvrFiles.getFirst();
        workspace.importCvrs(ref, first.toString(), "NIST SP 1500-103 JSON", Fixtures.sha256(Files.readAllBytes(first)),
                CountingGroup.ELECTION_DAY, sink -> CvrFiles.read(first, index, CvrReadOptions.strict(), sink));
        State before = state();
        assertRefused(importIt(good("good.zip"), Optional.empty(), Mode.OFFICIAL), Refusal.CVR_FILE_ALREADY_IMPORTED,
                "this CVR file is already in the workspace (CVR import #");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void ballotsOfPrecinctsOutsideTheAuthorityAreRefusedNamingThePrecincts() throws IOException {
        ElectionIndex index = ElectionIndex.of(election);
        List<GpUnit> authorities = election.gpUnits().stream().filter(GpUnit::authority).toList();
        GpUnit first = authorities.get(0);
        GpUnit second = authorities.get(1);
        java.util.TreeSet<String> ofSecond = new java.util.TreeSet<>();
        for (Path f : cvrFiles) {
            CvrFiles.read(f, index, CvrReadOptions.strict(), c -> {
                if (!index.unitsComposing(first.id()).contains(c.ballotStyleUnit())) {
                    ofSecond.add(c.ballotStyleUnit().value());
                }
            });
        }
        assertThat(ofSecond).isNotEmpty().allMatch(u -> index.unitsComposing(second.id()).contains(new GpUnitId(u)));
        State before = state();

        // The portal names the authority it uploads for: every CVR must be of its precincts.
        Outcome all = workspace.packageImports().importPackage(new PackageImports.Request(good("both-authorities.zip"), Optional.empty(),
                Mode.OFFICIAL, CountingGroup.ABSENTEE, Optional.of(first.id())));
        assertRefused(all, Refusal.OUTSIDE_AUTHORITY, "both-authorities.zip: precincts: ", "outside " + first.name() + " (" + first.id().value() + "): ",
                ofSecond.first(), "holds only the ballots of its own precincts");
        assertRefused(workspace.packageImports().importPackage(new PackageImports.Request(good("nowhere.zip"), Optional.empty(),
                Mode.OFFICIAL, CountingGroup.ABSENTEE, Optional.of(new GpUnitId("nowhere")))), Refusal.OUTSIDE_AUTHORITY,
                "nowhere.zip: authority: the election has no election authority nowhere; its authorities: " + first.id().value());

        // The command line: the signer's jurisdiction, when it names an election authority, is the authority.
        LoadedPrivateKey clerk = key(KeyRole.AUTHORITY, "clerk-2", Optional.of(second.id().value()));
        LoadedPrivateKey scanner = key(KeyRole.DEVICE, "scanner-of-2", Optional.of(second.id().value()));
        assertThat(workspace.changeTrust(new TrustRequest.Admit(pub(clerk), pub(STATE).fingerprint()))).isInstanceOf(Change.Done.class);
        assertThat(workspace.changeTrust(new TrustRequest.Admit(pub(scanner), pub(clerk).fingerprint()))).isInstanceOf(Change.Done.class);
        before = state();
        assertRefused(importIt(results("signed-by-second.zip", scanner, new PackageType.Results(), Optional.of(fingerprint()), Mode.OFFICIAL,
                summaries), Optional.empty(), Mode.OFFICIAL), Refusal.OUTSIDE_AUTHORITY, "outside " + second.name());
        assertThat(state()).isEqualTo(before);
    }

    private String fingerprint() {
        return ElectionFingerprint.of(election).sha256();
    }

    static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}

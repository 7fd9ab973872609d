package org.bulwark.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bulwark.generate.CustodyHistory;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** registry, asset, seal, custody, readiness and incident, end to end as a county office runs them. */
class CustodyCommandsTest {
    static final String SOFTWARE = "sha256:" + "a".repeat(64);
    static final String ELECTION = "sha256:" + "e".repeat(64);
    static final String[] PAIR = {"--witness", "Ann Dee:Democratic", "--witness", "Bob Arr:Republican"};

    @TempDir
    Path tmp;

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1 + (all.size() > 1 && !all.get(1).startsWith("-") ? 1 : 0), "--workspace");
        all.add(all.indexOf("--workspace") + 1, tmp.resolve("county.db").toString());
        return Run.of(all.toArray(String[]::new));
    }

    private Run ok(String... args) {
        Run r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private String file(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f.toString();
    }

    @BeforeEach
    void inventory() throws IOException {
        assertThat(ok("registry", "add", "--model", "DS200", "--system-version", "2.17", "--vendor", "ES&S", "--eac", "ESS-EVS-6021", "--approved-on",
                "2028-01-15", "--component", "scanner=software:" + SOFTWARE, "--seal-point", "case", "--seal-point", "memory-card-door").out())
                .contains("Recorded DS200 2.17 as approved; 0 devices of this version are not ready");
        String csv = file("assets.csv", "tag,serial,kind,model,version,authority,location,custodian,status\n"
                + "BC-1,SN-1,voting-device,DS200,2.17,Boone,Warehouse,J. Clerk,in-service\n"
                + "BC-2,SN-2,voting-device,DS200,2.17,Boone,Warehouse,J. Clerk,in-service\n"
                + "MC-1,C-1,memory-card,CF-8GB,,Boone,Warehouse,J. Clerk,in-service\n"
                + "BC-3,SN-3,voting-device,DS200,2.17,Boone,Warehouse,J. Clerk,lost\n");
        Run refused = run("asset", "import", csv);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(csv + ": line 5, status: \"lost\" is not one of in-service, in-repair, retired, missing",
                "1 row has a problem; nothing was imported");
        assertThat(ok("asset", "import", csv, "--skip-invalid").out()).contains("Imported 3 assets from " + csv + "; skipped 1 rows with problems");
        ok("seal", "issue", "--authority", "Boone", "--first", "1000", "--last", "1999");
    }

    @Test
    void aDeviceIsMadeReadyAndGetsASignedClearance() throws Exception {
        LatRecord lat = new LatRecord(LatRecord.Kind.PRE_ELECTION, "SN-1", "DS200", new Fingerprint(SOFTWARE), new Fingerprint(ELECTION),
                java.time.LocalDate.parse("2028-10-20"), true, List.of());
        Path latFile = tmp.resolve("lat-record.json");
        Files.write(latFile, lat.bytes());
        assertThat(ok("readiness", "lat", "--record", latFile.toString()).out())
                .contains("Recorded the pre-election L&A test of BC-1 (serial SN-1) on 2028-10-20: passed");
        ok(concat(new String[] {"seal", "apply", "--tag", "BC-1", "--point", "case", "--number", "1001"}, PAIR));
        ok(concat(new String[] {"seal", "apply", "--tag", "BC-1", "--point", "memory-card-door", "--number", "1002"}, PAIR));
        ok(concat(new String[] {"custody", "transfer", "--item", "BC-1", "--from-person", "J. Clerk", "--from-place", "Warehouse",
            "--to-person", "P. Judge", "--to-place", "Precinct 12", "--purpose", "delivery", "--seal", "BC-1:case:1001", "--condition", "good"}, PAIR));
        for (String[] check : new String[][] {{"case", "1001"}, {"memory-card-door", "1002"}}) {
            ok(concat(new String[] {"seal", "verify", "--tag", "BC-1", "--point", check[0], "--number", check[1], "--place", "Precinct 12",
                "--polling-place"}, PAIR));
        }
        Run matrix = ok("readiness", "matrix", "--election-fingerprint", ELECTION, "--pdf", tmp.resolve("readiness.pdf").toString(), "--csv",
                tmp.resolve("readiness.csv").toString());
        assertThat(matrix.out()).contains("Boone", "Statewide", "Not ready: Boone BC-2 (serial SN-2): software-fingerprint, lat-passed");
        assertThat(Files.readString(tmp.resolve("readiness.csv"))).startsWith("authority,devices,ready,approved-version,software-fingerprint,"
                + "lat-passed,sealed-after-lat,seals-verified,election-fingerprint\r\nBoone,2,1,0,1,1,1,1,1");
        assertThat(pdfText(tmp.resolve("readiness.pdf"))).contains("Readiness report: statewide, election eeeeeee", "Signature, state election director");
        // The same device for another election (given as 'bulwark election fingerprint' prints it) is not ready.
        assertThat(ok("readiness", "matrix", "--election-fingerprint", "f".repeat(64)).out())
                .contains("Not ready: Boone BC-1 (serial SN-1): election-fingerprint");
        assertThat(ok("readiness", "check", "--serial", "SN-1", "--election-fingerprint", ELECTION).out()).contains("BC-1 (serial SN-1): READY");

        Path passphrase = Path.of(file("pass.txt", "seven long words make a passphrase\n"));
        Run keys = Run.of("keys", "generate", "--role", "authority", "--id", "boone-clerk", "--jurisdiction", "Boone", "--out", tmp.toString(),
                "--passphrase-file", passphrase.toString());
        assertThat(keys.exitCode()).as(keys.err()).isZero();
        Path usb = Files.createDirectory(tmp.resolve("usb"));
        assertThat(ok("readiness", "clearance", "--serial", "SN-1", "--election-fingerprint", ELECTION, "--key",
                tmp.resolve("boone-clerk.key").toString(), "--out", usb.toString(), "--passphrase-file", passphrase.toString()).out())
                .contains("device BC-1 (serial SN-1) is READY for election eeeeeee; signed by boone-clerk");
        try (ZipFile zip = new ZipFile(usb.resolve("readiness-SN-1.zip").toFile())) {
            byte[] json = zip.getInputStream(zip.getEntry("readiness.json")).readAllBytes();
            ReadinessClearance c = ReadinessClearance.read(json, "readiness.json");
            assertThat(c.ready()).isTrue();
            assertThat(c.deviceSerial()).isEqualTo("SN-1");
            assertThat(zip.getEntry("manifest.sig")).isNotNull();
        }

        ok("seal", "sheet", "--tag", "BC-1", "--pdf", tmp.resolve("sheet.pdf").toString());
        assertThat(pdfText(tmp.resolve("sheet.pdf"))).contains("Seal log sheet: BC-1", "seal 1001 applied (case)");
        ok("custody", "log", "--tag", "BC-1", "--csv", tmp.resolve("log.csv").toString());
        assertThat(Files.readString(tmp.resolve("log.csv"))).contains("transfer #1", "L&A pre-election");
        assertThat(ok("asset", "timeline", "--tag", "BC-1").out()).contains("now at Precinct 12 with P. Judge");
    }

    @Test
    void refusalsAreExit2AndTheirIncidentsBlockCertification() throws IOException {
        ok(concat(new String[] {"seal", "apply", "--tag", "BC-1", "--point", "case", "--number", "1001"}, PAIR));
        Run reused = run(concat(new String[] {"seal", "apply", "--tag", "BC-2", "--point", "case", "--number", "1001"}, PAIR));
        assertThat(reused.exitCode()).isEqualTo(2);
        assertThat(reused.err()).contains("refused: seal number 1001 presented for BC-2 (case) was already applied once, to BC-1",
                "Opened incident #1 (seal-reused) for Boone");
        Run sameParty = run("seal", "apply", "--tag", "BC-2", "--point", "case", "--number", "1003", "--witness", "Ann Dee:Democratic",
                "--witness", "Dan Dee:Democratic");
        assertThat(sameParty.exitCode()).isEqualTo(2);
        assertThat(sameParty.err()).contains("Ann Dee and Dan Dee are both Democratic: the two signers must be of different major parties");
        Run badWitness = run("seal", "apply", "--tag", "BC-2", "--point", "case", "--number", "1003", "--witness", "Ann Dee",
                "--witness", "Bob Arr:Republican");
        assertThat(badWitness.exitCode()).isEqualTo(2);
        assertThat(badWitness.err()).contains("--witness 'Ann Dee' must be NAME:PARTY");

        Run memory = ok("custody", "memory", "--tag", "MC-1", "--action", "read", "--person", "Ann Dee", "--purpose", "upload", "--device", "BC-1");
        assertThat(memory.out()).contains("MC-1: read by Ann Dee in BC-1 (upload)");
        assertThat(run("custody", "memory", "--tag", "BC-1", "--action", "read", "--person", "A", "--purpose", "p").exitCode()).isEqualTo(2);

        assertThat(ok("incident", "blockers", "--authority", "Boone").out()).contains("Certification of Boone's results is BLOCKED by 1 open custody incident: #1");
        ok("incident", "assign", "--id", "1", "--to", "Deputy clerk");
        ok("incident", "resolve", "--id", "1", "--by", "County clerk", "--note", "the judge misread the number");
        assertThat(ok("incident", "blockers", "--authority", "Boone").out()).contains("No open custody incidents");
        Run list = ok("incident", "list", "--csv", tmp.resolve("incidents.csv").toString());
        assertThat(list.out()).contains("#1 resolved seal-reused (Boone, BC-2)");
        assertThat(Files.readString(tmp.resolve("incidents.csv"))).contains("Deputy clerk", "the judge misread the number");

        ok("registry", "withdraw", "--model", "DS200", "--system-version", "2.17", "--reason", "security advisory");
        assertThat(ok("registry", "list").out()).contains("DS200 2.17 (ES&S), EAC ESS-EVS-6021: withdrawn since 2028-01-15 - security advisory");
        Path export = tmp.resolve("export.csv");
        ok("asset", "export", "--out", export.toString());
        assertThat(Files.readAllLines(export)).hasSize(4);
    }

    @Test
    void badInputFilesAreExit2NamingTheFile() throws IOException {
        String bad = file("lat-record.json", "{\"format\":\"bulwark-lat-record\",\"version\":1,\"kind\":\"x\"}");
        Run lat = run("readiness", "lat", "--record", bad);
        assertThat(lat.exitCode()).isEqualTo(2);
        assertThat(lat.err()).contains(bad + ": kind: \"x\" is not one of pre-election, post-election");
        Run missing = run("asset", "import", tmp.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: the file: does not exist");
    }

    @Test
    void theGeneratorsHistoryPassesTheRulesItWasWrittenFor() {
        Path ws = tmp.resolve("state.db");
        Run gen = Run.of("custody", "generate", "--workspace", ws.toString(), "--authorities", "3", "--assets", "60", "--events", "700");
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        assertThat(gen.out()).containsPattern("Generated 60 assets of 3 authorities and \\d+ custody actions \\(0 refused, \\d+ incidents opened\\)");
        String coming = CustodyHistory.comingElection(new CustodyHistory.Plan(3, 60, 700, 1)).value();
        assertThat(gen.out()).contains("The history ends on the eve of election " + coming + " (2028-11-07)");
        Run matrix = Run.of("readiness", "matrix", "--workspace", ws.toString(), "--election-fingerprint", coming);
        assertThat(matrix.out()).contains("Authority 001", "Authority 003").containsPattern("Statewide\\s+36\\s");
        Run again = Run.of("custody", "generate", "--workspace", ws.toString(), "--authorities", "3", "--assets", "60", "--events", "10");
        assertThat(again.exitCode()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }
}

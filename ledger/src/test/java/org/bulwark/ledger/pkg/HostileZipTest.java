package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.bulwark.ledger.pkg.Verification.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives built byte by byte to attack the reader; each is refused with a message naming the attack. */
class HostileZipTest {
    @TempDir
    Path dir;

    private String refusal(RawZip zip) throws Exception {
        Path p = Files.write(dir.resolve("hostile.zip"), zip.bytes());
        Verification v = Fixture.verify(p);
        assertThat(v).isInstanceOf(Verification.Failed.class);
        Verification.Failed f = (Verification.Failed) v;
        assertThat(f.check()).as(f.message()).isEqualTo(Check.ARCHIVE);
        return f.message();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pathTraversal() throws Exception {
        assertThat(refusal(new RawZip().add("../../etc/passwd", b("x")))).contains("'../../etc/passwd': the path climbs out of the package ('..')");
        assertThat(refusal(new RawZip().add("a/../../b", b("x")))).contains("climbs out");
    }

    @Test
    void absolutePathsDriveLettersAndBackslashes() throws Exception {
        assertThat(refusal(new RawZip().add("/etc/passwd", b("x")))).contains("is an absolute path");
        assertThat(refusal(new RawZip().add("C:/Windows/x.dll", b("x")))).contains("contains ':'");
        assertThat(refusal(new RawZip().add("..\\evil.exe", b("x")))).contains("contains a backslash");
        assertThat(refusal(new RawZip().add("a//b", b("x")))).contains("empty or '.' part");
        assertThat(refusal(new RawZip().add("bell\u0007", b("x")))).contains("control characters");
    }

    @Test
    void symbolicLinks() throws Exception {
        RawZip.E link = new RawZip.E("cvrs.json", b("/etc/shadow"));
        link.madeBy = (3 << 8) | 20;
        link.external = (0120777L) << 16;
        assertThat(refusal(new RawZip().add(link))).contains("'cvrs.json': is a symbolic link");
    }

    @Test
    void duplicateNames() throws Exception {
        assertThat(refusal(new RawZip().add("a.csv", b("1")).add("a.csv", b("2")))).contains("entry 2 'a.csv': the name appears twice");
        assertThat(refusal(new RawZip().add("a.csv", b("1")).add("A.CSV", b("2")))).contains("differs from 'a.csv' only in case");
        // é precomposed and decomposed
        assertThat(refusal(new RawZip().add("caf\u00e9", b("1")).add("cafe\u0301", b("2")))).contains("only in case or Unicode form");
    }

    @Test
    void compressedEntriesAreNeverInflated() throws Exception {
        byte[] zeros = new byte[50 << 20];
        Deflater d = new Deflater(9, true);
        d.setInput(zeros);
        d.finish();
        byte[] buf = new byte[1 << 20];
        int n = d.deflate(buf);
        d.end();
        RawZip.E bomb = new RawZip.E("bomb.bin", zeros);
        bomb.method = 8;
        bomb.stored = java.util.Arrays.copyOf(buf, n);
        assertThat(refusal(new RawZip().add(bomb))).contains("'bomb.bin': is compressed (method 8)");
    }

    @Test
    void sizeAndCountCaps() throws Exception {
        Path p = Files.write(dir.resolve("big.zip"), new RawZip().add("a", new byte[100]).add("b", new byte[100]).add("c", new byte[1]).bytes());
        assertThat(((Verification.Failed) Packages.verify(p, Fixture.registry(), limits(10, 50, 1000))).message())
                .contains("entry 1 'a': is 100 bytes; at most 50 are accepted per file");
        assertThat(((Verification.Failed) Packages.verify(p, Fixture.registry(), limits(10, 100, 150))).message())
                .contains("entry 2 'b': the files add up to more than 150 bytes");
        assertThat(((Verification.Failed) Packages.verify(p, Fixture.registry(), limits(2, 100, 1000))).message())
                .contains("the archive has 3 entries; at most 2 are accepted");
    }

    private static Packages.Expectations limits(int entries, long entry, long total) {
        return new Packages.Expectations(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), new ZipLimits(entries, entry, total, 1 << 20));
    }

    @Test
    void headersThatLie() throws Exception {
        RawZip.E twoNames = new RawZip.E("tally.csv", b("x"));
        twoNames.localName = "other.csv";
        assertThat(refusal(new RawZip().add(twoNames))).contains("its local header disagrees with the central directory");
        RawZip.E bigger = new RawZip.E("tally.csv", b("x"));
        bigger.claimedSize = 1_000_000;
        assertThat(refusal(new RawZip().add(bigger))).contains("a stored file's sizes differ (1 and 1000000 bytes)");
        RawZip.E encrypted = new RawZip.E("tally.csv", b("x"));
        encrypted.flags = 0x0801;
        assertThat(refusal(new RawZip().add(encrypted))).contains("is encrypted");
        RawZip.E extraBits = new RawZip.E("tally.csv", b("x"));
        extraBits.flags = 0;
        assertThat(refusal(new RawZip().add(extraBits))).contains("not in the form Bulwark writes");
    }

    @Test
    void hiddenOrTrailingDataAndComments() throws Exception {
        RawZip trailing = new RawZip().add("a", b("x"));
        trailing.trailing = b("PK hidden");
        assertThat(refusal(trailing)).contains("does not end with a zip end record");
        RawZip commented = new RawZip().add("a", b("x"));
        commented.comment = "hi";
        assertThat(refusal(commented)).contains("does not end with a zip end record");
        Path empty = Files.write(dir.resolve("empty.zip"), new RawZip().bytes());
        assertThat(((Verification.Failed) Fixture.verify(empty)).message()).isEqualTo("empty.zip: signature: there is no manifest.sig: the package is not signed");
    }

    @Test
    void nestedArchivesAreJustBytes() throws Exception {
        Path inner = Fixture.resultsPackage(dir, "inner", "x");
        Path files = Files.createDirectories(dir.resolve("outer"));
        Path copy = Files.copy(inner, files.resolve("inner.zip"));
        Path pkg = dir.resolve("outer.zip");
        Packages.create(new Packages.Request(new org.bulwark.ledger.trust.PackageType.Audit(), java.util.Optional.of(Fixture.ELECTION),
                Mode.OFFICIAL, java.util.List.of(PackageFile.of(copy))), Fixture.BOONE.key(), pkg, Fixture.CLOCK);
        assertThat(Fixture.verify(pkg)).isInstanceOf(Verification.Valid.class);
    }
}

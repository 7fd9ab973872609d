package org.bulwark.ledger.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustFolderTest {
    @TempDir
    Path dir;

    private Keys.Generated key(KeyRole role, String id, String jurisdiction) throws Exception {
        return Keys.generate(new Keys.Request(role, id, Optional.ofNullable(jurisdiction), Validity.ALWAYS), dir.resolve("keys"),
                "pass".toCharArray(), new SecureRandom(), 1_000);
    }

    @Test
    void everyPubFileIsTrustedWithItsRole() throws Exception {
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Keys.Generated clerk = key(KeyRole.AUTHORITY, "boone-clerk", "boone");
        Keys.Generated scanner = key(KeyRole.DEVICE, "scanner-1", "boone");
        Files.copy(clerk.publicFile(), trust.resolve("boone-clerk.pub"));
        Files.copy(scanner.publicFile(), trust.resolve("scanner-1.pub"));
        Files.writeString(trust.resolve("README.txt"), "not a key");
        TrustRegistry r = TrustFolder.read(trust);
        assertThat(r.entries()).extracting(e -> e.key().id()).containsExactly("boone-clerk", "scanner-1");
        assertThat(r.entries().get(0).admission()).isEqualTo(new Admission.Listed("boone-clerk.pub"));
        Instant t = Instant.parse("2028-11-08T02:00:00Z");
        assertThat(r.check(scanner.info().key(), new PackageType.Results(), t)).isInstanceOf(TrustVerdict.Trusted.class);
        assertThat(r.check(clerk.info().key(), new PackageType.Custody(), t)).isInstanceOf(TrustVerdict.Trusted.class);
        assertThat(r.check(scanner.info().key(), new PackageType.Custody(), t)).isInstanceOf(TrustVerdict.RoleNotAllowed.class);
    }

    @Test
    void theSameKeyTwiceAnEmptyFolderOrNoFolderAreRefused() throws Exception {
        Path trust = Files.createDirectories(dir.resolve("trust"));
        assertThatThrownBy(() -> TrustFolder.read(trust)).isInstanceOf(BadInputException.class).hasMessageContaining("holds no .pub files");
        Keys.Generated scanner = key(KeyRole.DEVICE, "scanner-1", "boone");
        Files.copy(scanner.publicFile(), trust.resolve("a.pub"));
        Files.copy(scanner.publicFile(), trust.resolve("b.pub"));
        assertThatThrownBy(() -> TrustFolder.read(trust)).hasMessageContaining("b.pub: ed25519: the same key is already in a.pub");
        assertThatThrownBy(() -> TrustFolder.read(dir.resolve("nowhere"))).hasMessageContaining("no such folder");
    }
}

package org.bulwark.ledger.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
    static final int FAST = PrivateKeyFile.MIN_ITERATIONS;
    static final char[] PASS = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private Keys.Generated device() throws Exception {
        Validity v = new Validity(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
        return Keys.generate(new Keys.Request(KeyRole.DEVICE, "scanner-0042", Optional.of("boone"), v), dir, PASS, new SecureRandom(), FAST);
    }

    @Test
    void generatedKeysLoadBackAndSignatureVerifies() throws Exception {
        Keys.Generated g = device();
        assertThat(g.privateFile()).isEqualTo(dir.resolve("scanner-0042.key"));
        LoadedPrivateKey priv = Keys.loadPrivate(g.privateFile(), PASS);
        PublicKeyInfo pub = Keys.loadPublic(g.publicFile());
        assertThat(pub).isEqualTo(g.info());
        assertThat(pub.role()).isEqualTo(KeyRole.DEVICE);
        assertThat(pub.jurisdiction()).contains("boone");
        assertThat(pub.validity().notAfter()).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(priv.role()).isEqualTo(KeyRole.DEVICE);
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(pub.key(), msg, Ed25519.sign(priv.key(), msg))).isTrue();
        assertThat(Ed25519.verify(pub.key(), "hellp".getBytes(StandardCharsets.UTF_8), Ed25519.sign(priv.key(), msg))).isFalse();
    }

    @Test
    void privateKeyFileNeverHoldsThePassphraseOrTheKeyInClear() throws Exception {
        Keys.Generated g = device();
        String text = Files.readString(g.privateFile());
        assertThat(text).contains("\"kdf\" : \"PBKDF2-HMAC-SHA256\"", "\"cipher\" : \"AES-256-GCM\"", "\"version\" : 1")
                .doesNotContain("correct horse");
        byte[] pkcs8 = Keys.loadPrivate(g.privateFile(), PASS).key().getEncoded();
        assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(pkcs8));
    }

    @Test
    void wrongPassphraseIsAClearError() throws Exception {
        Keys.Generated g = device();
        assertThatThrownBy(() -> Keys.loadPrivate(g.privateFile(), "wrong".toCharArray()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the passphrase does not open " + g.privateFile());
    }

    @Test
    void editedOwnerInPrivateKeyFileDoesNotOpen() throws Exception {
        Keys.Generated g = device();
        String text = Files.readString(g.privateFile()).replace("\"role\" : \"device\"", "\"role\" : \"state\"");
        Files.writeString(g.privateFile(), text);
        assertThatThrownBy(() -> Keys.loadPrivate(g.privateFile(), PASS)).hasMessageContaining("the passphrase does not open");
    }

    @Test
    void refusesToOverwriteKeyFiles() throws Exception {
        Keys.Generated g = device();
        byte[] before = Files.readAllBytes(g.privateFile());
        assertThatThrownBy(this::device).isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(g.privateFile())).isEqualTo(before);
    }

    @Test
    void publicFileStatesEverythingInWords() throws Exception {
        Keys.Generated g = device();
        String text = Files.readString(g.publicFile());
        assertThat(text).startsWith("bulwark-public-key/1\nrole: device\nid: scanner-0042\njurisdiction: boone\n"
                + "not-before: 2026-01-01T00:00:00Z\nnot-after: 2030-01-01T00:00:00Z\ned25519: ");
        assertThat(text).contains("fingerprint: sha256:" + g.info().fingerprint().sha256());
    }

    @Test
    void editedPublicFileIsRefused() throws Exception {
        Keys.Generated g = device();
        String text = Files.readString(g.publicFile());
        String other = Base64Flip.flipLastKeyChar(text);
        Files.writeString(g.publicFile(), other);
        assertThatThrownBy(() -> Keys.loadPublic(g.publicFile())).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).place()).isIn("ed25519", "fingerprint"));
    }

    @Test
    void authorityAndDeviceKeysNeedAJurisdiction() {
        assertThatThrownBy(() -> new Keys.Request(KeyRole.AUTHORITY, "boone-clerk", Optional.empty(), Validity.ALWAYS))
                .hasMessageContaining("needs a jurisdiction");
        assertThatThrownBy(() -> new Keys.Request(KeyRole.DEVICE, "../x", Optional.of("boone"), Validity.ALWAYS))
                .hasMessageContaining("id '../x'");
    }

    @Test
    void malformedPublicFilesNameThePlace() {
        assertThatThrownBy(() -> Keys.parsePublic("hello\n".getBytes(StandardCharsets.UTF_8), "x.pub"))
                .hasMessage("x.pub: line 1: expected 'bulwark-public-key/1', found 'hello': this is not a Bulwark public key file");
        assertThatThrownBy(() -> Keys.parsePublic("bulwark-public-key/1\nrole: mayor\n".getBytes(StandardCharsets.UTF_8), "x.pub"))
                .hasMessage("x.pub: role: 'mayor' is not a role: use state, authority or device");
        assertThatThrownBy(() -> Keys.parsePublic("bulwark-public-key/1\nid: a\nrole: state\n".getBytes(StandardCharsets.UTF_8), "x.pub"))
                .hasMessageContaining("x.pub: line 3: field 'role' is repeated or out of order");
    }

    /** Changes one base64 digit of the key line to another. */
    static final class Base64Flip {
        static String flipLastKeyChar(String text) {
            int at = text.indexOf("ed25519: ") + "ed25519: ".length() + 5;
            char c = text.charAt(at);
            return text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
        }
    }
}

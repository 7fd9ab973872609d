package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void aHashIsArgon2idWithTheOwaspParametersAndASalt() {
        String a = Passwords.hash("correct horse battery", new SecureRandom());
        String b = Passwords.hash("correct horse battery", new SecureRandom());

        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a).isNotEqualTo(b);
        assertThat(Passwords.matches("correct horse battery", a)).isTrue();
        assertThat(Passwords.matches("correct horse batterY", a)).isFalse();
        assertThat(Passwords.matches("", a)).isFalse();
    }

    @Test
    void aKnownArgon2idHashFromTheReferenceImplementationVerifies() {
        // Made by the reference implementation: echo -n password | argon2 somesalt -id -t 3 -m 12 -p 1 -l 32 -e
        String phc = "$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$qLml5cbqFAO6YxVHhrSBHP0UWdxrIxkNcM8aMX3blzU";
        assertThat(Passwords.matches("password", phc)).isTrue();
        assertThat(Passwords.matches("Password", phc)).isFalse();
    }

    @Test
    void storedStringsThatAreNotOursNeverMatch() {
        assertThat(Passwords.matches("x", "")).isFalse();
        assertThat(Passwords.matches("x", "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$qLml5cbqFAO6YxVHhrSBHP0UWdxrIxkNcM8aMX3blzU")).isFalse();
        assertThat(Passwords.matches("x", "$argon2id$v=19$m=9999999,t=3,p=1$c29tZXNhbHQ$qLml5cbqFAO6YxVHhrSBHP0UWdxrIxkNcM8aMX3blzU")).isFalse();
        assertThat(Passwords.matches("x".repeat(300), Passwords.hash("x".repeat(200), new SecureRandom()))).isFalse();
    }

    @Test
    void weakPasswordsAreNamed() {
        assertThat(Passwords.weakness("short")).contains("a password needs at least 12 characters");
        assertThat(Passwords.weakness("x".repeat(257))).contains("a password may have at most 256 characters");
        assertThat(Passwords.weakness("a sentence as a password")).isEmpty();
    }
}

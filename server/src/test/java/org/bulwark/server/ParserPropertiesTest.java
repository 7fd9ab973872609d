package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the portal parses itself from stored or typed text, never throwing whatever it is given: a
 * stored password hash (a damaged or hostile row), a TOTP secret, a typed code.
 */
class ParserPropertiesTest {
    static final String GOOD = "$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$qLml5cbqFAO6YxVHhrSBHP0UWdxrIxkNcM8aMX3blzU";

    @Provide
    Arbitrary<String> mutatedHashes() {
        return Arbitraries.integers().between(0, GOOD.length() - 1).flatMap(at -> Arbitraries.chars().ascii().flatMap(c ->
                Arbitraries.of(
                        GOOD.substring(0, at),
                        GOOD.substring(0, at) + c + GOOD.substring(at + 1),
                        GOOD.substring(0, at) + c + GOOD.substring(at),
                        GOOD.substring(0, at) + GOOD.substring(at, Math.min(GOOD.length(), at + 8)) + GOOD.substring(at))));
    }

    @Property(tries = 300)
    void aMutatedStoredHashNeverThrowsAndNeverMatchesAnotherPassword(@ForAll("mutatedHashes") String phc) {
        assertThat(Passwords.matches("not the password", phc)).isFalse();
    }

    @Property(tries = 300)
    void anyStoredTextNeverThrows(@ForAll String phc, @ForAll String password) {
        assertThat(Passwords.matches(password, phc)).isIn(true, false);
    }

    @Property(tries = 500)
    void anySecretAndCodeNeverThrow(@ForAll String secret, @ForAll String code) {
        assertThat(Totp.accept(secret, code, Instant.parse("2028-11-08T02:00:00Z"), 0)).isNotNull();
    }
}

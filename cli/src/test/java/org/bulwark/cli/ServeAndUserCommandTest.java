package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap story: create the first administrator, start the portal, reach it. */
class ServeAndUserCommandTest {
    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("state.db").toString();
    }

    @Test
    void theFirstAdministratorIsCreatedWithATwoFactorSecret() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw.txt"), "a long first password\n");
        Run add = Run.of("user", "add", "--workspace", ws(), "--username", "sos-admin", "--name", "Secretary's Administrator",
                "--role", "state-admin", "--password-file", password.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Created sos-admin (state administrator) in " + ws())
                .containsPattern("Two-factor secret \\(enter it in an authenticator app; it is not shown again\\): [A-Z2-7]{32}")
                .contains("otpauth://totp/Bulwark:sos-admin?secret=");

        Run again = Run.of("user", "add", "--workspace", ws(), "--username", "sos-admin", "--name", "Someone", "--role", "state-staff",
                "--password-file", password.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("bulwark: user add: the username \"sos-admin\" is taken; no account was created\n");
    }

    @Test
    void refusalsSayWhatIsWrong() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw.txt"), "short\n");
        Run weak = Run.of("user", "add", "--workspace", ws(), "--username", "pat", "--name", "Pat", "--role", "state-staff",
                "--password-file", password.toString());
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.err()).contains("a password needs at least 12 characters");

        Path good = Files.writeString(tmp.resolve("good.txt"), "a long first password\n");
        Run noAuthority = Run.of("user", "add", "--workspace", ws(), "--username", "pat", "--name", "Pat", "--role", "authority-staff",
                "--password-file", good.toString());
        assertThat(noAuthority.err()).contains("an authority staff belongs to one local election authority: name it");
        Run unknown = Run.of("user", "add", "--workspace", ws(), "--username", "pat", "--name", "Pat", "--role", "authority-staff",
                "--authority", "nowhere", "--password-file", good.toString());
        assertThat(unknown.err()).contains("\"nowhere\" is not a local election authority of any election in the workspace");
        Run badRole = Run.of("user", "add", "--workspace", ws(), "--username", "pat", "--name", "Pat", "--role", "mayor",
                "--password-file", good.toString());
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("'mayor' is not a role");
        Run noPassword = Run.of("user", "add", "--workspace", ws(), "--username", "pat", "--name", "Pat", "--role", "state-staff",
                "--password-file", tmp.resolve("missing.txt").toString());
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.err()).contains("missing.txt").contains("no such file");
    }

    @Test
    void servePrintsWhereItListensAndAnswersHealthChecksUntilStopped() throws Exception {
        UntilStopped serve = UntilStopped.start("serve", "--port", "0", "--workspace", ws());
        Matcher m = serve.await(Pattern.compile("Bulwark portal at (http://127\\.0\\.0\\.1:\\d+/)"));
        assertThat(m.hasMatch()).as(serve.out() + serve.err()).isTrue();
        URI base = URI.create(m.group(1));
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(serve.stop()).isZero();
        assertThat(serve.out()).contains("over " + ws());
    }

    @Test
    void badPortsAndHalfATlsPairAreRefused() {
        Run port = Run.of("serve", "--port", "70000", "--workspace", ws());
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).contains("--port 70000 is not a port");
        Run half = Run.of("serve", "--port", "0", "--workspace", ws(), "--tls-cert", "cert.pem");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--tls-cert and --tls-key go together");
    }
}

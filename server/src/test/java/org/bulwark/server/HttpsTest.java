package org.bulwark.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bulwark.model.BadInputException;
import org.bulwark.store.WorkspaceLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with an operator's certificate, as a PKCS#12 keystore or as PEM files; HSTS only then. */
class HttpsTest {
    static final char[] PASSWORD = "keystore-pass".toCharArray();

    @TempDir
    static Path dir;
    static Path keystore;
    static HttpClient client;

    @BeforeAll
    static void certificate() throws Exception {
        keystore = dir.resolve("portal.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "portal", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(ssl).build();
    }

    private static Portal start(Portal.TlsCertificate certificate) {
        return Portal.start(new Portal.Settings(new WorkspaceLocation.SqliteFile(dir.resolve("w" + System.nanoTime() + ".db")),
                "127.0.0.1", 0, Optional.of(certificate), java.time.Clock.systemUTC()));
    }

    private static HttpResponse<String> get(Portal portal, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(portal.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeystoreServesHttpsWithHsts() throws Exception {
        try (Portal portal = start(new Portal.TlsCertificate.Pkcs12(keystore, PASSWORD))) {
            assertThat(portal.url().getScheme()).isEqualTo("https");
            HttpResponse<String> r = get(portal, "/healthz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
            HttpResponse<String> signIn = get(portal, "/signin");
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("; Secure")
                    .contains("HttpOnly").contains("SameSite=Strict"));
        }
    }

    @Test
    void pemFilesServeHttpsToo() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes());
        Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + mime.encodeToString(ks.getCertificate("portal").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + mime.encodeToString(((PrivateKey) ks.getKey("portal", PASSWORD)).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try (Portal portal = start(new Portal.TlsCertificate.Pem(cert, key))) {
            assertThat(get(portal, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unusableCertificatesAreNamed() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> start(new Portal.TlsCertificate.Pem(junk, junk))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> start(new Portal.TlsCertificate.Pkcs12(keystore, "wrong".toCharArray())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("portal.p12").hasMessageContaining("PKCS#12");
    }
}

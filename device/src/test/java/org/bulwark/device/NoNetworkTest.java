package org.bulwark.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: the device has no network. Every method of every class of the device module is a root;
 * nothing reachable from them, through model, formats, tally, ledger, report, PDFBox, ZXing and
 * Jackson, may use a socket, open a URL, or use an HTTP client or RMI.
 */
class NoNetworkTest {
    static List<String> deviceClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(PrecinctDevice.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/').replace(".class", "")).sorted().toList();
        }
    }

    /**
     * Reviewed uses, each by the exact method that makes it, with why it is no network access. Kept
     * as short as possible; a use that stops being reachable fails the test so the list stays true.
     */
    static final Map<String, String> REVIEWED = Map.of(
            "org.apache.commons.logging.LogFactory.lambda$getProperties$0(Ljava/net/URL;)Ljava/util/Properties;",
            "Commons Logging (used by PDFBox) reads commons-logging.properties from URLs that ClassLoader.getResources"
                    + " returned: jar: and file: entries of the device's own class path, never a network address");

    @Test
    void nothingTheDeviceCanReachUsesTheNetwork() throws Exception {
        List<String> roots = deviceClasses();
        assertThat(roots).contains("org/bulwark/device/PrecinctDevice", "org/bulwark/device/PaperRecords");
        Reachability.Report report = Reachability.analyse(roots);
        List<Reachability.Violation> violations = report.violations().stream()
                .filter(v -> !REVIEWED.containsKey(v.path().get(v.path().size() - 2).toString())).toList();
        assertThat(report.violations()).extracting(v -> v.path().get(v.path().size() - 2).toString())
                .containsAll(REVIEWED.keySet());
        // The analysis really went through the libraries the device uses, not just its own classes.
        assertThat(report.librariesEntered()).contains("org/apache/pdfbox", "com/google/zxing", "com/fasterxml/jackson",
                "org/bulwark/ledger", "org/bulwark/formats", "org/bulwark/tally");
        assertThat(report.methodsReached()).isGreaterThan(3_000);
        assertThat(violations).as(() -> violations.stream().map(v -> v.use() + " via " + v.path()).reduce("", (a, b) -> a + "\n" + b))
                .isEmpty();
    }

    @Test
    void theAnalysisFindsASocketBehindALambdaAndAnInterface() {
        List<Reachability.Violation> violations = Reachability.analyse(List.of("org/bulwark/device/NetworkingFixture")).violations();
        assertThat(violations).extracting(Reachability.Violation::use)
                .contains("java.net.Socket.<init>(Ljava/lang/String;I)V", "java.net.Socket.getOutputStream()Ljava/io/OutputStream;");
        assertThat(violations.get(0).path().get(0).owner()).isEqualTo("org/bulwark/device/NetworkingFixture");
    }

    @Test
    void openingAUrlIsForbiddenButNamingAResourceIsNot() {
        assertThat(Reachability.forbidden(new Reachability.Method("java/net/URL", "openStream", "()Ljava/io/InputStream;"))).isPresent();
        assertThat(Reachability.forbidden(new Reachability.Method("java/net/URL", "toURI", "()Ljava/net/URI;"))).isEmpty();
        assertThat(Reachability.forbidden(new Reachability.Method("java/net/http/HttpClient", "newHttpClient", "()Ljava/net/http/HttpClient;")))
                .isPresent();
    }
}

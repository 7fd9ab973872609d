package org.bulwark.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: keeps cookies, does not follow redirects, finds the CSRF token of the last page. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final URI base;
    private String csrf = "";

    WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).GET().build()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    /** A form already encoded (for fields given more than once, such as checkboxes); it must carry its own token. */
    HttpResponse<String> postRaw(String path, String urlEncodedBody) {
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody)).build()));
    }

    /** A multipart form with text fields and, if given, one file field named "package". */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, Optional<Path> file) throws IOException {
        return postMultipart(path, fields, "package", file);
    }

    /** A multipart form with text fields and, if given, one file in the field {@code fileField}. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, Optional<Path> file) throws IOException {
        String boundary = "----bulwark-test-boundary";
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", csrf);
        var out = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : all.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (file.isPresent()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + file.get().getFileName()
                    + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(Files.readAllBytes(file.get()));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build()));
    }

    /** Signs in with the password, and with the TOTP code when the portal asks for it; returns where it landed. */
    String signIn(String username, String password, String totpSecret, java.time.Instant now) {
        get("/signin");
        HttpResponse<String> r = post("/signin", Map.of("username", username, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (location.equals("/signin/code")) {
            get("/signin/code");
            r = post("/signin/code", Map.of("code", Totp.code(totpSecret, now)));
            location = r.headers().firstValue("Location").orElse("");
        }
        return location;
    }

    String csrf() {
        return csrf;
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.bulwark.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceException;
import org.bulwark.store.WorkspaceLocation;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The web portal over one workspace: the officials' pages and the public transparency page, served
 * by Javalin (Jetty) as server-rendered HTML with its stylesheet from the jar and nothing from
 * elsewhere. {@link #start} returns once it listens; {@link #close} stops it and closes the workspace.
 */
public final class Portal implements AutoCloseable {
    /** Content-Security-Policy: nothing from another origin, no inline script or style, no framing. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * How to run the portal.
     *
     * @param host the address to listen on ("127.0.0.1" for this machine only, "0.0.0.0" for all)
     * @param port the port; 0 picks a free one
     * @param tls HTTPS with this certificate; plain HTTP when empty (only behind a TLS proxy, or on localhost)
     */
    public record Settings(WorkspaceLocation workspace, String host, int port, Optional<TlsCertificate> tls, Clock clock) {}

    /** An HTTPS certificate: PEM files (certificate chain and PKCS#8 key) or a PKCS#12 keystore. */
    public sealed interface TlsCertificate {
        record Pem(Path certificate, Path privateKey) implements TlsCertificate {}

        record Pkcs12(Path keystore, char[] password) implements TlsCertificate {}
    }

    private final Javalin app;
    private final Workspace workspace;
    private final boolean https;

    private Portal(Javalin app, Workspace workspace, boolean https) {
        this.app = app;
        this.workspace = workspace;
        this.https = https;
    }

    /**
     * Opens the workspace and starts serving.
     *
     * @throws WorkspaceException when the workspace cannot be opened
     * @throws org.bulwark.model.BadInputException when the certificate files cannot be used
     */
    public static Portal start(Settings settings) {
        Workspace workspace = Workspace.open(settings.workspace(), settings.clock(), "bulwark serve");
        try {
            boolean https = settings.tls().isPresent();
            Optional<org.eclipse.jetty.util.ssl.SslContextFactory.Server> ssl = settings.tls().map(Tls::contextFactory);
            PortalContext portal = new PortalContext(workspace, settings.workspace(), settings.clock(), new SecureRandom(), https);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.concurrency.useVirtualThreads = true;
                config.jetty.multipartConfig.maxFileSize(8, SizeUnit.GB);
                config.jetty.multipartConfig.maxTotalRequestSize(8, SizeUnit.GB);
                config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
                config.jetty.modifyHttpConfiguration(http -> {
                    http.setSendServerVersion(false);
                    http.setSendXPoweredBy(false);
                });
                if (ssl.isPresent()) {
                    config.jetty.addConnector((server, httpConfig) -> {
                        HttpConfiguration secure = new HttpConfiguration(httpConfig);
                        secure.addCustomizer(new SecureRequestCustomizer());
                        ServerConnector connector = new ServerConnector(server,
                                new SslConnectionFactory(ssl.get(), "http/1.1"), new HttpConnectionFactory(secure));
                        connector.setHost(settings.host());
                        connector.setPort(settings.port());
                        return connector;
                    });
                }
                config.routes.before(ctx -> {
                    ctx.header("Content-Security-Policy", CSP);
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("X-Frame-Options", "DENY");
                    ctx.header("Referrer-Policy", "same-origin");
                    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
                    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                    if (https) {
                        ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                    }
                });
                for (Route r : Routes.all(portal)) {
                    config.routes.addHttpHandler(r.method(), r.path(), Guard.wrap(r, portal));
                }
                config.routes.error(404, ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                        Pages.notFound(ctx, "There is no page at " + ctx.path() + ".");
                    }
                });
                config.routes.exception(WorkspaceException.class, (e, ctx) ->
                        Pages.error(ctx, 500, "The workspace could not be used", e.getMessage()));
                config.routes.exception(Exception.class, (e, ctx) -> {
                    // The operator's console gets the details; the page says only what a visitor may know.
                    System.err.println("bulwark serve: unexpected error on " + ctx.method() + " " + ctx.path() + ": " + e);
                    Pages.error(ctx, 500, "Something went wrong", "The portal met an unexpected error ("
                                + e.getClass().getSimpleName() + "). Nothing was changed by this request unless it says so.");
                });
            });
            if (ssl.isPresent()) {
                app.start();
            } else {
                app.start(settings.host(), settings.port());
            }
            return new Portal(app, workspace, https);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /** The port it listens on. */
    public int port() {
        if (https) {
            return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
        }
        return app.port();
    }

    /** Its address as a browser on this machine reaches it. */
    public URI url() {
        return URI.create((https ? "https" : "http") + "://localhost:" + port() + "/");
    }

    @Override
    public void close() {
        app.stop();
        workspace.close();
    }
}

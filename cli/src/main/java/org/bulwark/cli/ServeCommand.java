package org.bulwark.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.bulwark.server.Portal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark serve}: the web portal over a workspace, until stopped (Ctrl-C). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Run the web portal over a workspace: the officials' pages (sign-in required) and the public page at /public.",
            "Create the first administrator with 'bulwark user add' before. Plain HTTP is for this machine or behind a TLS proxy; "
                + "give a certificate (--tls-cert and --tls-key, or --tls-keystore) to serve HTTPS."})
final class ServeCommand implements Callable<Integer> {
    static final String KEYSTORE_PASSWORD_VARIABLE = "BULWARK_KEYSTORE_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "The port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every network. Default: ${DEFAULT-VALUE}.")
    String host;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "The HTTPS certificate chain (PEM), with --tls-key.")
    Optional<Path> tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's private key (PEM, unencrypted PKCS#8).")
    Optional<Path> tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "A PKCS#12 keystore with the certificate and key instead; "
            + "its password from --tls-keystore-password-file or " + KEYSTORE_PASSWORD_VARIABLE + ".")
    Optional<Path> keystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE", description = "A file whose first line is the keystore's password.")
    Optional<Path> keystorePasswordFile;

    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() throws Exception {
        Io io = Bulwark.of(spec).io();
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + " is not a port: use 1 to 65535 (or 0 for any free one)");
        }
        Optional<Portal.TlsCertificate> tls = tls();
        Portal portal = Portal.start(new Portal.Settings(workspace.location(), host, port, tls, io.clock()));
        serveUntilStopped(io, portal, () -> io.out().println("Bulwark portal at " + (tls.isPresent() ? "https" : "http") + "://"
                + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + portal.port() + "/ over " + workspace.location().describe()
                + " (public page: /public, health: /healthz). Stop with Ctrl-C."));
        return Bulwark.OK;
    }

    /** Says where the started portal listens ({@code announce}) and serves until Ctrl-C, or until the thread is interrupted. */
    static void serveUntilStopped(Io io, Portal portal, Runnable announce) {
        Thread hook = new Thread(portal::close, "bulwark-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        announce.run();
        io.out().flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Stopped from inside the process (tests); Ctrl-C stops through the shutdown hook instead.
            Runtime.getRuntime().removeShutdownHook(hook);
            portal.close();
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Portal.TlsCertificate> tls() throws java.io.IOException {
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together: give both");
        }
        if (tlsCert.isPresent() && keystore.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --tls-cert/--tls-key or --tls-keystore, not both");
        }
        if (tlsCert.isPresent()) {
            return Optional.of(new Portal.TlsCertificate.Pem(tlsCert.get(), tlsKey.get()));
        }
        if (keystore.isPresent()) {
            return Optional.of(new Portal.TlsCertificate.Pkcs12(keystore.get(),
                    Passphrases.read(keystorePasswordFile, environment, KEYSTORE_PASSWORD_VARIABLE, "tls-keystore-password")));
        }
        return Optional.empty();
    }
}

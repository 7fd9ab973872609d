package org.bulwark.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.model.BadInputException;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty's TLS set-up from the certificate an operator gives: PEM files or a PKCS#12 keystore; TLS 1.2 and 1.3 only. */
final class Tls {
    private static final Pattern KEY = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private Tls() {}

    static SslContextFactory.Server contextFactory(Portal.TlsCertificate certificate) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        char[] password = switch (certificate) {
            case Portal.TlsCertificate.Pkcs12 p -> p.password();
            case Portal.TlsCertificate.Pem p -> new char[0];
        };
        factory.setKeyStore(switch (certificate) {
            case Portal.TlsCertificate.Pkcs12 p -> pkcs12(p.keystore(), p.password());
            case Portal.TlsCertificate.Pem p -> fromPem(p.certificate(), p.privateKey());
        });
        factory.setKeyStorePassword(new String(password));
        return factory;
    }

    private static KeyStore pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new BadInputException(file.toString(), "keystore", "cannot be read as a PKCS#12 keystore with the given password ("
                    + e.getMessage() + ")");
        }
    }

    private static KeyStore fromPem(Path certFile, Path keyFile) {
        List<Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(certFile)) {
            chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (IOException | GeneralSecurityException e) {
            throw new BadInputException(certFile.toString(), "certificate", "cannot be read as PEM certificates (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw new BadInputException(certFile.toString(), "certificate", "holds no certificate");
        }
        PrivateKey key;
        try {
            String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
            Matcher m = KEY.matcher(text);
            if (!m.find()) {
                throw new BadInputException(keyFile.toString(), "private key",
                        "holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); convert it with openssl pkcs8 -topk8 -nocrypt");
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            key = keyOf(der, chain.getFirst().getPublicKey().getAlgorithm(), keyFile);
        } catch (IOException e) {
            throw new BadInputException(keyFile.toString(), "private key", "cannot be read (" + e.getMessage() + ")");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("bulwark", key, new char[0], chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new BadInputException(keyFile.toString(), "private key", "does not go with the certificate (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey keyOf(byte[] der, String algorithm, Path file) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new BadInputException(file.toString(), "private key", "is not a " + algorithm + " key matching the certificate ("
                    + e.getMessage() + ")");
        }
    }
}

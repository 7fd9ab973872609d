package org.bulwark.formats.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bulwark.model.BadInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Verifies the detached XML signature Hart writes beside a CVR file (NAME.xml.sig.xml): the reference names this
 * file, the file's digest matches the signed one, and the RSA signature over the canonical SignedInfo verifies
 * with the key in the signature's KeyInfo, and that key is one of the trusted signers when the source names any.
 * Any failure refuses the file: a CVR whose signature does not verify is not read. SHA-1 digests are refused as
 * too weak to show a file unchanged.
 */
final class HartSignature {
    static final String DSIG = XMLSignature.XMLNS;

    private HartSignature() {}

    static void verify(Path cvr, Path signatureFile, List<PublicKey> trusted) throws IOException {
        String file = signatureFile.toString();
        Document doc = parse(signatureFile);
        Element signature = doc.getDocumentElement();
        if (!"Signature".equals(signature.getLocalName()) || !DSIG.equals(signature.getNamespaceURI())) {
            throw new BadInputException(file, "the root element", "is not an XML-DSig <Signature>");
        }
        Element reference = child(file, child(file, signature, "SignedInfo"), "Reference");
        String uri = reference.getAttribute("URI");
        String signedName = uri.substring(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
        if (!signedName.equals(cvr.getFileName().toString())) {
            throw new BadInputException(file, "SignedInfo/Reference/@URI", "signs \"" + uri + "\", not " + cvr.getFileName());
        }
        String algorithm = child(file, reference, "DigestMethod").getAttribute("Algorithm");
        String javaAlgorithm = switch (algorithm) {
            case "http://www.w3.org/2001/04/xmlenc#sha256" -> "SHA-256";
            case "http://www.w3.org/2001/04/xmlenc#sha512" -> "SHA-512";
            default -> throw new BadInputException(file, "SignedInfo/Reference/DigestMethod",
                    "digest algorithm \"" + algorithm + "\" is not accepted (SHA-256 or SHA-512 are)");
        };
        String expected = child(file, reference, "DigestValue").getTextContent().trim();
        String actual = Base64.getEncoder().encodeToString(digest(cvr, javaAlgorithm));
        if (!actual.equals(expected)) {
            throw new BadInputException(file, "SignedInfo/Reference/DigestValue", "the signed digest " + expected + " is not the digest of "
                    + cvr.getFileName() + " (" + actual + "): the file was changed after it was signed");
        }
        PublicKey key = rsaKey(file, child(file, child(file, child(file, signature, "KeyInfo"), "KeyValue"), "RSAKeyValue"));
        if (!trusted.isEmpty() && trusted.stream().noneMatch(k -> Arrays.equals(k.getEncoded(), key.getEncoded()))) {
            throw new BadInputException(file, "KeyInfo/KeyValue/RSAKeyValue", "the file is signed with a key that is not among this "
                    + "source's trusted signers (key SHA-256 " + HexFormat.of().formatHex(sha256(key.getEncoded())).substring(0, 16) + "...)");
        }
        try {
            DOMValidateContext context = new DOMValidateContext(key, signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            // Only the signature value: the reference was checked above against the file on disk, and letting
            // the library dereference its URI would let a signature file point anywhere.
            if (!xmlSignature.getSignatureValue().validate(context)) {
                throw new BadInputException(file, "SignatureValue", "the signature does not verify with the key in KeyInfo");
            }
        } catch (MarshalException | XMLSignatureException e) {
            throw new BadInputException(file, "Signature", "cannot be verified: " + e.getMessage(), e);
        }
    }

    private static Document parse(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXException e) {
            throw new BadInputException(path.toString(), "the signature file", "not well-formed XML (or it has a DOCTYPE): " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports secure processing", e);
        }
    }

    private static Element child(String file, Element parent, String name) {
        return firstChild(parent, name).orElseThrow(() -> new BadInputException(file, "<" + parent.getLocalName() + ">", "has no <" + name + ">"));
    }

    private static Optional<Element> firstChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && DSIG.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static PublicKey rsaKey(String file, Element rsaKeyValue) {
        try {
            BigInteger modulus = new BigInteger(1, Base64.getMimeDecoder().decode(child(file, rsaKeyValue, "Modulus").getTextContent().trim()));
            BigInteger exponent = new BigInteger(1, Base64.getMimeDecoder().decode(child(file, rsaKeyValue, "Exponent").getTextContent().trim()));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new BadInputException(file, "KeyInfo/KeyValue/RSAKeyValue", "is not an RSA public key: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has RSA", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}

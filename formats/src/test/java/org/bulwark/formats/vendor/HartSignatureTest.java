package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bulwark.formats.vendor.VendorSource.Provider;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Hart's detached signatures (NAME.xml.sig.xml), made here the way Hart's .NET signer makes them (XML-DSig,
 * inclusive C14N, RSA-SHA256, the key in KeyInfo): a signed file is read, a changed file, a bad signature or a
 * signer the source does not trust is refused by name.
 */
class HartSignatureTest {
    private static final String CVR = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Cvr xmlns=\"http://tempuri.org/CVRDesign.xsd\"><Contests>"
            + "<Contest><Id>m</Id><Options><Option><Name>Ann</Name><Id>a</Id><Value>1</Value></Option></Options></Contest></Contests>"
            + "<CvrGuid>g1</CvrGuid></Cvr>";

    private static KeyPair signer;
    private static KeyPair other;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        signer = g.generateKeyPair();
        other = g.generateKeyPair();
    }

    /** Signs {@code signedBytes} as the file named {@code uri}, with {@code signing}'s private key and {@code shown}'s public key. */
    static void sign(Path sigFile, String uri, byte[] signedBytes, KeyPair signing, KeyPair shown) throws Exception {
        XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(signedBytes);
        Reference ref = fac.newReference(uri, fac.newDigestMethod(DigestMethod.SHA256, null), null, null, null, digest);
        SignedInfo si = fac.newSignedInfo(fac.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                fac.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
        KeyInfoFactory kif = fac.getKeyInfoFactory();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().newDocument();
        fac.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newKeyValue(shown.getPublic())))).sign(new DOMSignContext(signing.getPrivate(), doc));
        try (OutputStream out = Files.newOutputStream(sigFile)) {
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        }
    }

    private Path folder() throws Exception {
        Path folder = dir.resolve("hart");
        VendorFiles.write(folder.resolve("a.xml"), CVR);
        return folder;
    }

    @Test
    void aSignedFileIsRead() throws Exception {
        Path folder = folder();
        sign(folder.resolve("a.xml.sig.xml"), "a.xml", Files.readAllBytes(folder.resolve("a.xml")), signer, signer);
        assertThat(VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi"))).extracting(VendorFiles::choices).containsExactly("1:a");
    }

    @Test
    void aFileChangedAfterSigningIsRefused() throws Exception {
        Path folder = folder();
        sign(folder.resolve("a.xml.sig.xml"), "a.xml", Files.readAllBytes(folder.resolve("a.xml")), signer, signer);
        Files.writeString(folder.resolve("a.xml"), CVR.replace("<Value>1</Value>", "<Value>0</Value>"));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("a.xml.sig.xml").hasMessageContaining("changed after it was signed");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        Path folder = folder();
        sign(folder.resolve("a.xml.sig.xml"), "a.xml", Files.readAllBytes(folder.resolve("a.xml")), other, signer);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("SignatureValue").hasMessageContaining("does not verify");
    }

    private static VendorSource trusting(Path folder, KeyPair... keys) {
        VendorSource plain = VendorFiles.source(Provider.HART, folder, "m", "wi");
        return new VendorSource(plain.provider(), plain.path(), plain.contestId(), plain.columns(), plain.labels(),
                Arrays.stream(keys).map(KeyPair::getPublic).toList());
    }

    @Test
    void trustedSignersAreEnforced() throws Exception {
        Path folder = folder();
        sign(folder.resolve("a.xml.sig.xml"), "a.xml", Files.readAllBytes(folder.resolve("a.xml")), signer, signer);
        assertThat(VendorFiles.read(trusting(folder, other, signer))).hasSize(1);
        assertThatThrownBy(() -> VendorFiles.read(trusting(folder, other)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("a.xml.sig.xml").hasMessageContaining("not among this source's trusted signers");
        Files.delete(folder.resolve("a.xml.sig.xml"));
        assertThatThrownBy(() -> VendorFiles.read(trusting(folder, signer)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no signature file a.xml.sig.xml");
    }

    @Test
    void aSignatureOfAnotherFileIsRefused() throws Exception {
        Path folder = folder();
        sign(folder.resolve("a.xml.sig.xml"), "b.xml", Files.readAllBytes(folder.resolve("a.xml")), signer, signer);
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("signs \"b.xml\", not a.xml");
    }
}

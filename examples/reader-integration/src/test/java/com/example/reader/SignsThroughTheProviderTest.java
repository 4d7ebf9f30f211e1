package com.example.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.smartcardio.MynaSimProvider;
import dev.mynasim.smartcardio.MynaSimReaders;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The application against the MynaSim javax.smartcardio provider: no pcscd, no reader, no card. */
class SignsThroughTheProviderTest {

    @BeforeAll
    static void registerTheProvider() {
        MynaSimProvider.install();
    }

    @Test
    void theAppChoosesTheProviderByConfigurationOnly() throws Exception {
        System.setProperty(ReaderApp.FACTORY_PROPERTY, "MynaSim");
        System.setProperty("mynasim.readers", "hanako");
        try (JpkiCard card = JpkiCard.connect(ReaderApp.firstReaderWithACard(ReaderApp.terminals()))) {
            X509Certificate certificate = card.readUserProofCertificate();
            assertTrue(certificate.getIssuerX500Principal().getName().contains("JPKI"), certificate.getIssuerX500Principal().getName());
        } finally {
            System.clearProperty(ReaderApp.FACTORY_PROPERTY);
            System.clearProperty("mynasim.readers");
        }
    }

    @Test
    void hanakosUserProofSignatureVerifiesWithTheCertificateRead() throws Exception {
        try (MynaSimReaders readers = MynaSimReaders.of("hanako")) {
            CardTerminal terminal = TerminalFactory.getInstance("MynaSim", readers).terminals().list().get(0);
            String pin = readers.reader(0).persona().pins().auth();
            byte[] message = "invoice 2026-0042".getBytes(StandardCharsets.UTF_8);
            try (JpkiCard card = JpkiCard.connect(terminal)) {
                X509Certificate certificate = card.readUserProofCertificate();
                byte[] signature = card.signWithUserProofKey(pin, message);
                assertEquals(256, signature.length, "RSA-2048");
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(certificate);
                verifier.update(message);
                assertTrue(verifier.verify(signature));
            }
        }
    }
}

package com.example.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.junit.MynaCard;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.smartcardio.CardControl;
import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The application against a card injected by the MynaSim JUnit extension: a fresh card for every test. */
@MynaCard(persona = "hanako")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardPerTestTest {

    @Test
    @Order(1)
    void threeWrongPinsLockTheUserProofKey(CardTerminal terminal, Persona hanako) throws Exception {
        try (JpkiCard card = JpkiCard.connect(terminal)) {
            for (int triesLeft = 2; triesLeft >= 0; triesLeft--) {
                PinRefusedException refused = assertThrows(PinRefusedException.class, () -> card.verifyUserProofPin("0000"));
                assertEquals(triesLeft, refused.triesLeft());
            }
            PinRefusedException locked = assertThrows(PinRefusedException.class,
                    () -> card.signWithUserProofKey(hanako.pins().auth(), new byte[] {1}));
            assertEquals(0, locked.triesLeft(), "even the right PIN is refused once locked");
        }
    }

    @Test
    @Order(2)
    void theNextTestDoesNotSeeTheLockOut(CardTerminal terminal, Persona hanako, TestCertificateAuthority ca) throws Exception {
        byte[] message = "order 7".getBytes(StandardCharsets.UTF_8);
        try (JpkiCard card = JpkiCard.connect(terminal)) {
            X509Certificate certificate = card.readUserProofCertificate();
            certificate.verify(ca.caCertificate(CertificatePurpose.AUTH).getPublicKey());
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate);
            verifier.update(message);
            assertTrue(verifier.verify(card.signWithUserProofKey(hanako.pins().auth(), message)));
        }
    }

    @Test
    @Order(3)
    void aCardPulledOutMidCommandFailsTheSignature(CardTerminal terminal, CardControl control, Persona hanako) throws Exception {
        try (JpkiCard card = JpkiCard.connect(terminal)) {
            control.injectFault(Fault.PULLED_OUT_DURING_COMMAND, 0x2A);
            assertThrows(CardException.class, () -> card.signWithUserProofKey(hanako.pins().auth(), new byte[] {1}));
        }
        control.insert();
        try (JpkiCard again = JpkiCard.connect(terminal)) {
            assertEquals(256, again.signWithUserProofKey(hanako.pins().auth(), new byte[] {1}).length);
        }
    }
}

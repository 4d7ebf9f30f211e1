package com.example.reader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.junit.MynaCard;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Test;

/**
 * The same application through the machine's pcscd (a vpcd slot), as a native PC/SC program would meet the
 * card. Skipped with the reason where pcscd and vpcd are missing; CI sets MYNASIM_REQUIRE_PCSC=1 to require it.
 */
@MynaCard(persona = "hanako", via = MynaCard.Via.PCSC)
class ThroughPcscdTest {

    @Test
    void signsThroughPcscd(CardTerminal terminal, Persona hanako) throws Exception {
        byte[] message = "through pcscd".getBytes(StandardCharsets.UTF_8);
        try (JpkiCard card = JpkiCard.connect(terminal)) {
            X509Certificate certificate = card.readUserProofCertificate();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate);
            verifier.update(message);
            assertTrue(verifier.verify(card.signWithUserProofKey(hanako.pins().auth(), message)));
        }
    }
}

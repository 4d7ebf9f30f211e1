package dev.mynasim.simulator;

import dev.mynasim.model.CardApplication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.state.CardState;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The card's persistent state leaves through the state sink before the response, and comes back intact. */
class VirtualCardStateTest {

    private static final HexFormat HEX = HexFormat.of();
    private static PersonaRepository personas;
    private static TestPki pki;

    @BeforeAll
    static void fixtures() {
        personas = PersonaRepository.load();
        pki = TestPki.load(personas);
    }

    private static byte[] apdu(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    @Test
    void aWrongPinReachesTheSinkBeforeTheResponseIsReturned() {
        Persona hanako = personas.byId("hanako");
        VirtualCard card = VirtualCards.issue(hanako, pki, CardProfile.CONTACT);
        List<Integer> triesSeenBySink = new ArrayList<>();
        card.setStateSink(state -> triesSeenBySink.add(CardState.decode(state).triesLeft(CardApplication.JPKI.aid()).get(0x0018)));
        card.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"));
        card.transmit(apdu("00 A4 02 0C 02 0018"));
        assertEquals(List.of(), triesSeenBySink, "selections change nothing persistent");
        byte[] response = card.transmit(apdu("00 20 00 80 04 30303030"));
        assertEquals(0x63C2, StatusWord.of(response));
        assertEquals(List.of(2), triesSeenBySink, "the spent try was handed to the sink before transmit returned");
        card.transmit(apdu("00 20 00 80"));
        assertEquals(List.of(2), triesSeenBySink, "a query spends nothing, so nothing is written");
    }

    @Test
    void aRestoredCardHasTheSpentTriesAndTheChangedPin() {
        Persona hanako = personas.byId("hanako");
        VirtualCard first = VirtualCards.issue(hanako, pki, CardProfile.CONTACT);
        first.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"));
        first.transmit(apdu("00 A4 02 0C 02 001B"));
        assertEquals(0x63C4, StatusWord.of(first.transmit(apdu("00 20 00 80 06 575241474E31"))));
        first.transmit(apdu("00 A4 02 0C 02 0018"));
        assertEquals(0x9000, StatusWord.of(first.transmit(apdu("00 20 00 80 04 31323334"))));
        assertEquals(0x9000, StatusWord.of(first.transmit(apdu("00 24 01 80 04 39383736"))));

        VirtualCard restored = VirtualCards.issue(hanako, pki, CardProfile.CONTACT, Optional.of(first.exportState()));
        restored.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"));
        restored.transmit(apdu("00 A4 02 0C 02 001B"));
        assertEquals(0x63C4, StatusWord.of(restored.transmit(apdu("00 20 00 80"))), "the spent signature password try stays spent");
        restored.transmit(apdu("00 A4 02 0C 02 0018"));
        assertEquals(0x9000, StatusWord.of(restored.transmit(apdu("00 20 00 80 04 39383736"))), "the changed PIN survives");
        assertTrue(restored.isPowered());
    }

    private static byte[] data(byte[] response) {
        return java.util.Arrays.copyOf(response, response.length - 2);
    }

    /**
     * hikari's card (issued under 15: signature certificate EF and key reserved empty, password never
     * set) restores as it was, and again once the office gave it a password, a key and a certificate.
     */
    @Test
    void aChildsCardRestoresBeforeAndAfterItsFirstSignatureCertificate() {
        Persona hikari = personas.byId("hikari");
        VirtualCard first = VirtualCards.issue(hikari, pki, CardProfile.CONTACT);
        VirtualCard asIssued = VirtualCards.issue(hikari, pki, CardProfile.CONTACT, Optional.of(first.exportState()));
        asIssued.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"));
        assertEquals(0x6A82, StatusWord.of(asIssued.transmit(apdu("00 A4 02 0C 02 0001"))), "the reserved certificate EF is empty");
        asIssued.transmit(apdu("00 A4 02 0C 02 001B"));
        assertEquals(0x63C0, StatusWord.of(asIssued.transmit(apdu("00 20 00 80"))), "the password is still not set");

        byte[] cardKey = dev.mynasim.fixtures.pki.IssuerKeyDerivation.testMaster().cardKey(hikari.serialNumber());
        first.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"));
        byte[] challenge = data(first.transmit(apdu("00 84 00 00 10")));
        byte[] cryptogram = dev.mynasim.fixtures.pki.IssuerKeyDerivation.cryptogram(cardKey, challenge);
        assertEquals(0x9000, StatusWord.of(first.transmit(dev.mynasim.model.IssuerApdus.externalAuthenticate(cryptogram))));
        assertEquals(0x9000, StatusWord.of(first.transmit(dev.mynasim.model.IssuerApdus.setPin(0x1B, 0, 0xFF,
                "HIKARI15".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
        assertEquals(0x9000, StatusWord.of(first.transmit(dev.mynasim.model.IssuerApdus.generateKeyPair(dev.mynasim.model.CardKey.JPKI_SIGN))));
        assertEquals(0x9000, StatusWord.of(first.transmit(dev.mynasim.model.IssuerApdus.setEfLength(0x0001, 3))));
        assertEquals(0x9000, StatusWord.of(first.transmit(apdu("00 A4 02 0C 02 0001"))));
        assertEquals(0x9000, StatusWord.of(first.transmit(apdu("80 D6 00 00 03 010203"))));

        VirtualCard restored = VirtualCards.issue(hikari, pki, CardProfile.CONTACT, Optional.of(first.exportState()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(first.exportState(), restored.exportState(), "the restored card's state");
        restored.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"));
        restored.transmit(apdu("00 A4 02 0C 02 001B"));
        assertEquals(0x9000, StatusWord.of(restored.transmit(apdu("00 20 00 80 08 " + HEX.formatHex("HIKARI15".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))));
        assertEquals(0x9000, StatusWord.of(restored.transmit(apdu("00 A4 02 0C 02 0001"))));
        assertEquals("0102039000", HEX.formatHex(restored.transmit(apdu("00 B0 00 00 00"))), "the certificate EF after the restore");
    }

    @Test
    void anUnknownApplicationIsNotFoundAndTheCurrentOneStaysSelected() {
        VirtualCard card = VirtualCards.issue(personas.defaultPersona(), pki, CardProfile.CONTACT);
        assertEquals(0x9000, StatusWord.of(card.transmit(apdu("00 A4 04 0C 0A D392F000260100000001"))));
        assertEquals(0x6A82, StatusWord.of(card.transmit(apdu("00 A4 04 0C 0A D392F000260100000099"))));
        assertEquals(0x9000, StatusWord.of(card.transmit(apdu("00 A4 02 0C 02 000A"))), "JPKI is still the current application");
    }
}

package dev.mynasim.world.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.backend.SimBackend;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.RevocationCheckException;
import dev.mynasim.world.relyingparty.RevocationSource;
import dev.mynasim.world.relyingparty.RevocationStatus;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.simulator.fault.ControlledCard;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;



/** The kiosk's state machine on its own: refusals, a card with no user-proof certificate, the PIN's privacy, step 7. */
class KioskTest {

    private static final KioskData DATA = KioskData.load(Path.of("fixtures", "kiosk"));
    private static final Clock JUNE_FIRST_10AM = Clock.fixed(LocalDate.of(2026, 6, 1).atTime(10, 0).atZone(CardRules.JST).toInstant(), CardRules.JST);
    private final Persona hanako = Fixtures.get().personas().byId("hanako");
    private SimBackend backend;

    /** The certificate is good whenever asked: these tests are about the kiosk, not revocation. */
    private static final RevocationSource ALWAYS_GOOD = new RevocationSource() {
        @Override
        public RevocationStatus statusOf(X509Certificate certificate, X509Certificate issuer, Instant at) throws RevocationCheckException {
            return RevocationStatus.good();
        }

        @Override
        public String name() {
            return "always good";
        }
    };

    @AfterEach
    void takeOutTheCard() {
        if (backend != null) {
            backend.close();
        }
    }

    private Kiosk kioskOn(Transport transport, CardPresence presence, Duration removalTimeout) {
        return new Kiosk(DATA, transport, presence, new PortalLoginVerifier(Fixtures.get().pki().authCaCertificate(), ALWAYS_GOOD),
                new PersonaHolderData(hanako, Optional.empty()), JUNE_FIRST_10AM, removalTimeout);
    }

    private Kiosk kioskWithHanakosCard(Duration removalTimeout) {
        backend = new SimBackend(ControlledCard.wrap(Backends.newVirtualCard(hanako)));
        return kioskOn(backend.transport(), CardPresence.of(backend), removalTimeout);
    }

    private static void toCardReading(Kiosk kiosk) {
        kiosk.chooseGovernmentService();
        kiosk.chooseCertificateIssuance();
        kiosk.chooseMyNumberCard();
    }

    @Test
    void anActionOfAnotherScreenIsRefusedNamingBothSteps() {
        Kiosk kiosk = kioskWithHanakosCard(Kiosk.DEFAULT_REMOVAL_TIMEOUT);

        IllegalKioskTransitionException e = assertThrows(IllegalKioskTransitionException.class, () -> kiosk.pay(200));
        assertEquals("the kiosk is at step 1 (行政サービス / Select government service); 'pay' is offered at step 13 (料金支払い / Payment)",
                e.getMessage());
        assertEquals(KioskStep.SERVICE_SELECTION, kiosk.step());
    }

    @Test
    void aCardWithNoUserProofCertificateIsRefused() {
        List<String> sent = new ArrayList<>();
        // A card that selects the JPKI AP but has no EF 000A, as a card issued without the certificate answers.
        Transport noCertificate = command -> {
            sent.add(Apdus.toHex(command));
            boolean selectsTheCertificate = (command[1] & 0xFF) == 0xA4 && (command[2] & 0xFF) == 0x02;
            return selectsTheCertificate ? Apdus.fromHex("6A 82") : Apdus.fromHex("90 00");
        };
        Kiosk kiosk = kioskOn(noCertificate, () -> true, Kiosk.DEFAULT_REMOVAL_TIMEOUT);
        toCardReading(kiosk);

        kiosk.readCard();

        assertEquals(KioskStep.ENDED, kiosk.step());
        assertEquals(KioskMessage.NO_USER_PROOF_CERTIFICATE, kiosk.notice().orElseThrow().message());
        assertTrue(kiosk.notice().orElseThrow().en().contains("no user-proof certificate"));
        assertFalse(sent.isEmpty(), "the kiosk asked the card for its certificate");
        assertTrue(sent.stream().noneMatch(apdu -> Apdus.fromHex(apdu)[1] == 0x20),
                "a card without the certificate is asked for no PIN (no try spent): " + sent);
    }

    @Test
    void noCardOnTheReaderAsksForIt() {
        Kiosk kiosk = kioskOn(command -> {
            throw new AssertionError("nothing is sent to a card that is not there");
        }, () -> false, Kiosk.DEFAULT_REMOVAL_TIMEOUT);
        toCardReading(kiosk);

        kiosk.readCard();

        assertEquals(KioskStep.CARD_READING, kiosk.step());
        assertEquals(KioskMessage.PLACE_CARD, kiosk.notice().orElseThrow().message());
    }

    @Test
    void aPinThatIsNotFourDigitsCostsNoTry() {
        Kiosk kiosk = kioskWithHanakosCard(Kiosk.DEFAULT_REMOVAL_TIMEOUT);
        toCardReading(kiosk);
        kiosk.readCard();
        kiosk.chooseMunicipality(hanako.municipalityCode());

        kiosk.enterPin(EnteredPin.of("12a4"));

        assertEquals(KioskStep.PIN_ENTRY, kiosk.step());
        assertEquals(KioskMessage.PIN_FORMAT, kiosk.notice().orElseThrow().message());
        assertEquals(3, new dev.mynasim.client.card.CardClient(backend.transport()).triesLeft(dev.mynasim.model.Pin.AUTH));
    }

    @Test
    void anEnteredPinNeverShowsItsDigits() {
        EnteredPin pin = EnteredPin.of(hanako.pins().auth());
        assertFalse(pin.toString().contains(hanako.pins().auth()));
    }

    @Test
    void step7WaitsForTheRemovalAndGoesOnOnceTheCardIsOut() throws Exception {
        Kiosk kiosk = kioskWithHanakosCard(Duration.ofSeconds(30));
        toCardReading(kiosk);
        kiosk.readCard();
        kiosk.chooseMunicipality(hanako.municipalityCode());
        kiosk.enterPin(EnteredPin.of(hanako.pins().auth()));
        assertEquals(KioskStep.CARD_REMOVAL, kiosk.step(), () -> String.valueOf(kiosk.notice()));

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(kiosk::awaitCardRemoval);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        backend.remove();
        waiting.get(5, TimeUnit.SECONDS);

        assertEquals(KioskStep.CERTIFICATE_SELECTION, kiosk.step());
    }

    @Test
    void theConfirmationGoesBackOnlyToStepsEightToEleven() {
        Kiosk kiosk = kioskWithHanakosCard(Duration.ofSeconds(5));
        toCardReading(kiosk);
        kiosk.readCard();
        kiosk.chooseMunicipality(hanako.municipalityCode());
        kiosk.enterPin(EnteredPin.of(hanako.pins().auth()));
        backend.remove();
        kiosk.awaitCardRemoval();
        kiosk.chooseCertificate("resident-register");
        kiosk.chooseType("本人のみ");
        kiosk.chooseDetails(List.of());
        kiosk.chooseCopies(11);
        assertEquals(KioskMessage.COPIES_OUT_OF_RANGE, kiosk.notice().orElseThrow().message());
        kiosk.chooseCopies(2);

        assertThrows(IllegalKioskTransitionException.class, () -> kiosk.correct(KioskStep.PIN_ENTRY));
        kiosk.correct(KioskStep.TYPE_SELECTION);
        kiosk.chooseType("世帯全員");
        kiosk.chooseDetails(List.of("世帯主・続柄"));
        kiosk.chooseCopies(2);
        assertEquals("世帯全員", kiosk.request().variant().ja());
        assertEquals(400, kiosk.request().fee());
    }
}

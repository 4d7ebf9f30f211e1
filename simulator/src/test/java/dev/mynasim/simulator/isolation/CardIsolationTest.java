package dev.mynasim.simulator.isolation;

import dev.mynasim.model.CardApplication;
import dev.mynasim.simulator.StatusWord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.Applications;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.state.CardState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight cards of the same persona in one JVM, each driven by its own thread, in lock-step phases (a
 * barrier between phases, so every phase runs on all eight cards at once): nothing one card does shows
 * on another. What could leak is jCardSim's per-thread "current runtime" (set on every command), a
 * static in an applet or in jCardSim, or shared transient memory; docs/reliability.md, "Isolation".
 */
class CardIsolationTest {

    private static final int CARDS = 8;
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SELECT_JPKI = HEX.parseHex("00A4040C0AD392F000260100000001");
    private static final byte[] SELECT_AUTH_PIN = HEX.parseHex("00A4020C020018");
    private static final byte[] SELECT_AUTH_KEY = HEX.parseHex("00A4020C020017");
    private static final byte[] STATUS = HEX.parseHex("00200080");
    private static final byte[] GET_CHALLENGE = HEX.parseHex("0084000008");
    private static final byte[] SIGN = HEX.parseHex("802A0080" + "33" + "3031300d060960864801650304020105000420"
            + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" + "00");

    private static PersonaRepository personas;
    private static TestPki pki;

    @BeforeAll
    static void fixtures() {
        personas = PersonaRepository.load();
        pki = TestPki.load(personas);
    }

    private static byte[] verify(String value) {
        byte[] pin = value.getBytes(StandardCharsets.US_ASCII);
        byte[] command = new byte[5 + pin.length];
        System.arraycopy(HEX.parseHex("00200080"), 0, command, 0, 4);
        command[4] = (byte) pin.length;
        System.arraycopy(pin, 0, command, 5, pin.length);
        return command;
    }

    /** What one card's thread saw, phase by phase. */
    private record Seen(List<byte[]> challenges, int signWhileOthersVerified, int statusAtEnd,
            int signAfterReset, int statusAfterReset, int triesInExportedState) {
    }

    @Test
    void eightCardsDrivenTogetherShareNothing() throws Exception {
        Persona hanako = personas.byId("hanako");
        String pin = hanako.pins().auth();
        List<VirtualCard> cards = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            cards.add(VirtualCards.issue(hanako, pki, CardProfile.CONTACT));
        }
        CyclicBarrier phase = new CyclicBarrier(CARDS);
        ExecutorService threads = Executors.newFixedThreadPool(CARDS);
        List<Future<Seen>> results = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            int index = i;
            VirtualCard card = cards.get(i);
            boolean verifies = index % 2 == 0;
            int wrongs = index % 3;
            results.add(threads.submit(() -> {
                // 1. a stream of challenges at the MF level, all cards at once
                phase.await(10, TimeUnit.SECONDS);
                List<byte[]> challenges = new ArrayList<>();
                for (int k = 0; k < 16; k++) {
                    byte[] r = card.transmit(GET_CHALLENGE);
                    assertEquals(0x9000, StatusWord.of(r), "GET CHALLENGE on card " + index);
                    challenges.add(java.util.Arrays.copyOf(r, r.length - 2));
                }
                // 2. wrong PINs: 0, 1 or 2 by card
                card.transmit(SELECT_JPKI);
                card.transmit(SELECT_AUTH_PIN);
                phase.await(10, TimeUnit.SECONDS);
                for (int k = 0; k < wrongs; k++) {
                    card.transmit(verify(wrongPin(pin)));
                }
                // 3. the even cards verify; the odd ones wait until they have
                phase.await(10, TimeUnit.SECONDS);
                if (verifies) {
                    assertEquals(0x9000, StatusWord.of(card.transmit(verify(pin))), "VERIFY on card " + index);
                }
                phase.await(10, TimeUnit.SECONDS);
                // 4. every card signs: only its own VERIFY counts
                card.transmit(SELECT_AUTH_KEY);
                int sign = StatusWord.of(card.transmit(SIGN));
                // 5. card 0 is reset while the others keep their security state and sign again
                phase.await(10, TimeUnit.SECONDS);
                if (index == 0) {
                    card.reset();
                    card.transmit(SELECT_JPKI);
                    card.transmit(SELECT_AUTH_KEY);
                }
                phase.await(10, TimeUnit.SECONDS);
                int signAfterReset = StatusWord.of(card.transmit(SIGN));
                card.transmit(SELECT_AUTH_PIN);
                int status = StatusWord.of(card.transmit(STATUS));
                int statusAfterReset = status;
                int exported = CardState.decode(card.exportState()).triesLeft(CardApplication.JPKI.aid()).get(0x0018);
                return new Seen(challenges, sign, status, signAfterReset, statusAfterReset, exported);
            }));
        }
        List<Seen> seen = new ArrayList<>();
        for (Future<Seen> result : results) {
            seen.add(result.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();

        Set<String> allChallenges = new HashSet<>();
        for (int i = 0; i < CARDS; i++) {
            Seen s = seen.get(i);
            boolean verified = i % 2 == 0;
            int triesLeft = verified ? 3 : 3 - i % 3;
            assertEquals(verified ? 0x9000 : 0x6982, s.signWhileOthersVerified(),
                    "card " + i + " signs only after its own VERIFY (odd cards ran while the even ones were verified)");
            assertEquals(0x63C0 | triesLeft, s.statusAtEnd(), "card " + i + "'s counter counts its own wrong PINs only");
            assertEquals(triesLeft, s.triesInExportedState(), "card " + i + "'s exported state");
            assertEquals(verified && i != 0 ? 0x9000 : 0x6982, s.signAfterReset(),
                    "card " + i + " after card 0 was reset: only card 0 lost its security state");
            assertEquals(0x63C0 | triesLeft, s.statusAfterReset(), "card " + i + "'s counter after card 0's reset");
            for (byte[] challenge : s.challenges()) {
                assertEquals(8, challenge.length, "card " + i + "'s challenge length");
                assertFalse(allChallenges.contains(HEX.formatHex(challenge)),
                        "card " + i + " repeated a challenge seen on this or another card");
                allChallenges.add(HEX.formatHex(challenge));
            }
        }
        assertNotEquals(HEX.formatHex(seen.get(0).challenges().get(0)), HEX.formatHex(seen.get(1).challenges().get(0)));
    }

    private static String wrongPin(String pin) {
        return pin.equals("0000") ? "1111" : "0000";
    }
}

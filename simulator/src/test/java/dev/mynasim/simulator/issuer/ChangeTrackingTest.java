package dev.mynasim.simulator.issuer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.StatusWord;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state sink is driven by the applets' change counters, not by comparing the whole state: after
 * every command of every write path, what the sink last received equals a fresh export of the card, so a
 * write path that forgets its counter fails here.
 */
class ChangeTrackingTest {

    @BeforeAll
    static void load() {
        OnCardKeyTest.load();
    }

    @Test
    void theSinkAlwaysHoldsWhatAFreshExportReads() {
        VirtualCard card = VirtualCards.issue(OnCardKeyTest.hanako, OnCardKeyTest.pki, CardProfile.CONTACT);
        List<byte[]> sunk = new ArrayList<>();
        sunk.add(card.exportState());
        card.setStateSink(sunk::add);
        String[][] steps = {
            {"select JPKI", "00A4040C0AD392F000260100000001", "9000"},
            {"select the user-proof PIN", "00A4020C020018", "9000"},
            {"wrong PIN", "002000800430303030", "63C2"},
            {"PIN status (changes nothing)", "0020008000", "63C2"},
            {"right PIN", "002000800431323334", "9000"},
            {"right PIN again (a try spent and given back)", "002000800431323334", "9000"},
            {"change the PIN", "002401800439383736", "9000"},
            {"wrong PIN", "002000800430303030", "63C2"},
        };
        int sinkCallsBeforeQuery = -1;
        for (String[] step : steps) {
            if (step[0].startsWith("PIN status") || step[0].startsWith("right PIN again")) {
                sinkCallsBeforeQuery = sunk.size();
            }
            assertEquals(Integer.parseInt(step[2], 16), StatusWord.of(OnCardKeyTest.send(card, step[1])), step[0]);
            assertArrayEquals(card.exportState(), sunk.get(sunk.size() - 1), step[0]);
            if (step[0].startsWith("PIN status") || step[0].startsWith("right PIN again")) {
                assertEquals(sinkCallsBeforeQuery, sunk.size(), step[0] + ": nothing changed, nothing written");
            }
        }
        OnCardKeyTest.authenticateJpki(card);
        String[][] office = {
            {"reset the retry counter", "002C0398", "9000"},
            {"generate the user-proof key", "0046009700", "9000"},
            {"set the certificate's length", "80E0010004000A0010", "9000"},
            {"rewrite the certificate", "80D6000004CAFEF00D", "9000"},
        };
        for (String[] step : office) {
            if (step[0].startsWith("rewrite")) {
                assertEquals(0x9000, StatusWord.of(OnCardKeyTest.send(card, "00A4020C02000A")), "select the certificate");
            }
            int before = sunk.size();
            assertEquals(Integer.parseInt(step[2], 16), StatusWord.of(OnCardKeyTest.send(card, step[1])), step[0]);
            assertEquals(before + 1, sunk.size(), step[0] + " reached the sink");
            assertArrayEquals(card.exportState(), sunk.get(sunk.size() - 1), step[0]);
        }
    }
}

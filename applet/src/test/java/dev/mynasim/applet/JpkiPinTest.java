package dev.mynasim.applet;

import static dev.mynasim.applet.TestCard.ascii;

import org.junit.jupiter.api.Test;

/** VERIFY and CHANGE REFERENCE DATA (docs/card-reference.md §3.1, §3.2). */
class JpkiPinTest {
    private final TestCard card = TestCard.personalised();

    @Test
    void authPinTable() {
        card.selectEf("0018");
        card.expect("00200080", 0x63C3);
        card.expect("00200080", 0x63C3);
        card.expect("0020008004" + ascii("9999"), 0x63C2);
        card.expect("00200080", 0x63C2);
        card.expect("0020008004" + ascii("9999"), 0x63C1);
        card.expect("0020008004" + ascii(TestCard.AUTH_PIN), 0x9000);
        card.expect("00200080", 0x63C3);
        card.expect("0020008004" + ascii("9999"), 0x63C2);
        card.expect("0020008004" + ascii("9999"), 0x63C1);
        card.expect("0020008004" + ascii("9999"), 0x63C0);
        card.expect("0020008004" + ascii("9999"), 0x6984);
        card.expect("0020008004" + ascii(TestCard.AUTH_PIN), 0x6984);
        card.expect("00200080", 0x63C0);
    }

    @Test
    void countersSurviveReset() {
        card.selectEf("0018");
        card.expect("0020008004" + ascii("9999"), 0x63C2);
        card.simulator.reset();
        card.selectJpki();
        card.expect("0020009800", 0x63C2);
        card.expect("00200098", 0x63C2);
    }

    @Test
    void signPasswordHasFiveTries() {
        card.selectEf("001B");
        card.expect("00200080", 0x63C5);
        for (int left = 4; left >= 0; left--) {
            card.expect("0020008006" + ascii("WRONG1"), 0x63C0 | left);
        }
        card.expect("0020008006" + ascii(TestCard.SIGN_PASSWORD), 0x6984);
        card.expect("00200080", 0x63C0);
    }

    @Test
    void malformedPinsSpendNoTry() {
        card.selectEf("0018");
        card.expect("0020008003" + ascii("123"), 0x6A80);
        card.expect("0020008005" + ascii("12345"), 0x6A80);
        card.expect("0020008004" + ascii("12A4"), 0x6A80);
        card.expect("00200080", 0x63C3);
        card.selectEf("001B");
        card.expect("0020008006" + ascii("abc123"), 0x6A80);
        card.expect("0020008005" + ascii("ABC12"), 0x6A80);
        card.expect("0020008011" + ascii("ABCDEFGH123456789"), 0x6700);
        card.expect("0020008006" + ascii("ABC-12"), 0x6A80);
        card.expect("00200080", 0x63C5);
        card.expect("0020008010" + ascii("ABCDEFGH12345678"), 0x63C4);
    }

    @Test
    void verifiedStateClearedByResetAndReselect() {
        card.verifySignPassword();
        card.selectEf("0001");
        card.expect("00B0000004", 0x9000);
        card.selectEf("0002");
        card.selectEf("0001");
        card.expect("00B0000004", 0x9000);
        card.simulator.reset();
        card.selectJpki();
        card.selectEf("0001");
        card.expect("00B0000004", 0x6982);
    }

    @Test
    void changeReferenceDataNeedsVerifyAndReplacesValue() {
        card.selectEf("0018");
        card.expect("0024018004" + ascii("4321"), 0x6982);
        card.verifyAuthPin();
        card.expect("0024018003" + ascii("432"), 0x6A80);
        card.expect("0024008004" + ascii("4321"), 0x6A86);
        card.expect("0024018004" + ascii("4321"), 0x9000);
        card.selectJpki();
        card.selectEf("0018");
        card.expect("0020008004" + ascii(TestCard.AUTH_PIN), 0x63C2);
        card.expect("0020008004" + ascii("4321"), 0x9000);
        card.expect("0024019B08" + ascii("NEWPASS1"), 0x6982);
        card.verifySignPassword();
        card.expect("0024019B08" + ascii("NEWPASS1"), 0x9000);
        card.selectJpki();
        card.expect("0020009B08" + ascii("NEWPASS1"), 0x9000);
    }

    @Test
    void verifyErrors() {
        card.expect("00200080", 0x6986);
        card.selectEf("000A");
        card.expect("00200080", 0x6981);
        card.expect("00200099", 0x6A82);
        card.expect("00200001", 0x6A86);
        card.expect("00200180", 0x6A86);
    }
}

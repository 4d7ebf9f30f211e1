package dev.mynasim.tools.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.tools.reliability.CrashChecker.Op;
import dev.mynasim.tools.reliability.CrashChecker.PinState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The crash-test invariants, without processes: which saved states a kill may leave. */
class CrashCheckerTest {

    private static final int LIMIT = 3;
    private static final PinState START = new PinState(3, "1111");
    /** correct, wrong, wrong, correct, change: the burst's round. */
    private static final List<Op> ROUND = List.of(Op.correct("1111"), Op.wrong("0000"), Op.wrong("0000"),
            Op.correct("1111"), Op.change("2222"));

    @Test
    void theCardRules() {
        assertEquals(new PinState(2, "1111"), CrashChecker.apply(START, Op.wrong("0000"), LIMIT));
        assertEquals(new PinState(0, "1111"), CrashChecker.apply(new PinState(0, "1111"), Op.wrong("0000"), LIMIT));
        assertEquals(new PinState(3, "1111"), CrashChecker.apply(new PinState(1, "1111"), Op.correct("1111"), LIMIT));
        assertEquals(new PinState(0, "1111"), CrashChecker.apply(new PinState(0, "1111"), Op.correct("1111"), LIMIT), "a blocked PIN stays blocked");
        assertEquals(new PinState(2, "2222"), CrashChecker.apply(new PinState(2, "1111"), Op.change("2222"), LIMIT));
    }

    @Test
    void everyPrefixBetweenAnsweredAndSentIsAllowed() {
        // killed while the 3rd command (2nd wrong VERIFY) was in flight: 2 answered, 3 sent
        assertEquals(List.of(new PinState(2, "1111"), new PinState(1, "1111")), CrashChecker.allowed(START, ROUND, 2, 3, LIMIT));
        assertTrue(CrashChecker.violation(START, ROUND, 2, 3, LIMIT, new PinState(1, "1111")).isEmpty());
        assertTrue(CrashChecker.violation(START, ROUND, 2, 3, LIMIT, new PinState(2, "1111")).isEmpty());
        // killed with the change in flight: old or new value, both fine
        assertTrue(CrashChecker.violation(START, ROUND, 4, 5, LIMIT, new PinState(3, "1111")).isEmpty());
        assertTrue(CrashChecker.violation(START, ROUND, 4, 5, LIMIT, new PinState(3, "2222")).isEmpty());
    }

    @Test
    void aTryGivenBackIsACounterThatWentUp() {
        String why = CrashChecker.violation(START, ROUND, 3, 3, LIMIT, new PinState(2, "1111")).orElseThrow();
        assertTrue(why.startsWith("counter went up"), why);
        // up without a correct VERIFY sent at all
        List<Op> wrongs = List.of(Op.wrong("0000"), Op.wrong("0000"));
        assertTrue(CrashChecker.violation(new PinState(2, "1111"), wrongs, 0, 2, LIMIT, new PinState(3, "1111")).orElseThrow()
                .startsWith("counter went up"));
    }

    @Test
    void aMixOfOldAndNewIsHalfWritten() {
        String why = CrashChecker.violation(START, ROUND, 4, 5, LIMIT, new PinState(3, "2211")).orElseThrow();
        assertTrue(why.startsWith("half-written PIN"), why);
        assertFalse(why.contains("2211") || why.contains("1111") || why.contains("2222"), "no PIN value in a violation: " + why);
        // a value that is new but arrived before its change was even sent
        assertTrue(CrashChecker.violation(START, ROUND, 2, 3, LIMIT, new PinState(1, "2222")).orElseThrow().startsWith("half-written PIN"));
    }

    @Test
    void anAcknowledgedChangeMustNotBeLost() {
        // the change answered 9000 (5 answered), yet the old value came back
        String why = CrashChecker.violation(START, ROUND, 5, 5, LIMIT, new PinState(3, "1111")).orElseThrow();
        assertTrue(why.startsWith("state no prefix"), why);
        // two wrong VERIFYs answered, yet the file shows one spent try
        assertTrue(CrashChecker.violation(START, ROUND, 3, 3, LIMIT, new PinState(2, "1111")).isPresent());
    }

    @Test
    void statesNeverPrintTheirValue() {
        assertFalse(new PinState(3, "1234").toString().contains("1234"));
        assertFalse(Op.change("NEWPASS77").toString().contains("NEWPASS77"));
    }
}

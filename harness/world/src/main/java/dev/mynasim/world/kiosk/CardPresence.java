package dev.mynasim.world.kiosk;

import dev.mynasim.client.backend.CardHands;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How the kiosk sees whether a card lies on its reader: the simulator's hands on {@code sim} and
 * {@code vpcd}, {@link PcscCardPresence} (CardTerminal) on any PC/SC reader.
 */
public interface CardPresence {

    boolean isPresent();

    /** Waits until the card is gone; false when it is still there after {@code timeout}. */
    default boolean awaitAbsent(Duration timeout) {
        try {
            Awaitility.await("the card to be taken out of the reader").atMost(timeout)
                    .pollInterval(Duration.ofMillis(20)).until(() -> !isPresent());
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    static CardPresence of(CardHands hands) {
        return hands::isPresent;
    }
}

package dev.mynasim.smartcardio;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.simulator.fault.LatencyProfile;
import java.time.Duration;

/**
 * The hands and switches of one virtual reader, for a test: take the card out, put it back, and make
 * it misbehave with the simulator's own faults and latency (the same ones {@code mynasim serve} and the
 * Gherkin fault steps use). What an application sees of it goes through javax.smartcardio only.
 */
public interface CardControl {

    /** The reader's name, as {@link javax.smartcardio.CardTerminal#getName()} gives it. */
    String readerName();

    /** Whose card is in the reader (their PINs are in {@link Persona#pins()}). */
    Persona persona();

    /** Pulls the card out: connected {@code Card}s fail from now on, waiters see a removal. Idempotent. */
    void remove();

    /** Puts the same card back, freshly powered: its PIN counters kept, its security state gone. Idempotent. */
    void insert();

    boolean isCardPresent();

    /** The next command meets {@code fault} (only that one). */
    void injectFault(Fault fault);

    /** The next command with this INS byte (e.g. {@code 0x20}, VERIFY) meets {@code fault}; others pass. */
    void injectFault(Fault fault, int instruction);

    /** From now until the card loses power, it answers nothing (the reader gives up after its timeout). */
    void goMute();

    /** Every answer comes {@code delay} late, on top of the latency profile; {@link Duration#ZERO} ends it. */
    void slowDown(Duration delay);

    /** How long the card takes per command, e.g. {@link LatencyProfile#CONTACT}. */
    void setLatency(LatencyProfile latency);

    /** A reader that cannot carry extended APDUs answers them {@code 6700} itself. */
    void limitToShortApdus(boolean limited);

    /** Takes every fault and delay away (not the latency profile). */
    void clearFaults();
}

package dev.mynasim.simulator.fault;

import dev.mynasim.simulator.ForwardingCard;
import dev.mynasim.simulator.SimulatedCard;

/**
 * Decorator for a contactless reader that cannot carry extended APDUs (some PC/SC contactless readers,
 * many phones: docs/card-reference.md §8.2, Android's {@code isExtendedLengthApduSupported}). An extended command
 * never reaches the card: the reader answers {@code 6700} (wrong length) itself, which is what such
 * readers typically hand back (others fail the transmit; MynaSim picks the status word so the client's
 * fallback can be shown). Short commands pass. Off until {@link #setLimited(boolean)}.
 */
public final class ShortApduOnlyReader extends ForwardingCard {
    private static final byte[] WRONG_LENGTH = {0x67, 0x00};

    private volatile boolean limited;

    public ShortApduOnlyReader(SimulatedCard card) {
        super(card);
    }

    public void setLimited(boolean limited) {
        this.limited = limited;
    }

    public boolean isLimited() {
        return limited;
    }

    /** An extended APDU: a 00 byte after the header followed by two length bytes (ISO 7816-4 §5.1). */
    public static boolean isExtended(byte[] command) {
        return command.length >= 7 && command[4] == 0;
    }

    @Override
    public byte[] transmit(byte[] command) {
        if (limited && isExtended(command)) {
            return WRONG_LENGTH.clone();
        }
        return card.transmit(command);
    }
}

package dev.mynasim.smartcardio;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/** A virtual reader as javax.smartcardio shows it. */
final class VirtualTerminal extends CardTerminal {

    private final VirtualReader reader;

    VirtualTerminal(VirtualReader reader) {
        this.reader = reader;
    }

    VirtualReader reader() {
        return reader;
    }

    @Override
    public String getName() {
        return reader.readerName();
    }

    /** {@code T=1} or {@code *} (the card offers T=1 only); {@code T=0} fails as pcscd's protocol mismatch does. */
    @Override
    public Card connect(String protocol) throws CardException {
        if (protocol == null) {
            throw new NullPointerException("protocol");
        }
        switch (protocol) {
            case "*", "T=1" -> {
                return reader.connect();
            }
            case "T=0" -> throw new CardException("connect() failed: SCARD_E_PROTO_MISMATCH (the card offers T=1 only)");
            case "direct" -> throw new CardException("connect() failed: " + getName() + " does not support direct mode");
            default -> throw new IllegalArgumentException("Unsupported protocol " + protocol);
        }
    }

    @Override
    public boolean isCardPresent() {
        return reader.isCardPresent();
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        Object events = reader.events();
        synchronized (events) {
            return Waiting.until(events, timeout, () -> reader.isCardPresent() == present);
        }
    }

    @Override
    public String toString() {
        return "MynaSim terminal: " + getName();
    }
}

package dev.mynasim.world.kiosk;

import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.transport.TransportException;
import java.time.Duration;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/** Card presence on a PC/SC reader, as pcscd reports it (SCardGetStatusChange under the hood). */
public final class PcscCardPresence implements CardPresence {

    private final CardTerminal terminal;

    public PcscCardPresence(CardTerminal terminal) {
        this.terminal = terminal;
    }

    /** The reader by exact name, fragment or index, as {@code --reader} names it. */
    public static PcscCardPresence of(String readerSpec) {
        return new PcscCardPresence(PcscReaders.choose(readerSpec));
    }

    @Override
    public boolean isPresent() {
        try {
            return terminal.isCardPresent();
        } catch (CardException e) {
            throw new TransportException("pcscd does not answer for " + terminal.getName() + ": " + e.getMessage(), e);
        }
    }

    /** pcscd tells us when the card goes: no polling. */
    @Override
    public boolean awaitAbsent(Duration timeout) {
        try {
            return terminal.waitForCardAbsent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            throw new TransportException("pcscd does not answer for " + terminal.getName() + ": " + e.getMessage(), e);
        }
    }
}

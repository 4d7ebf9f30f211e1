package dev.mynasim.smartcardio;

import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** The provider's TerminalFactory: its terminals are the readers of the {@link MynaSimReaders} it was given. */
final class MynaSimTerminalFactory extends TerminalFactorySpi {

    private final MynaSimReaders readers;

    MynaSimTerminalFactory(MynaSimReaders readers) {
        this.readers = readers;
    }

    @Override
    protected CardTerminals engineTerminals() {
        return new VirtualTerminals(readers);
    }
}

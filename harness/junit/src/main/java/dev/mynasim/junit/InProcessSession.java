package dev.mynasim.junit;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.fault.LatencyProfile;
import dev.mynasim.smartcardio.CardControl;
import dev.mynasim.smartcardio.MynaSimProvider;
import dev.mynasim.smartcardio.MynaSimReaders;
import java.security.NoSuchAlgorithmException;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/** The card in a MynaSim virtual reader of this JVM, reached through the provider as an application would. */
final class InProcessSession extends CardSession {

    private final MynaSimReaders readers;
    private final CardTerminal terminal;

    InProcessSession(Persona persona, CardProfile profile, LatencyProfile latency) {
        super(persona);
        this.readers = MynaSimReaders.builder().reader(persona.id(), profile).latency(latency).build();
        try {
            this.terminal = TerminalFactory.getInstance(MynaSimProvider.NAME, readers, MynaSimProvider.get()).terminals().list().get(0);
        } catch (NoSuchAlgorithmException | CardException e) {
            readers.close();
            throw new IllegalStateException("the MynaSim provider did not give its reader: " + e.getMessage(), e);
        }
    }

    @Override
    CardTerminal terminal() {
        return terminal;
    }

    @Override
    CardControl control() {
        return readers.reader(0);
    }

    @Override
    void closeReader() {
        readers.close();
    }
}

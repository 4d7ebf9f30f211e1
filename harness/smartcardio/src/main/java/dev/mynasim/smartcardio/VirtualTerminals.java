package dev.mynasim.smartcardio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * The readers of one {@link MynaSimReaders}, with {@code waitForChange} as its javadoc says: the first
 * call records the state and waits; later calls return at once if a card went in or out since the
 * previous call. {@code list(CARD_INSERTION)} and {@code list(CARD_REMOVAL)} name the readers whose
 * card came or went by the most recent {@code waitForChange}.
 */
final class VirtualTerminals extends CardTerminals {

    private final MynaSimReaders readers;
    private final List<VirtualTerminal> terminals = new ArrayList<>();
    // guarded by readers.events()
    private Map<VirtualReader, Long> seen;
    private final Map<VirtualReader, Boolean> changedInto = new HashMap<>();

    VirtualTerminals(MynaSimReaders readers) {
        this.readers = readers;
        readers.virtualReaders().forEach(reader -> terminals.add(new VirtualTerminal(reader)));
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        if (state == null) {
            throw new NullPointerException("state");
        }
        synchronized (readers.events()) {
            List<CardTerminal> listed = new ArrayList<>();
            for (VirtualTerminal terminal : terminals) {
                VirtualReader reader = terminal.reader();
                boolean include = switch (state) {
                    case ALL -> true;
                    case CARD_PRESENT -> reader.isCardPresent();
                    case CARD_ABSENT -> !reader.isCardPresent();
                    case CARD_INSERTION -> Boolean.TRUE.equals(changedInto.get(reader));
                    case CARD_REMOVAL -> Boolean.FALSE.equals(changedInto.get(reader));
                };
                if (include) {
                    listed.add(terminal);
                }
            }
            return List.copyOf(listed);
        }
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        Object events = readers.events();
        synchronized (events) {
            if (seen == null) {
                seen = snapshot();
            }
            boolean changed = Waiting.until(events, timeout, () -> !snapshot().equals(seen));
            changedInto.clear();
            if (changed) {
                Map<VirtualReader, Long> now = snapshot();
                now.forEach((reader, count) -> {
                    if (!count.equals(seen.get(reader))) {
                        changedInto.put(reader, reader.isCardPresent());
                    }
                });
                seen = now;
            }
            return changed;
        }
    }

    private Map<VirtualReader, Long> snapshot() {
        Map<VirtualReader, Long> counts = new HashMap<>();
        terminals.forEach(terminal -> counts.put(terminal.reader(), terminal.reader().changes()));
        return counts;
    }
}

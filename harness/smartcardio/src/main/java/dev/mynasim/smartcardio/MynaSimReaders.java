package dev.mynasim.smartcardio;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.backend.SimBackend;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.LatencyProfile;
import java.security.InvalidParameterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Virtual readers, each holding a freshly issued card of a persona: the parameter of
 * {@code TerminalFactory.getInstance("MynaSim", readers)}. Keep it to reach each reader's
 * {@link CardControl} (remove, insert, faults, latency). Readers are named
 * {@code "MynaSim Virtual Reader 00"}, {@code "... 01"}, in the order they were added.
 *
 * <p>Each {@code MynaSimReaders} issues its own cards: nothing a test does to one (a spent PIN try, a
 * lock-out) is seen by another. {@link #close()} stops the readers' threads.
 */
public final class MynaSimReaders implements AutoCloseable {

    /** System property read when the factory is given {@code null}: persona ids, comma-separated. */
    public static final String READERS_PROPERTY = "mynasim.readers";
    /** The prefix of every reader name; the reader's two-digit index follows. */
    public static final String READER_NAME_PREFIX = "MynaSim Virtual Reader ";

    private final Object events = new Object();
    private final List<VirtualReader> readers;

    private MynaSimReaders(Builder builder) {
        List<VirtualReader> built = new ArrayList<>();
        Fixtures fixtures = Fixtures.get();
        try {
            for (Slot slot : builder.slots) {
                Persona persona = fixtures.personas().byId(slot.personaId());
                VirtualCard card = VirtualCards.issue(persona, fixtures.pki(), slot.profile());
                ControlledCard controls = ControlledCard.wrap(card, builder.latency);
                String name = READER_NAME_PREFIX + String.format("%02d", built.size());
                built.add(new VirtualReader(name, persona, controls, builder.readerTimeout, events));
            }
        } catch (RuntimeException e) {
            built.forEach(VirtualReader::close); // an unknown persona: stop the readers already made
            throw e;
        }
        this.readers = List.copyOf(built);
    }

    /** One reader per persona id, each with a contact card, in this order. */
    public static MynaSimReaders of(String... personaIds) {
        Builder builder = builder();
        Arrays.stream(personaIds).forEach(builder::reader);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every reader's controls, in reader-name order. */
    public List<CardControl> readers() {
        return List.copyOf(readers);
    }

    /** The controls of reader {@code index} (0 is {@code "MynaSim Virtual Reader 00"}). */
    public CardControl reader(int index) {
        if (index < 0 || index >= readers.size()) {
            throw new IndexOutOfBoundsException("there are " + readers.size() + " MynaSim readers; no reader " + index);
        }
        return readers.get(index);
    }

    /** The controls of the reader with this name. */
    public CardControl reader(String readerName) {
        return readers.stream().filter(reader -> reader.readerName().equals(readerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no MynaSim reader named \"" + readerName + "\"; readers: "
                        + readers.stream().map(VirtualReader::readerName).toList()));
    }

    @Override
    public void close() {
        readers.forEach(VirtualReader::close);
    }

    Object events() {
        return events;
    }

    List<VirtualReader> virtualReaders() {
        return readers;
    }

    /** What {@code TerminalFactory.getInstance("MynaSim", parameter)} accepts. */
    static MynaSimReaders fromParameter(Object parameter) {
        if (parameter instanceof MynaSimReaders readers) {
            return readers;
        }
        if (parameter == null) {
            String configured = System.getProperty(READERS_PROPERTY);
            return configured == null ? of(Fixtures.get().personas().defaultPersona().id()) : parse(configured);
        }
        if (parameter instanceof String list) {
            return parse(list);
        }
        throw new InvalidParameterException("TerminalFactory \"MynaSim\" takes a MynaSimReaders, a comma-separated list"
                + " of persona ids, or null; not a " + parameter.getClass().getName());
    }

    private static MynaSimReaders parse(String personaIds) {
        String[] ids = Arrays.stream(personaIds.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toArray(String[]::new);
        if (ids.length == 0) {
            throw new InvalidParameterException("no persona ids in \"" + personaIds + "\" (expected e.g. hanako,taro)");
        }
        return of(ids);
    }

    private record Slot(String personaId, CardProfile profile) {
    }

    /** Readers one by one, and what all of them share (latency, reader timeout). */
    public static final class Builder {
        private final List<Slot> slots = new ArrayList<>();
        private LatencyProfile latency = LatencyProfile.NONE;
        private Duration readerTimeout = SimBackend.DEFAULT_READER_TIMEOUT;

        private Builder() {
        }

        /** A reader with the persona's contact card. */
        public Builder reader(String personaId) {
            return reader(personaId, CardProfile.CONTACT);
        }

        /** A reader with the persona's card presenting itself as {@code profile} (ATR, contact or contactless). */
        public Builder reader(String personaId, CardProfile profile) {
            slots.add(new Slot(Objects.requireNonNull(personaId, "personaId"), Objects.requireNonNull(profile, "profile")));
            return this;
        }

        /** How long every card takes per command from the start (default none); each reader can change it later. */
        public Builder latency(LatencyProfile latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** How long a reader waits for an answer before the transmit fails (default 5 s). */
        public Builder readerTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a reader timeout must be positive: " + timeout);
            }
            this.readerTimeout = timeout;
            return this;
        }

        public MynaSimReaders build() {
            if (slots.isEmpty()) {
                throw new IllegalStateException("add at least one reader");
            }
            return new MynaSimReaders(this);
        }
    }
}

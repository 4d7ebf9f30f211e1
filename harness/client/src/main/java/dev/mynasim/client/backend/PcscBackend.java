package dev.mynasim.client.backend;

import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.client.transport.TransportException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.CardTerminal;

/**
 * Any PC/SC reader, chosen by name, fragment or index: a physical card, or a MynaSim card served elsewhere.
 *
 * <p>A reader holds one card, so it is a shared resource: a backend opened by name holds the reader from
 * its opening to its {@link #close}, and a second one for the same reader waits meanwhile. Scenarios run in
 * parallel (by {@code check --threads} or the JUnit Platform) therefore take their turns on a physical reader
 * instead of interleaving their commands on one card.
 */
public final class PcscBackend implements Backend {

    /** How long a backend waits for another user of the same reader to finish. */
    private static final Duration TURN_TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, Semaphore> READERS = new ConcurrentHashMap<>();

    private final PcscTransport transport;
    private final Optional<Semaphore> turn;
    private final AtomicBoolean closed = new AtomicBoolean();

    public PcscBackend(String readerSpec) {
        CardTerminal terminal = PcscReaders.choose(readerSpec);
        Semaphore reader = READERS.computeIfAbsent(terminal.getName(), name -> new Semaphore(1, true));
        awaitTurn(reader, terminal.getName());
        try {
            this.transport = PcscTransport.open(readerSpec, terminal);
        } catch (RuntimeException e) {
            reader.release();
            throw e;
        }
        this.turn = Optional.of(reader);
    }

    /** A reader whose turns its owner keeps (a vpcd slot, leased by {@link VpcdSlots}). */
    PcscBackend(PcscTransport transport) {
        this.transport = transport;
        this.turn = Optional.empty();
    }

    private static void awaitTurn(Semaphore reader, String name) {
        try {
            if (!reader.tryAcquire(TURN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TransportException("the reader \"" + name + "\" stayed in use by another scenario of this run for "
                        + TURN_TIMEOUT.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the reader \"" + name + "\"", e);
        }
    }

    PcscTransport pcscTransport() {
        return transport;
    }

    @Override
    public String name() {
        return "pcsc (" + transport.readerName() + ")";
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public byte[] atr() {
        return transport.atr();
    }

    @Override
    public String protocol() {
        return transport.protocol();
    }

    @Override
    public void reset() {
        transport.reset();
    }

    /** Nobody can pull a card out of a real reader on command. */
    @Override
    public Optional<CardHands> hands() {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                transport.close();
            } finally {
                turn.ifPresent(Semaphore::release);
            }
        }
    }
}

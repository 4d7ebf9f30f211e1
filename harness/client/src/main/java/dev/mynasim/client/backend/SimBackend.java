package dev.mynasim.client.backend;

import dev.mynasim.client.transport.Transport;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.SimulatedCard;
import dev.mynasim.simulator.fault.CardRemovedException;
import dev.mynasim.simulator.fault.ControlledCard;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The in-process backend: a simulated card held in this JVM, behind a minimal reader that, like a
 * real one, waits only so long for an answer ({@link #setReaderTimeout}) and reports a card that left
 * during a command as a {@link TransportException}.
 */
public final class SimBackend implements Backend, CardHands {

    /** Longer than any latency profile's signature; short enough that a mute card fails a run quickly. */
    public static final Duration DEFAULT_READER_TIMEOUT = Duration.ofSeconds(5);

    private final SimulatedCard card;
    private final Optional<ControlledCard> controls;
    private final ExecutorService contacts = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mynasim-sim-reader");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean present = true;
    private volatile Duration readerTimeout = DEFAULT_READER_TIMEOUT;

    public SimBackend(SimulatedCard card) {
        this.card = card;
        this.controls = Optional.empty();
        card.powerOn();
    }

    /** A card with simulator controls; a fault that takes the card out of the reader empties this reader. */
    public SimBackend(ControlledCard controlled) {
        this.card = controlled.card();
        this.controls = Optional.of(controlled);
        controlled.faults().onRemoval(() -> present = false);
        card.powerOn();
    }

    public SimulatedCard card() {
        return card;
    }

    @Override
    public Optional<ControlledCard> controls() {
        return controls;
    }

    /** How long this reader waits for the card's answer before it reports a timeout. */
    public void setReaderTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a reader timeout must be positive: " + timeout);
        }
        this.readerTimeout = timeout;
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public Transport transport() {
        return this::transmit;
    }

    private byte[] transmit(byte[] command) {
        if (!present) {
            throw new TransportException("the card was removed from the reader");
        }
        Future<byte[]> answer = contacts.submit(() -> card.transmit(command));
        try {
            return answer.get(readerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TransportException("the card did not answer within the reader's timeout of "
                    + readerTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CardRemovedException removed) {
                throw new TransportException("no response: " + removed.getMessage(), removed);
            }
            throw new IllegalStateException("the simulated card failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the card", e);
        }
    }

    @Override
    public byte[] atr() {
        if (!present) {
            throw new TransportException("no card in the reader");
        }
        return card.atr();
    }

    /** No reader in between: the card is reached at APDU level, as if over T=1 (all contact ATRs offer only T=1). */
    @Override
    public String protocol() {
        return "T=1";
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public Optional<CardHands> hands() {
        return Optional.of(this);
    }

    @Override
    public void remove() {
        present = false;
        card.powerOff();
    }

    @Override
    public void insert() {
        card.powerOn();
        present = true;
    }

    @Override
    public boolean isPresent() {
        return present;
    }

    @Override
    public void close() {
        card.powerOff();
        contacts.shutdownNow();
    }
}

package dev.mynasim.client.guard;

import dev.mynasim.client.backend.Backend;
import dev.mynasim.client.backend.CardHands;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.simulator.fault.ControlledCard;
import java.util.Optional;

/**
 * A backend whose card has been identified and whose transport is wrapped in the {@link LastTryGuard}.
 * {@code Backends.open} returns only these, so every path to a card (steps, raw APDU steps, replay)
 * goes through the guard.
 */
public final class GuardedBackend implements Backend {

    private final Backend raw;
    private final CardKind kind;
    private final boolean destructiveAllowed;
    private final LastTryGuard transport;

    private GuardedBackend(Backend raw, CardKind kind, boolean destructiveAllowed) {
        this.raw = raw;
        this.kind = kind;
        this.destructiveAllowed = destructiveAllowed;
        this.transport = new LastTryGuard(raw.transport(), kind, destructiveAllowed);
    }

    /**
     * Identifies the card in {@code raw} (marker command) and guards it; closes {@code raw} if that fails.
     * The identification selected the JPKI application, so the card is reset afterwards: a scenario
     * starts from the power-on state (MF level), as a freshly inserted card would.
     */
    public static GuardedBackend protect(Backend raw, boolean destructiveAllowed) {
        try {
            CardKind kind = CardIdentification.identify(raw.transport());
            raw.reset();
            return new GuardedBackend(raw, kind, destructiveAllowed);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    public CardKind kind() {
        return kind;
    }

    public boolean destructiveAllowed() {
        return destructiveAllowed;
    }

    /**
     * Refuses (as a skip) a run that may lock, change or reset a PIN, unless the card is virtual or
     * destructive runs were allowed with {@code --allow-destructive}.
     */
    public void refuseDestructiveRun(String what) {
        if (!kind.isVirtual() && !destructiveAllowed) {
            throw new GuardRefusal(what + " may lock, change or reset a PIN, and the card in " + raw.name() + " is "
                    + kind.description() + "; add --allow-destructive to run it anyway (the last try is never spent)");
        }
    }

    /** The raw backend, for simulator controls (faults, latency); its transport must not be used directly. */
    public Backend unguarded() {
        return raw;
    }

    @Override
    public String name() {
        return raw.name();
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public byte[] atr() {
        return raw.atr();
    }

    @Override
    public String protocol() {
        return raw.protocol();
    }

    @Override
    public void reset() {
        raw.reset();
    }

    @Override
    public Optional<CardHands> hands() {
        return raw.hands();
    }

    @Override
    public Optional<ControlledCard> controls() {
        return raw.controls();
    }

    @Override
    public void close() {
        raw.close();
    }
}

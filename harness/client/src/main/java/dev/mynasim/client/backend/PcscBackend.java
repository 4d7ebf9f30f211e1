package dev.mynasim.client.backend;

import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.Transport;
import java.util.Optional;

/** Any PC/SC reader, chosen by name, fragment or index: a physical card, or a MynaSim card served elsewhere. */
public final class PcscBackend implements Backend {

    private final PcscTransport transport;

    public PcscBackend(String readerSpec) {
        this(PcscTransport.open(readerSpec));
    }

    PcscBackend(PcscTransport transport) {
        this.transport = transport;
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
        transport.close();
    }
}

package dev.mynasim.client.transport;

/**
 * The one way the harness talks to a card: a command APDU in, the response APDU (data + SW1 SW2) out.
 * Every backend (in-process simulator, vpcd, any PC/SC reader) implements it, and every decorator
 * (trace, GET RESPONSE handling, ...) wraps it, in the style of apdu4j's BIBO.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Sends one command APDU and returns the complete response APDU, status word included.
     *
     * @throws TransportException when no response could be had (card removed, reader gone, ...)
     */
    byte[] transceive(byte[] command) throws TransportException;
}

package dev.mynasim.client.transport;

/** Decorator: records every exchange, with its duration, into an {@link ApduTrace} (secrets masked). */
public final class TracingTransport implements Transport {

    private final Transport inner;
    private final ApduTrace trace;

    public TracingTransport(Transport inner, ApduTrace trace) {
        this.inner = inner;
        this.trace = trace;
    }

    @Override
    public byte[] transceive(byte[] command) {
        long start = System.nanoTime();
        try {
            byte[] response = inner.transceive(command);
            trace.record(command, response, (System.nanoTime() - start) / 1000);
            return response;
        } catch (TransportException e) {
            trace.recordFailure(command, e.getMessage(), (System.nanoTime() - start) / 1000);
            throw e;
        }
    }
}

package dev.mynasim.client.pcsc;

import dev.mynasim.client.transport.TransportException;

import java.util.List;

/** A reader spec matched no reader, or more than one. The message lists the readers that exist. */
public class ReaderNotFoundException extends TransportException {

    private static final long serialVersionUID = 1L;

    private final List<String> readers;

    public ReaderNotFoundException(String message, List<String> readers) {
        super(message);
        this.readers = List.copyOf(readers);
    }

    /** The readers pcscd had when the spec was tried. */
    public List<String> readers() {
        return readers;
    }
}

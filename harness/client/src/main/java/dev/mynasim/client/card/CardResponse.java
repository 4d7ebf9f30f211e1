package dev.mynasim.client.card;

import dev.mynasim.client.transport.Apdus;

/** A response APDU split into its data and status word. */
public record CardResponse(byte[] data, int sw) {

    public static CardResponse of(byte[] response) {
        return new CardResponse(Apdus.data(response), Apdus.sw(response));
    }

    public boolean ok() {
        return sw == 0x9000;
    }

    /** The data, or a {@link StatusWordException} naming the operation when the SW is not 9000. */
    public byte[] require(String operation) {
        if (!ok()) {
            throw new StatusWordException(operation, sw);
        }
        return data;
    }
}

package dev.mynasim.client.card;

import dev.mynasim.client.transport.Apdus;
import java.util.Arrays;

/**
 * A response APDU split into its data and status word. A value class (copies in and out, equal by
 * content) rather than a record, whose byte[] component would compare by identity; its string gives
 * the status word and the data's length, never the data.
 */
public final class CardResponse {

    private final byte[] data;
    private final int sw;

    public CardResponse(byte[] data, int sw) {
        this.data = data.clone();
        this.sw = sw;
    }

    public static CardResponse of(byte[] response) {
        return new CardResponse(Apdus.data(response), Apdus.sw(response));
    }

    public byte[] data() {
        return data.clone();
    }

    public int sw() {
        return sw;
    }

    public boolean ok() {
        return sw == 0x9000;
    }

    /** The data, or a {@link StatusWordException} naming the operation when the SW is not 9000. */
    public byte[] require(String operation) {
        if (!ok()) {
            throw new StatusWordException(operation, sw);
        }
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardResponse that && sw == that.sw && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sw;
    }

    @Override
    public String toString() {
        return String.format("CardResponse[%d data bytes, SW %04X]", data.length, sw);
    }
}

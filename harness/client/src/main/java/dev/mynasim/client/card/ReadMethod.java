package dev.mynasim.client.card;

/** How a client reads a whole EF; real clients use all three (docs/card-reference.md §2.6). */
public enum ReadMethod {
    /** OpenSC: read 4 bytes, size = (b[2] << 8 | b[3]) + 4 (assumes a {@code 30 82 LL LL} header), then 256-byte chunks. */
    FOUR_BYTE_HEADER,
    /** jpki/myna: read 7 bytes, BER-parse the length, then chunks from offset 7. */
    SEVEN_BYTE_HEADER,
    /** tex2e, C3: read the 4-byte header, then the rest in one extended-Le READ BINARY. */
    EXTENDED
}

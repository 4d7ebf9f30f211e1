package com.example.reader;

import javax.smartcardio.CardException;

/** The card refused the PIN: {@code 63Cx} (x tries left) or {@code 6983}/{@code 6984} (locked). */
public final class PinRefusedException extends CardException {
    private static final long serialVersionUID = 1L;
    private final int statusWord;

    public PinRefusedException(int statusWord) {
        super("PIN refused: SW " + Integer.toHexString(statusWord).toUpperCase());
        this.statusWord = statusWord;
    }

    public int statusWord() {
        return statusWord;
    }

    /** Tries left, or 0 when the PIN is locked. */
    public int triesLeft() {
        return (statusWord & 0xFFF0) == 0x63C0 ? statusWord & 0x0F : 0;
    }
}

package dev.mynasim.world.kiosk;

import java.util.Arrays;

/**
 * A PIN as typed on the kiosk's keypad. It never shows its digits in {@link #toString()}, and the
 * kiosk wipes it once the card has answered.
 */
public final class EnteredPin {

    private final char[] digits;

    private EnteredPin(char[] digits) {
        this.digits = digits.clone();
    }

    public static EnteredPin of(char[] typed) {
        return new EnteredPin(typed);
    }

    public static EnteredPin of(String typed) {
        return new EnteredPin(typed.toCharArray());
    }

    /** Four ASCII digits, what the user-proof PIN always is. */
    public boolean isFourDigits() {
        if (digits.length != 4) {
            return false;
        }
        for (char c : digits) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digits, for the VERIFY command only. */
    String reveal() {
        return new String(digits);
    }

    void wipe() {
        Arrays.fill(digits, '\0');
    }

    @Override
    public String toString() {
        return "EnteredPin[****]";
    }
}

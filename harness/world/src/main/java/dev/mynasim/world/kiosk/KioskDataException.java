package dev.mynasim.world.kiosk;

/** A kiosk data file is missing or wrong; the message names the file and the field. */
public final class KioskDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KioskDataException(String message) {
        super(message);
    }

    public KioskDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

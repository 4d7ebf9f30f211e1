package dev.mynasim.world.relyingparty;

/** The revocation status could not be had or trusted (HTTP failure, bad signature, stale or wrong answer). */
public class RevocationCheckException extends Exception {

    private static final long serialVersionUID = 1L;

    public RevocationCheckException(String message) {
        super(message);
    }

    public RevocationCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}

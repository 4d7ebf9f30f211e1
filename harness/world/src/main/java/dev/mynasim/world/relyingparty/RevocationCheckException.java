package dev.mynasim.world.relyingparty;

/** The revocation status could not be had or trusted (HTTP failure, bad signature, stale or wrong answer). */
public class RevocationCheckException extends Exception {

    public RevocationCheckException(String message) {
        super(message);
    }

    public RevocationCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}

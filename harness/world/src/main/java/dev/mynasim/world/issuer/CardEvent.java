package dev.mynasim.world.issuer;

/**
 * The events of a card's life after issue (docs/lifecycle.md), each one office or call-centre
 * operation with its CLI verb. The office ledger keeps one entry per event.
 */
public enum CardEvent {
    CERTIFICATE_RENEWAL("renewal of the certificates", "office renew"),
    CARD_RENEWAL("renewal of the card at its expiry", "office renew-card"),
    REISSUE("reissue of the My Number Card", "office reissue"),
    ADDRESS_CHANGE("change of address", "office change-address"),
    NAME_CHANGE("change of name", "office change-name"),
    FIRST_SIGNATURE_CERTIFICATE("first signature certificate", "office first-signature"),
    STAY_EXTENSION("extension of the period of stay", "office extend-stay"),
    PIN_RESET("PIN reset", "office reset-pin"),
    LOSS_REPORTED("loss reported to the call centre", "callcenter suspend"),
    CARD_FOUND("card found", "office card-found"),
    LOSS_CONFIRMED("loss confirmed at the office", "office confirm-loss");

    private final String words;
    private final String verb;

    CardEvent(String words, String verb) {
        this.words = words;
        this.verb = verb;
    }

    /** How a person says it, e.g. "reissue of the My Number Card". */
    public String words() {
        return words;
    }

    /** The command that performs it, e.g. "office reissue". */
    public String verb() {
        return verb;
    }
}

package dev.mynasim.client.guard;

/** What the card in the reader is, as far as the harness may risk it (see {@link CardIdentification}). */
public enum CardKind {
    /** A MynaSim virtual card: the harness may lock it, change it and throw it away. */
    VIRTUAL_MYNASIM("a MynaSim virtual card"),
    /** The MynaSim applet on a physical Java Card: ours, but a locked PIN cannot be undone by a new issue. */
    PHYSICAL_MYNASIM("a MynaSim applet on a physical Java Card"),
    /** Anything else, above all a real My Number Card: nothing may lock or change it. */
    OTHER("not a MynaSim card (a real My Number Card or another card)");

    private final String description;

    CardKind(String description) {
        this.description = description;
    }

    public boolean isVirtual() {
        return this == VIRTUAL_MYNASIM;
    }

    public String description() {
        return description;
    }
}

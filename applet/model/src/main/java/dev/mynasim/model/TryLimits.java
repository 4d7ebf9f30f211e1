package dev.mynasim.model;

/** Try limits that are a choice rather than a documented fact (docs/card-choices.md). */
public final class TryLimits {

    /**
     * Try limit of 照合番号A/B and of the surface AP's birth-date key: UNCONFIRMED on a real card
     * (docs/card-reference.md §3; one vendor guide says 10 for 照合番号B). The one place the choice
     * is made; -Dmynasim.card.codeTries=N overrides it (1..15).
     */
    public static final int VERIFICATION_CODES = Integer.getInteger("mynasim.card.codeTries", 10);

    private TryLimits() {
    }
}

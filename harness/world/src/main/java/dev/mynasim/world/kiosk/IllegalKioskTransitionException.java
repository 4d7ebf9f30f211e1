package dev.mynasim.world.kiosk;

/** An action the kiosk's current screen does not offer, e.g. paying before the confirmation. */
public final class IllegalKioskTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public IllegalKioskTransitionException(KioskStep current, String action, KioskStep offeredAt) {
        super("the kiosk is at " + current + "; '" + action + "' is offered at " + offeredAt);
    }

    public IllegalKioskTransitionException(KioskStep current, String action, String why) {
        super("the kiosk is at " + current + "; cannot " + action + ": " + why);
    }
}

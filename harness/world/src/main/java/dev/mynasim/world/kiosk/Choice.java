package dev.mynasim.world.kiosk;

/** One option on a kiosk screen, in Japanese (as printed) and English. */
public record Choice(String ja, String en) {

    @Override
    public String toString() {
        return ja + " (" + en + ")";
    }
}

package dev.mynasim.world.kiosk;

/** A municipality whose certificates the kiosk issues, by its 5-digit 全国地方公共団体コード. */
public record Municipality(String code, String ja, String en) {

    @Override
    public String toString() {
        return ja + " (" + en + ")";
    }
}

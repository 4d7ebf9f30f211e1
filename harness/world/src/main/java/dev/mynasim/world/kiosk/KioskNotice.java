package dev.mynasim.world.kiosk;

import java.util.List;

/** A message on the kiosk's screen with its arguments filled in. */
public record KioskNotice(KioskMessage message, List<Object> args) {

    public static KioskNotice of(KioskMessage message, Object... args) {
        return new KioskNotice(message, List.of(args));
    }

    public String ja() {
        return message.ja(args.toArray());
    }

    public String en() {
        return message.en(args.toArray());
    }

    /** Whether the screen shows {@code text} in either language. */
    public boolean shows(String text) {
        return ja().contains(text) || en().contains(text);
    }

    @Override
    public String toString() {
        return ja() + " / " + en();
    }
}

package dev.mynasim.simulator.state;

import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.ApplicationImage.PinImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistent mutable state of a virtual card, as {@code VirtualCard.exportState()} produces it:
 * for each application {@code AID length, AID, length (2), PIN records}, each PIN record being
 * {@code FID (2), limit, tries left, length, value} (docs/personalisation.md). Restoring a card is
 * personalising it again with these PINs in place of the persona's.
 */
public final class CardState {

    private final Map<String, List<PinImage>> pinsByAid;

    private CardState(Map<String, List<PinImage>> pinsByAid) {
        this.pinsByAid = pinsByAid;
    }

    /** Parses an exported state; a malformed one is refused with the offset where it breaks. */
    public static CardState decode(byte[] state) {
        Map<String, List<PinImage>> pins = new LinkedHashMap<>();
        int at = 0;
        while (at < state.length) {
            int aidLength = state[at] & 0xFF;
            need(state, at + 1, aidLength + 2, "application identifier");
            String aid = HexFormat.of().withUpperCase().formatHex(state, at + 1, at + 1 + aidLength);
            at += 1 + aidLength;
            int length = ((state[at] & 0xFF) << 8) | (state[at + 1] & 0xFF);
            at += 2;
            need(state, at, length, "PIN records of " + aid);
            int end = at + length;
            List<PinImage> records = new ArrayList<>();
            while (at < end) {
                need(state, at, 5, "PIN record header");
                int fid = ((state[at] & 0xFF) << 8) | (state[at + 1] & 0xFF);
                int limit = state[at + 2] & 0xFF;
                int left = state[at + 3] & 0xFF;
                int valueLength = state[at + 4] & 0xFF;
                need(state, at + 5, valueLength, "PIN value");
                if (left > limit || valueLength > 16) {
                    throw new IllegalArgumentException("card state: PIN " + String.format("%04X", fid)
                            + " has an impossible counter or length at offset " + at);
                }
                records.add(new PinImage(fid, Arrays.copyOfRange(state, at + 5, at + 5 + valueLength), limit, left));
                at += 5 + valueLength;
            }
            if (at != end) {
                throw new IllegalArgumentException("card state: PIN records of " + aid + " overrun their length");
            }
            pins.put(aid, records);
        }
        return new CardState(pins);
    }

    private static void need(byte[] state, int offset, int count, String what) {
        if (offset < 0 || count < 0 || offset + count > state.length) {
            throw new IllegalArgumentException("card state is truncated in the " + what + " at offset " + offset);
        }
    }

    /** The saved PINs of one application; empty when the state has none for it. */
    public List<PinImage> pins(byte[] aid) {
        return pinsByAid.getOrDefault(HexFormat.of().withUpperCase().formatHex(aid), List.of());
    }

    /** Replaces the image's PINs by the saved ones (value, limit and tries left). */
    public void applyTo(ApplicationImage image) {
        for (PinImage saved : pins(image.aid())) {
            image.pin(saved.fid(), saved.value(), saved.maxTries(), saved.triesLeft());
        }
    }

    /** Tries left per PIN FID for one application, for status displays (no values). */
    public Map<Integer, Integer> triesLeft(byte[] aid) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (PinImage pin : pins(aid)) {
            out.put(pin.fid(), pin.triesLeft());
        }
        return out;
    }

    @Override
    public String toString() {
        return "CardState" + pinsByAid.keySet() + " (PIN values masked)";
    }
}

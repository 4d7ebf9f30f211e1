package dev.mynasim.tools.fuzz;

import dev.mynasim.model.CardApplication;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.issuer.ApplicationImage.PinImage;
import dev.mynasim.simulator.state.CardState;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** One fresh card driven through a list of steps, every invariant checked after every APDU. */
final class Episode {

    private final VirtualCard card;
    private final FuzzTarget target;
    private final KeyMaterial keys;
    private final PinRules rules;
    private final FuzzStats stats;
    private byte[] state;
    private int apdus;
    private int stepIndex;

    Episode(VirtualCard card, FuzzTarget target, KeyMaterial keys, PinRules rules, FuzzStats stats) {
        this.card = card;
        this.target = target;
        this.keys = keys;
        this.rules = rules;
        this.stats = stats;
        this.state = card.exportState();
    }

    int apdus() {
        return apdus;
    }

    /** Runs the steps; the first violation, or null. */
    Violation run(List<Step> steps) {
        for (stepIndex = 0; stepIndex < steps.size(); stepIndex++) {
            Violation violation = run(steps.get(stepIndex));
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    Violation run(Step step) {
        if (step instanceof Step.Send send) {
            return send(send.apdu()).violation;
        }
        if (step instanceof Step.Reset) {
            card.reset();
            return null;
        }
        if (step instanceof Step.PowerCycle) {
            card.powerOff();
            card.powerOn();
            return null;
        }
        if (target.isMasterFile()) {
            return null; // nothing PIN-protected at the MF level
        }
        Result selected = send(target.select());
        if (selected.violation != null || selected.sw != 0x9000) {
            return selected.violation;
        }
        if (step instanceof Step.Unlock) {
            PinImage pin = currentPin(target.unlockPin());
            if (pin == null || pin.triesLeft() == 0) {
                return null;
            }
            if (isJpki()) {
                Result ef = send(new byte[] {0, (byte) 0xA4, 2, 0x0C, 2, (byte) (pin.fid() >> 8), (byte) pin.fid()});
                if (ef.violation != null) {
                    return ef.violation;
                }
                return send(verify(0x80, pin.value())).violation;
            }
            return send(verify(0x80 | (pin.fid() & 0x1F), pin.value())).violation;
        }
        // Probe: right after the DF SELECT above, the protected operation must be refused.
        List<byte[]> probe = target.probe();
        Result last = null;
        for (byte[] command : probe) {
            byte[] apdu = command;
            if (command.length == 5 && command[1] == 0x32) {
                PinImage pin = currentPin(target.unlockPin());
                apdu = Arrays.copyOf(command, 5 + pin.value().length);
                apdu[4] = (byte) pin.value().length;
                System.arraycopy(pin.value(), 0, apdu, 5, pin.value().length);
            }
            last = send(apdu);
            if (last.violation != null) {
                return last.violation;
            }
        }
        if (last != null && last.sw != 0x6982) {
            return new Violation(Violation.Kind.SECURITY_STATE_SURVIVED, target.name() + ": the protected operation answered "
                    + String.format("%04X", last.sw) + " right after a DF SELECT, not 6982", stepIndex);
        }
        return null;
    }

    private boolean isJpki() {
        return Arrays.equals(target.aid(), CardApplication.JPKI.aid());
    }

    private static byte[] verify(int p2, byte[] value) {
        return ApduGenerator.apdu(0x00, 0x20, 0x00, p2, value, -1);
    }

    private PinImage currentPin(int fid) {
        for (PinImage pin : CardState.decode(state).pins(target.aid())) {
            if (pin.fid() == fid) {
                return pin;
            }
        }
        return null;
    }

    private record Result(int sw, Violation violation) {
    }

    private Result send(byte[] command) {
        apdus++;
        byte[] response;
        try {
            response = card.transmit(command);
        } catch (Throwable e) {
            return new Result(-1, new Violation(Violation.Kind.CRASH, "the simulator threw " + e.getClass().getName(), stepIndex));
        }
        if (response == null || response.length < 2) {
            return new Result(-1, new Violation(Violation.Kind.INVALID_STATUS_WORD, "a response without a status word", stepIndex));
        }
        int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        if (stats != null) {
            stats.count(target, sw);
        }
        if (sw == 0x6F00) {
            return new Result(sw, new Violation(Violation.Kind.CRASH, "6F00 (an exception inside the simulated card)", stepIndex));
        }
        if (!isValidStatusWord(sw)) {
            return new Result(sw, new Violation(Violation.Kind.INVALID_STATUS_WORD, "status word " + String.format("%04X", sw), stepIndex));
        }
        String leak = keys.leakIn(response);
        if (leak != null) {
            return new Result(sw, new Violation(Violation.Kind.KEY_LEAK, "the response holds a run of " + leak, stepIndex));
        }
        byte[] after = card.exportState();
        if (!Arrays.equals(after, state)) {
            String broken = comparePins(state, after, command, sw);
            state = after;
            if (broken != null) {
                return new Result(sw, new Violation(Violation.Kind.PIN_STATE, broken, stepIndex));
            }
        }
        return new Result(sw, null);
    }

    private String comparePins(byte[] before, byte[] after, byte[] command, int sw) {
        CardState was = CardState.decode(before);
        CardState now = CardState.decode(after);
        for (byte[] aid : card.applicationIds()) {
            List<PinImage> old = was.pins(aid);
            List<PinImage> fresh = now.pins(aid);
            if (old.size() != fresh.size()) {
                return "application " + HexFormat.of().withUpperCase().formatHex(aid) + " lost or gained a PIN";
            }
            for (int i = 0; i < old.size(); i++) {
                String broken = rules.check(aid, old.get(i), fresh.get(i), command, sw);
                if (broken != null) {
                    return broken;
                }
            }
        }
        return null;
    }

    /** 9000, or SW1 61 to 6E: the ISO 7816-4 classes (6F00 is excluded separately as a crash). */
    static boolean isValidStatusWord(int sw) {
        int sw1 = sw >> 8;
        return sw == 0x9000 || (sw1 >= 0x61 && sw1 <= 0x6E);
    }
}

package dev.mynasim.client.guard;

import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.Transport;

/**
 * Decorator that keeps a card that is not a MynaSim virtual card safe, whatever the caller sends:
 * <ul>
 * <li>a command that changes a PIN (CHANGE REFERENCE DATA, RESET RETRY COUNTER, the issuer's SET PIN
 * and CHANGE KEY) is refused unless destructive runs were explicitly allowed;</li>
 * <li>before every command that can spend a try (VERIFY with data, CHANGE or RESET RETRY COUNTER in
 * their verifying forms) it reads the tries left with an empty VERIFY of the same reference, and
 * refuses when a failure could spend the last try (1 or 0 left) or the count cannot be read.</li>
 * </ul>
 * On a virtual card it passes everything through. A refusal is a {@link GuardRefusal} (a skip).
 */
public final class LastTryGuard implements Transport {

    private static final int INS_VERIFY = 0x20;
    private static final int INS_CHANGE_REFERENCE_DATA = 0x24;
    private static final int INS_RESET_RETRY_COUNTER = 0x2C;
    private static final int INS_ISSUER_SET_PIN = 0xDA;
    private static final int INS_JICSAP_CHANGE_KEY = 0x32;

    private final Transport inner;
    private final CardKind kind;
    private final boolean destructiveAllowed;

    public LastTryGuard(Transport inner, CardKind kind, boolean destructiveAllowed) {
        this.inner = inner;
        this.kind = kind;
        this.destructiveAllowed = destructiveAllowed;
    }

    public CardKind kind() {
        return kind;
    }

    @Override
    public byte[] transceive(byte[] command) {
        if (kind.isVirtual() || command.length < 4) {
            return inner.transceive(command);
        }
        if (changesAPin(command) && !destructiveAllowed) {
            throw new GuardRefusal(String.format("refused %s: it changes a PIN, and the card is %s;"
                    + " run with --allow-destructive only on a card you may lose", name(command), kind.description()));
        }
        if (canSpendATry(command)) {
            int tries = triesLeft(command);
            if (tries <= 1) {
                throw new GuardRefusal(String.format("refused %s: the card (%s) has %s, and a failed attempt could"
                        + " spend the last one; MynaSim never risks that on a card that is not virtual",
                        name(command), kind.description(), tries < 0 ? "a try count the guard cannot read" : tries + " try left"));
            }
        }
        return inner.transceive(command);
    }

    /** Tries left on the PIN the command references (empty VERIFY, same CLA and P2); -1 when unknown. */
    private int triesLeft(byte[] command) {
        byte[] query = {command[0], INS_VERIFY, 0x00, command[3]};
        int sw = Apdus.sw(inner.transceive(query));
        if ((sw & 0xFFF0) == 0x63C0) {
            return sw & 0x0F;
        }
        if (sw == 0x6983 || sw == 0x6984) {
            return 0;
        }
        if (sw == 0x9000) {
            // Verified in this session (option 03): a success reset the counter, so it is full.
            return Integer.MAX_VALUE;
        }
        return -1;
    }

    static boolean changesAPin(byte[] command) {
        int ins = command[1] & 0xFF;
        boolean proprietary = (command[0] & 0x80) != 0;
        if (proprietary) {
            return ins == INS_ISSUER_SET_PIN || ins == INS_JICSAP_CHANGE_KEY;
        }
        return ins == INS_CHANGE_REFERENCE_DATA || ins == INS_RESET_RETRY_COUNTER;
    }

    /** VERIFY with data; CHANGE REFERENCE DATA and RESET RETRY COUNTER with P1 00 (they verify the old value or PUK first). */
    static boolean canSpendATry(byte[] command) {
        if ((command[0] & 0x80) != 0) {
            return false;
        }
        int ins = command[1] & 0xFF;
        boolean hasData = command.length > 5;
        return switch (ins) {
            case INS_VERIFY -> hasData;
            case INS_CHANGE_REFERENCE_DATA, INS_RESET_RETRY_COUNTER -> hasData && command[2] == 0x00;
            default -> false;
        };
    }

    private static String name(byte[] command) {
        return String.format("%02X %02X %02X %02X", command[0] & 0xFF, command[1] & 0xFF, command[2] & 0xFF, command[3] & 0xFF);
    }
}

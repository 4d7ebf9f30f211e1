package dev.mynasim.simulator.issuer;

import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.IssuerApdus;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Personalises applications with the issuer commands of docs/personalisation.md, APDU by APDU, so
 * the same sequence works on a physical Java Card. Writes go in short-APDU chunks because not every
 * reader carries extended APDUs. Any status word other than 9000 stops it with the step named.
 */
public final class Personaliser {

    private static final int RSA_COMPONENT_BYTES = 128;

    private final UnaryOperator<byte[]> card;

    /** @param card sends one command APDU, returns the response APDU */
    public Personaliser(UnaryOperator<byte[]> card) {
        this.card = card;
    }

    /** Fills the application and, when {@code lock}, moves it to its operational state. */
    public void personalise(ApplicationImage image, boolean lock) {
        String app = image.label();
        send(CommandApdus.selectApplication(image.aid()), () -> "SELECT " + app);
        for (Map.Entry<Integer, byte[]> option : image.options().entrySet()) {
            send(IssuerApdus.setOption(option.getKey(), option.getValue()),
                    () -> app + ": SET OPTION " + hex2(option.getKey()));
        }
        for (Map.Entry<Integer, byte[]> file : image.files().entrySet()) {
            writeFile(app, file.getKey(), file.getValue(), image.capacityOf(file.getKey()));
        }
        for (ApplicationImage.PinImage pin : image.pins().values()) {
            byte[] value = pin.value();
            byte[] command = IssuerApdus.setPin(pin.fid(), pin.maxTries(), pin.triesLeft(), value);
            Arrays.fill(value, (byte) 0);
            send(command, () -> app + ": SET PIN " + hex4(pin.fid()));
            Arrays.fill(command, (byte) 0);
        }
        for (int reserved : image.reservedKeys()) {
            send(IssuerApdus.reserveKey(reserved), () -> app + ": SET KEY " + hex4(reserved) + " reserved");
        }
        for (ApplicationImage.KeyImage key : image.keys()) {
            byte[][] components = {key.p(), key.q(), key.dp(), key.dq(), key.qInv()};
            for (int i = 0; i < components.length; i++) {
                int component = i + 1;
                send(IssuerApdus.setKeyComponent(key.fid(), component, fixedLength(components[i])),
                        () -> app + ": SET KEY " + hex4(key.fid()) + " component " + component);
            }
        }
        for (Map.Entry<Integer, byte[]> object : image.dataObjects().entrySet()) {
            send(IssuerApdus.setDataObject(object.getKey(), object.getValue()),
                    () -> app + ": SET DATA OBJECT " + hex4(object.getKey()));
        }
        byte[] seed = image.randomSeed();
        if (seed.length > 0) {
            send(IssuerApdus.seedRandom(seed), () -> app + ": SEED RANDOM");
        }
        byte[] issuerKey = image.issuerKey();
        if (issuerKey.length > 0) {
            send(IssuerApdus.setIssuerKey(issuerKey), () -> app + ": SET KEY issuer key");
            Arrays.fill(issuerKey, (byte) 0);
        }
        if (lock) {
            send(IssuerApdus.lock(), () -> app + ": LOCK");
        }
    }

    private void writeFile(String app, int fid, byte[] content, int capacity) {
        send(IssuerApdus.createEf(fid, content.length, capacity), () -> app + ": CREATE EF " + hex4(fid));
        if (content.length == 0) {
            return; // reserved empty: not selectable until the office gives it a length
        }
        send(CommandApdus.selectFile(fid), () -> app + ": SELECT EF " + hex4(fid));
        for (int offset = 0; offset < content.length; offset += IssuerApdus.WRITE_CHUNK) {
            int length = Math.min(IssuerApdus.WRITE_CHUNK, content.length - offset);
            int at = offset;
            send(IssuerApdus.writeBinary(offset, content, offset, length),
                    () -> app + ": WRITE BINARY " + hex4(fid) + " at " + at);
        }
    }

    /** An unsigned big-endian integer as exactly 128 bytes (BigInteger may add or drop a leading zero). */
    static byte[] fixedLength(byte[] unsigned) {
        int start = 0;
        while (start < unsigned.length - 1 && unsigned[start] == 0 && unsigned.length - start > RSA_COMPONENT_BYTES) {
            start++;
        }
        int length = unsigned.length - start;
        if (length > RSA_COMPONENT_BYTES) {
            throw new IllegalArgumentException("RSA CRT component longer than 128 bytes: not an RSA-2048 key");
        }
        byte[] out = new byte[RSA_COMPONENT_BYTES];
        System.arraycopy(unsigned, start, out, RSA_COMPONENT_BYTES - length, length);
        return out;
    }

    /** The step is named only when it fails: formatting a label per APDU was a visible share of issuing a card. */
    private void send(byte[] command, Supplier<String> step) {
        byte[] response = card.apply(command);
        int sw = dev.mynasim.simulator.StatusWord.of(response);
        if (sw != 0x9000) {
            throw new IllegalStateException(String.format("personalisation step \"%s\" failed with SW %04X", step.get(), sw));
        }
    }

    private static String hex4(int value) {
        return String.format("%04X", value);
    }

    private static String hex2(int value) {
        return String.format("%02X", value);
    }
}

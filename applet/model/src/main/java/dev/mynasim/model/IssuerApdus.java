package dev.mynasim.model;

/**
 * The issuer's commands as bytes (docs/personalisation.md): the personalisation commands (CLA 80)
 * and the office's commands behind the issuer channel. The one encoder of them, used by the
 * simulator's personaliser and the office's channel.
 */
public final class IssuerApdus {

    /** The most bytes one WRITE BINARY carries: short APDUs, which every reader can send. */
    public static final int WRITE_CHUNK = 240;
    /** The EXTERNAL AUTHENTICATE key reference of the issuer key. */
    private static final int ISSUER_KEY_REFERENCE = 0x81;
    /** SET KEY P1 naming the AES-128 issuer key instead of an RSA component. */
    private static final int ISSUER_KEY_COMPONENT = 0x10;
    private static final int CREATE_EF_SET_LENGTH = 0x01;
    private static final int RESET_WITH_NEW_VALUE = 0x02;
    /** P2 of VERIFY-like commands naming an IEF by its short identifier: 80 | SFI. */
    private static final int P2_SFI = 0x80;

    private IssuerApdus() {
    }

    /** CREATE EF {@code 80 E0 00 00}: FID, size, and the capacity when it is larger than the size. */
    public static byte[] createEf(int fid, int size, int capacity) {
        byte[] data = capacity > size
                ? new byte[] {(byte) (fid >> 8), (byte) fid, (byte) (size >> 8), (byte) size, (byte) (capacity >> 8), (byte) capacity}
                : new byte[] {(byte) (fid >> 8), (byte) fid, (byte) (size >> 8), (byte) size};
        return CommandApdus.of(Instruction.CREATE_EF, 0x00, 0x00, data, 0);
    }

    /** SET EF LENGTH {@code 80 E0 01 00}: an existing EF's length, within its capacity. */
    public static byte[] setEfLength(int fid, int length) {
        byte[] data = {(byte) (fid >> 8), (byte) fid, (byte) (length >> 8), (byte) length};
        return CommandApdus.of(Instruction.CREATE_EF, CREATE_EF_SET_LENGTH, 0x00, data, 0);
    }

    /** WRITE BINARY {@code 80 D6} of content[from, from + length) at offset of the current EF. */
    public static byte[] writeBinary(int offset, byte[] content, int from, int length) {
        byte[] chunk = new byte[length];
        System.arraycopy(content, from, chunk, 0, length);
        return CommandApdus.of(Instruction.WRITE_BINARY, offset >> 8, offset & 0xFF, chunk, 0);
    }

    /** SET PIN {@code 80 DA limit FID}: tries left, then the value (the caller wipes the result). */
    public static byte[] setPin(int fid, int maxTries, int triesLeft, byte[] value) {
        byte[] data = new byte[value.length + 1];
        data[0] = (byte) triesLeft;
        System.arraycopy(value, 0, data, 1, value.length);
        byte[] command = CommandApdus.of(Instruction.SET_PIN, maxTries, fid & 0xFF, data, 0);
        java.util.Arrays.fill(data, (byte) 0);
        return command;
    }

    /** SET KEY {@code 80 DB n FID}: RSA CRT component n (1 P, 2 Q, 3 DP, 4 DQ, 5 PQ), 128 bytes. */
    public static byte[] setKeyComponent(int fid, int component, byte[] value) {
        return CommandApdus.of(Instruction.SET_KEY, component, fid & 0xFF, value, 0);
    }

    /**
     * SET KEY {@code 80 DB 00 FID} with no data: the key's objects reserved, nothing loaded (the
     * signature key of a holder under 15, generated on the card by the office later).
     */
    public static byte[] reserveKey(int fid) {
        return CommandApdus.of(Instruction.SET_KEY, 0x00, fid & 0xFF, null, 0);
    }

    /** SET KEY {@code 80 DB 10 00}: the AES-128 issuer key of the issuer channel. */
    public static byte[] setIssuerKey(byte[] key) {
        return CommandApdus.of(Instruction.SET_KEY, ISSUER_KEY_COMPONENT, 0x00, key, 0);
    }

    /** SET OPTION {@code 80 DC 00 n}. */
    public static byte[] setOption(int option, byte[] value) {
        return CommandApdus.of(Instruction.SET_OPTION, 0x00, option, value, 0);
    }

    /** SET DATA OBJECT {@code 80 DE tag}: a GET DATA object of the master file. */
    public static byte[] setDataObject(int tag, byte[] value) {
        return CommandApdus.of(Instruction.SET_DATA_OBJECT, tag >> 8, tag & 0xFF, value, 0);
    }

    /** SEED RANDOM {@code 80 DD 00 00}. */
    public static byte[] seedRandom(byte[] seed) {
        return CommandApdus.of(Instruction.SEED_RANDOM, 0x00, 0x00, seed, 0);
    }

    /** LOCK {@code 80 F0 00 00}: the end of personalisation. */
    public static byte[] lock() {
        return CommandApdus.of(Instruction.LOCK, 0x00, 0x00, null, 0);
    }

    /** EXTERNAL AUTHENTICATE {@code 00 82 00 81} with the cryptogram over the card's challenge. */
    public static byte[] externalAuthenticate(byte[] cryptogram) {
        return CommandApdus.of(Instruction.EXTERNAL_AUTHENTICATE, 0x00, ISSUER_KEY_REFERENCE, cryptogram, 0);
    }

    /** RESET RETRY COUNTER {@code 00 2C 02 80|SFI}: a new value and the counter back to its limit. */
    public static byte[] resetRetryCounter(Pin pin, byte[] newValue) {
        return CommandApdus.of(Instruction.RESET_RETRY_COUNTER, RESET_WITH_NEW_VALUE, P2_SFI | pin.fid(), newValue, 0);
    }

    /** GENERATE ASYMMETRIC KEY PAIR {@code 00 46 00 80|SFI}, the 256-byte modulus expected back. */
    public static byte[] generateKeyPair(CardKey key) {
        return CommandApdus.of(Instruction.GENERATE_KEY_PAIR, 0x00, P2_SFI | key.fid(), null, 256);
    }
}

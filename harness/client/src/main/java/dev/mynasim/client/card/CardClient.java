package dev.mynasim.client.card;

import dev.mynasim.model.Instruction;
import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.model.CardApplication;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A My Number Card client that sends exactly what the open clients send (OpenSC's jpki driver,
 * jpki/myna): SELECT by AID with P2=0C, SELECT EF, READ BINARY by offset, VERIFY 00 20 00 80, the
 * proprietary signature 80 2A 00 80. It remembers which application is selected, because selecting
 * an application again clears the card's security state; call {@link #forgetSelection()} after a
 * reset or a removal.
 */
public class CardClient {

    /** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2 note 1). */
    private static final byte[] SHA256_DIGEST_INFO_PREFIX =
            Apdus.fromHex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20");
    private static final int CHUNK = 256;

    private final Transport transport;
    private CardApplication selected;

    public CardClient(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }

    public CardResponse send(byte[] command) {
        return CardResponse.of(transport.transceive(command));
    }

    /** SELECT the application by AID ({@code 00 A4 04 0C}); clears the security state. */
    public void select(CardApplication application) {
        selected = null;
        send(CommandApdus.selectApplication(application.aid())).require("SELECT " + application.label());
        selected = application;
    }

    /** Selects the application only if another one (or none) is selected, so PIN state is kept. */
    public void ensureSelected(CardApplication application) {
        if (selected != application) {
            select(application);
        }
    }

    public void forgetSelection() {
        selected = null;
    }

    /**
     * Keeps track of application selection done by raw APDUs (the byte-level Gherkin steps), so the
     * next domain operation does not select the application again and clear its security state.
     */
    public void observeRaw(byte[] command, CardResponse response) {
        if (command.length >= 5 && (command[1] & 0xFF) == 0xA4 && (command[2] & 0xFF) == 0x04) {
            selected = null;
            if (response.ok()) {
                for (CardApplication application : CardApplication.values()) {
                    byte[] aid = application.aid();
                    if (command.length >= 5 + aid.length && (command[4] & 0xFF) == aid.length
                            && java.util.Arrays.equals(aid, java.util.Arrays.copyOfRange(command, 5, 5 + aid.length))) {
                        selected = application;
                    }
                }
            }
        }
    }

    public CardResponse selectEf(int fid) {
        return send(CommandApdus.selectFile(fid));
    }

    public CardResponse readBinary(int offset, int le) {
        return send(CommandApdus.of(Instruction.READ_BINARY, (offset >> 8) & 0x7F, offset & 0xFF, null, le));
    }

    /** Reads a whole EF of the given application the way {@code method}'s client does. */
    public byte[] readFile(CardApplication application, int fid, ReadMethod method) {
        ensureSelected(application);
        selectEf(fid).require(String.format("SELECT EF %04X", fid));
        return switch (method) {
            case FOUR_BYTE_HEADER -> {
                byte[] header = readBinary(0, 4).require(String.format("READ BINARY %04X header", fid));
                yield readRest(fid, header, derLength(header) + 4, false);
            }
            case SEVEN_BYTE_HEADER -> {
                byte[] header = readBinary(0, 7).require(String.format("READ BINARY %04X header", fid));
                yield readRest(fid, header, derLength(header) + derHeaderLength(header), false);
            }
            case EXTENDED -> {
                byte[] header = readBinary(0, 4).require(String.format("READ BINARY %04X header", fid));
                yield readRest(fid, header, derLength(header) + 4, true);
            }
        };
    }

    private byte[] readRest(int fid, byte[] header, int size, boolean extended) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(header);
        while (out.size() < size) {
            int remaining = size - out.size();
            int le = extended ? remaining : Math.min(CHUNK, remaining);
            byte[] chunk = readBinary(out.size(), le).require(String.format("READ BINARY %04X at %d", fid, out.size()));
            if (chunk.length == 0) {
                break;
            }
            out.writeBytes(chunk);
        }
        byte[] all = out.toByteArray();
        return all.length > size ? java.util.Arrays.copyOf(all, size) : all;
    }

    /** Length of a DER object from its first bytes ({@code 30 82 LL LL} or shorter forms). */
    static int derLength(byte[] header) {
        int first = header[1] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7F;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (header[2 + i] & 0xFF);
        }
        return length;
    }

    static int derHeaderLength(byte[] header) {
        int first = header[1] & 0xFF;
        return first < 0x80 ? 2 : 2 + (first & 0x7F);
    }

    public X509Certificate readCertificate(int fid, ReadMethod method) {
        byte[] der = readFile(CardApplication.JPKI, fid, method);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException(String.format("EF %04X does not hold an X.509 certificate: %s", fid, e.getMessage()), e);
        }
    }

    /** Tries left, by an empty VERIFY ({@code 00 20 00 80}, case 1), which spends no try. */
    public int triesLeft(Pin pin) {
        ensureSelected(pin.application());
        selectEf(pin.fid()).require("SELECT " + pin.label());
        CardResponse response = send(CommandApdus.of(Instruction.VERIFY, 0x00, 0x80, null, 0));
        if ((response.sw() & 0xFFF0) == 0x63C0) {
            return response.sw() & 0x0F;
        }
        if (response.sw() == 0x6984 || response.sw() == 0x6983) {
            return 0;
        }
        throw new StatusWordException("query of the " + pin.label() + "'s tries", response.sw());
    }

    /** VERIFY; returns the card's answer (9000, 63Cx, 6984, ...) without interpreting it. */
    public CardResponse verify(Pin pin, String value) {
        ensureSelected(pin.application());
        selectEf(pin.fid()).require("SELECT " + pin.label());
        return send(CommandApdus.of(Instruction.VERIFY, 0x00, 0x80, value.getBytes(StandardCharsets.US_ASCII), 0));
    }

    /**
     * VERIFY the old value, then CHANGE REFERENCE DATA ({@code 00 24 01 80}) to the new one, or in
     * the 住基 and common APs JICSAP CHANGE KEY ({@code 80 32 00 80}).
     */
    public CardResponse changePin(Pin pin, String oldValue, String newValue) {
        CardResponse verified = verify(pin, oldValue);
        if (!verified.ok()) {
            return verified;
        }
        byte[] value = newValue.getBytes(StandardCharsets.US_ASCII);
        return pin.application().changesPinWithChangeKey()
                ? send(CommandApdus.of(Instruction.CHANGE_KEY, 0x00, 0x80, value, 0))
                : send(CommandApdus.of(Instruction.CHANGE_REFERENCE_DATA, 0x01, 0x80, value, 0));
    }

    /** The JPKI signature {@code 80 2A 00 80} with the selected key, over a DigestInfo the host built. */
    public CardResponse sign(KeyRef key, byte[] digestInfo) {
        ensureSelected(CardApplication.JPKI);
        selectEf(key.fid()).require(String.format("SELECT key EF %04X", key.fid()));
        return send(CommandApdus.of(Instruction.SIGN, 0x00, 0x80, digestInfo, 256));
    }

    /** SHA-256 DigestInfo of a message, as a host builds it for P1=00. */
    public static byte[] sha256DigestInfo(byte[] message) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
            byte[] out = new byte[SHA256_DIGEST_INFO_PREFIX.length + hash.length];
            System.arraycopy(SHA256_DIGEST_INFO_PREFIX, 0, out, 0, SHA256_DIGEST_INFO_PREFIX.length);
            System.arraycopy(hash, 0, out, SHA256_DIGEST_INFO_PREFIX.length, hash.length);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

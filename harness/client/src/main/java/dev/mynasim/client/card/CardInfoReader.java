package dev.mynasim.client.card;

import dev.mynasim.model.Instruction;
import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.Pin;
import dev.mynasim.model.BerTlv;
import dev.mynasim.model.CardApplication;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads what the 券面 and common APs hold, the way open clients do (docs/card-reference.md §2.2–2.6): the My
 * Number, the basic 4 through its offset table, the integrity record and its signature, the card
 * face and its images, the common AP's record, and the PIN status of every PIN. Needs the right
 * PIN or code verified first (see {@link CardClient#verify}); it never verifies anything itself.
 */
public final class CardInfoReader {

    /** The basic 4 as decoded from text EF 0002. */
    public record BasicFour(String name, String address, String birthDate, String sexCode) {
    }

    /** One PIN's state as the empty VERIFY reports it. */
    public record PinStatus(Pin pin, int triesLeft) {
        public boolean locked() {
            return triesLeft == 0;
        }
    }

    /** Card-face image objects and the file extension they are written with. */
    public static final Map<Integer, String> CARD_FACE_IMAGES = Map.of(
            0xDF25, "name", 0xDF26, "address", 0xDF27, "face", 0xDF2A, "security-code");

    private static final int HEADER_READ = 8;
    private static final int CHUNK = 256;

    private final CardClient client;

    public CardInfoReader(CardClient client) {
        this.client = client;
    }

    /** READ of the file's first bytes: 9000 when the security state allows it, else the card's refusal. */
    public CardResponse tryRead(CardFile file) {
        client.ensureSelected(file.application());
        client.selectEf(file.fid()).require(String.format("SELECT EF %04X", file.fid()));
        return client.readBinary(0, HEADER_READ);
    }

    /** The whole TLV file: its header sizes it, then 256-byte reads. */
    public byte[] read(CardFile file) {
        byte[] header = tryRead(file).require("READ BINARY " + file.label());
        int size = BerTlv.sizeFromHeader(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(header);
        while (out.size() < size) {
            byte[] chunk = client.readBinary(out.size(), Math.min(CHUNK, size - out.size()))
                    .require("READ BINARY " + file.label() + " at " + out.size());
            if (chunk.length == 0) {
                break;
            }
            out.writeBytes(chunk);
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }

    /** Text EF 0001 as stored: 17 bytes, filler included. */
    public byte[] myNumberFile() {
        client.ensureSelected(CardApplication.TEXT);
        client.selectEf(CardFile.MY_NUMBER.fid()).require("SELECT EF 0001");
        return client.readBinary(0, 17).require("READ BINARY My Number");
    }

    /** The 12 digits of the My Number. Secret: never log it. */
    public String myNumber() {
        byte[] file = myNumberFile();
        return new String(BerTlv.at(file, 0).value(), StandardCharsets.US_ASCII);
    }

    /** The basic 4, each field found through the DF21 offset table (offsets from the file start). */
    public BasicFour basicFour() {
        byte[] file = read(CardFile.BASIC_FOUR);
        BerTlv.Element outer = BerTlv.at(file, 0);
        byte[] table = BerTlv.at(file, outer.headerLength()).value();
        String[] fields = new String[4];
        for (int i = 0; i < 4; i++) {
            int offset = ((table[2 * i] & 0xFF) << 8) | (table[2 * i + 1] & 0xFF);
            BerTlv.Element field = BerTlv.at(file, offset);
            if (field.tag() != 0xDF22 + i) {
                throw new IllegalStateException(String.format("basic 4 offset table entry %d points at tag %X, not DF%X",
                        i, field.tag(), 0x22 + i));
            }
            fields[i] = new String(field.value(), StandardCharsets.UTF_8);
        }
        return new BasicFour(fields[0], fields[1], fields[2], fields[3]);
    }

    /**
     * Problems with the text AP's integrity record, none when it is sound: the hashes of EF 0001 and
     * of EF 0002 from DF22 on, and the signature over DF31‖DF32 with the key in EF 0004.
     */
    public List<String> integrityProblems() {
        List<String> problems = new ArrayList<>();
        byte[] myNumberFile = myNumberFile();
        byte[] basicFour = read(CardFile.BASIC_FOUR);
        byte[] record = read(CardFile.INTEGRITY_RECORD);
        if (record.length != 336) {
            problems.add("integrity record is " + record.length + " bytes, not 336");
        }
        BerTlv.Element outer = BerTlv.at(record, 0);
        Map<Integer, byte[]> objects = BerTlv.children(outer.value());
        BerTlv.Element basicOuter = BerTlv.at(basicFour, 0);
        int from22 = basicOuter.headerLength() + BerTlv.at(basicFour, basicOuter.headerLength()).totalLength();
        if (!Arrays.equals(sha256(myNumberFile), objects.get(0xDF31))) {
            problems.add("DF31 is not SHA-256 of the 17-byte EF 0001");
        }
        if (!Arrays.equals(sha256(Arrays.copyOfRange(basicFour, from22, basicFour.length)), objects.get(0xDF32))) {
            problems.add("DF32 is not SHA-256 of EF 0002 from DF22 to the end");
        }
        byte[] signed = Arrays.copyOfRange(outer.value(), 0, 70);
        if (!verifies(cvCertificateKey(CardFile.TEXT_CV_CERTIFICATE), signed, objects.get(0xDF33))) {
            problems.add("DF33 does not verify with the key in EF 0004");
        }
        return problems;
    }

    /** The RSA public key a card-verifiable certificate (EF 0004) carries. */
    public PublicKey cvCertificateKey(CardFile certificate) {
        byte[] file = read(certificate);
        Map<Integer, byte[]> parts = BerTlv.children(BerTlv.at(file, 0).value());
        byte[] body = parts.get(0x5F4E);
        Map<Integer, byte[]> key = BerTlv.children(Arrays.copyOfRange(body, 32, body.length));
        return rsaKey(key.get(0x91), key.get(0x90));
    }

    /** The card face's objects by tag (DF22..DF2A). */
    public Map<Integer, byte[]> cardFace() {
        byte[] file = read(CardFile.CARD_FACE);
        return BerTlv.children(BerTlv.at(file, 0).value());
    }

    /** Problems with DF28, none when it verifies: PKCS#1 v1.5 over three SHA-256 hashes in one DigestInfo. */
    public List<String> cardFaceSignatureProblems(Map<Integer, byte[]> face) {
        byte[] hashes = concat(sha256(concat(face.get(0xDF22), face.get(0xDF23), face.get(0xDF24))),
                sha256(concat(face.get(0xDF25), face.get(0xDF26))), sha256(face.get(0xDF27)));
        byte[] expected = concat(HexFormat.of().parseHex("3071300D060960864801650304020105000460"), hashes);
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, cvCertificateKey(CardFile.SURFACE_CV_CERTIFICATE));
            byte[] recovered = cipher.doFinal(face.get(0xDF28));
            return Arrays.equals(expected, recovered) ? List.of() : List.of("DF28 recovers another DigestInfo");
        } catch (GeneralSecurityException e) {
            return List.of("DF28 does not verify: " + e.getMessage());
        }
    }

    /** Common AP record 1 (READ RECORD 00 B2 01 0C 00): 01 1C + serial(15) + municipality(5) + expiry(8). */
    public byte[] commonRecord() {
        client.ensureSelected(CardApplication.COMMON);
        return client.send(new byte[] {0x00, (byte) 0xB2, 0x01, 0x0C, 0x00}).require("READ RECORD 1 of EF 0001");
    }

    /** The card's record in the common AP: serial, municipality code and the card's expiry. */
    public record CardRecord(String serial, String municipalityCode, java.time.LocalDate expiry) {
    }

    /** The common AP's card record, parsed. */
    public CardRecord cardRecord() {
        byte[] record = commonRecord();
        if (record.length != 2 + 28 || record[0] != 0x01 || record[1] != 28) {
            throw new IllegalStateException("the common AP's card record is not 01 1C + 28 digits (" + record.length + " bytes)");
        }
        String digits = new String(record, 2, 28, java.nio.charset.StandardCharsets.US_ASCII);
        return new CardRecord(digits.substring(0, 15), digits.substring(15, 20),
                java.time.LocalDate.parse(digits.substring(20), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    /** INTERNAL AUTHENTICATE 00 88 00 99 with the common AP's key 0019. */
    public CardResponse internalAuthenticate(CardApplication application, int keyFid, byte[] challenge) {
        client.ensureSelected(application);
        return client.send(CommandApdus.of(Instruction.INTERNAL_AUTHENTICATE, 0x00, 0x80 | (keyFid & 0x1F), challenge, 256));
    }

    /** GET CHALLENGE of length bytes (1..256) in whatever is selected now. */
    public CardResponse challenge(int length) {
        return client.send(new byte[] {0x00, (byte) 0x84, 0x00, 0x00, (byte) length});
    }

    /** Every PIN of the card with its tries left, by empty VERIFY (spends nothing). */
    public List<PinStatus> pinStatus() {
        List<PinStatus> out = new ArrayList<>();
        for (Pin pin : Pin.values()) {
            out.add(new PinStatus(pin, client.triesLeft(pin)));
        }
        return out;
    }

    static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static PublicKey rsaKey(byte[] modulus, byte[] exponent) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(new BigInteger(1, modulus), new BigInteger(1, exponent)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}

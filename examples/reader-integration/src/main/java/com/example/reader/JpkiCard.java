package com.example.reader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The JPKI application of a My Number Card, through javax.smartcardio only: read the user-proof
 * (利用者証明用) certificate, and sign with the user-proof key after its 4-digit PIN.
 */
public final class JpkiCard implements AutoCloseable {

    private static final byte[] JPKI_AID = HexFormat.of().parseHex("D392F000260100000001");
    private static final byte[] USER_PROOF_CERTIFICATE = {0x00, 0x0A};
    private static final byte[] USER_PROOF_PIN = {0x00, 0x18};
    private static final byte[] USER_PROOF_KEY = {0x00, 0x17};
    /** DER DigestInfo header for SHA-256 (RFC 8017 §9.2, note 1). */
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private final Card card;
    private final CardChannel channel;

    private JpkiCard(Card card) {
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    /** Connects to the card in {@code terminal} and selects the JPKI application. */
    public static JpkiCard connect(CardTerminal terminal) throws CardException {
        JpkiCard jpki = new JpkiCard(terminal.connect("*"));
        jpki.expectOk(jpki.channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)), "SELECT JPKI");
        return jpki;
    }

    public X509Certificate readUserProofCertificate() throws CardException, GeneralSecurityException {
        selectFile(USER_PROOF_CERTIFICATE);
        byte[] head = expectOk(channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 4)), "READ BINARY").getData();
        int length = 4 + ((head[2] & 0xFF) << 8 | (head[3] & 0xFF)); // SEQUENCE, 82 LL LL
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        while (der.size() < length) {
            int offset = der.size();
            int chunk = Math.min(256, length - offset);
            der.writeBytes(expectOk(channel.transmit(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, chunk)), "READ BINARY").getData());
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der.toByteArray()));
    }

    /**
     * Verifies the user-proof PIN, then signs SHA-256({@code message}) with the user-proof key (PKCS#1 v1.5).
     *
     * @throws PinRefusedException when the card refuses the PIN (wrong, or locked)
     */
    public byte[] signWithUserProofKey(String pin, byte[] message) throws CardException, GeneralSecurityException {
        verifyUserProofPin(pin);
        selectFile(USER_PROOF_KEY);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] digestInfo = new byte[SHA256_DIGEST_INFO.length + digest.length];
        System.arraycopy(SHA256_DIGEST_INFO, 0, digestInfo, 0, SHA256_DIGEST_INFO.length);
        System.arraycopy(digest, 0, digestInfo, SHA256_DIGEST_INFO.length, digest.length);
        return expectOk(channel.transmit(new CommandAPDU(0x80, 0x2A, 0x00, 0x80, digestInfo, 256)), "COMPUTE DIGITAL SIGNATURE").getData();
    }

    public void verifyUserProofPin(String pin) throws CardException {
        selectFile(USER_PROOF_PIN);
        ResponseAPDU answer = channel.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin.getBytes(StandardCharsets.US_ASCII)));
        if (answer.getSW() != 0x9000) {
            throw new PinRefusedException(answer.getSW());
        }
    }

    private void selectFile(byte[] fid) throws CardException {
        expectOk(channel.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, fid)), "SELECT FILE");
    }

    private ResponseAPDU expectOk(ResponseAPDU answer, String what) throws CardException {
        if (answer.getSW() != 0x9000) {
            throw new CardException(what + " failed: SW " + Integer.toHexString(answer.getSW()).toUpperCase());
        }
        return answer;
    }

    @Override
    public void close() throws CardException {
        card.disconnect(true);
    }
}

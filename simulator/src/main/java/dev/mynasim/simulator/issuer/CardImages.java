package dev.mynasim.simulator.issuer;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.simulator.Applications;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.List;

/**
 * What the issuer writes into each application of a persona's card (card-spec.md §2): certificates,
 * token information, certificate availability, PINs and keys. The byte layouts are here, in one place.
 */
public final class CardImages {

    /** JPKI EFs (card-spec.md §2.1). */
    public static final int EF_SIGN_CERT = 0x0001;
    public static final int EF_SIGN_CA_CERT = 0x0002;
    public static final int EF_TOKEN_INFO = 0x0006;
    public static final int EF_CERT_AVAILABILITY = 0x0008;
    public static final int EF_AUTH_CERT = 0x000A;
    public static final int EF_AUTH_CA_CERT = 0x000B;
    public static final int KEY_AUTH = 0x0017;
    public static final int PIN_AUTH = 0x0018;
    public static final int KEY_SIGN = 0x001A;
    public static final int PIN_SIGN = 0x001B;

    /** The token label of a My Number Card (JPKIAPICCTOKEN = 住基カード, ...GPSETOKEN = Android). */
    public static final String TOKEN_LABEL = "JPKIAPICCTOKEN2";
    private static final int TOKEN_INFO_LENGTH = 160;
    /** CKF_RNG | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED. */
    private static final int TOKEN_FLAGS = 0x0000040D;
    private static final byte CERT_PRESENT = (byte) 0x8F;

    private CardImages() {
    }

    /** Every application of the persona's card. */
    public static List<ApplicationImage> forPersona(Persona persona, PersonaCredentials credentials,
            X509Certificate authCa, X509Certificate signCa) {
        return List.of(jpki(persona, credentials, authCa, signCa));
    }

    /** 公的個人認証AP: the two certificates with their CAs, the two keys and their PINs. */
    public static ApplicationImage jpki(Persona persona, PersonaCredentials credentials,
            X509Certificate authCa, X509Certificate signCa) {
        ApplicationImage image = new ApplicationImage("JPKI-AP", Applications.JPKI_AID);
        image.file(EF_TOKEN_INFO, tokenInfo(persona.serialNumber()));
        image.file(EF_CERT_AVAILABILITY, new byte[] {
            credentials.signCertificate().isPresent() ? CERT_PRESENT : 0x00, CERT_PRESENT, 0x00});
        image.file(EF_AUTH_CERT, der(credentials.authCertificate()));
        image.file(EF_AUTH_CA_CERT, der(authCa));
        image.file(EF_SIGN_CA_CERT, der(signCa));
        image.pin(PIN_AUTH, ascii(persona.pins().auth()), 0, 0xFF);
        image.key(key(KEY_AUTH, credentials.authKey()));
        if (credentials.signCertificate().isPresent()) {
            image.file(EF_SIGN_CERT, der(credentials.signCertificate().get()));
            image.pin(PIN_SIGN, ascii(persona.pins().sign().orElseThrow(() -> new IllegalArgumentException(
                    "persona " + persona.id() + " has a signature certificate but no signature password"))), 0, 0xFF);
            image.key(key(KEY_SIGN, credentials.signKey().orElseThrow()));
        }
        return image;
    }

    /**
     * EF 0006: a PKCS#11 CK_TOKEN_INFO with 32-bit big-endian CK_ULONGs, 160 bytes (card-spec.md
     * Appendix A, after myna-card's model of a physical card).
     */
    static byte[] tokenInfo(String serialNumber) {
        ByteBuffer out = ByteBuffer.allocate(TOKEN_INFO_LENGTH);
        out.put(padded(TOKEN_LABEL, 32));
        out.put(padded("MynaSim virtual card", 32));
        out.put(padded("MYNASIM1", 16));
        out.put(padded(serialNumber.length() > 16 ? serialNumber.substring(serialNumber.length() - 16) : serialNumber, 16));
        out.putInt(TOKEN_FLAGS);
        out.putInt(1); // max sessions
        out.putInt(0); // sessions
        out.putInt(1); // max RW sessions
        out.putInt(0); // RW sessions
        out.putInt(16); // max PIN length (the signature password)
        out.putInt(6); // min PIN length
        for (int i = 0; i < 4; i++) {
            out.putInt(0xFFFFFFFF); // memory: unavailable
        }
        out.put("03".getBytes(StandardCharsets.US_ASCII)); // hardware version, ASCII as on physical cards
        out.put("01".getBytes(StandardCharsets.US_ASCII)); // firmware version
        out.put(padded("", 16)); // utcTime: no clock
        return out.array();
    }

    private static byte[] padded(String text, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) ' ');
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, length));
        return out;
    }

    static ApplicationImage.KeyImage key(int fid, RSAPrivateCrtKey key) {
        return new ApplicationImage.KeyImage(fid,
                key.getPrimeP().toByteArray(), key.getPrimeQ().toByteArray(),
                key.getPrimeExponentP().toByteArray(), key.getPrimeExponentQ().toByteArray(),
                key.getCrtCoefficient().toByteArray());
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

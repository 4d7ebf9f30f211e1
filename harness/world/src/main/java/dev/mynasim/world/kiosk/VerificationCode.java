package dev.mynasim.world.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The code printed on each certificate so a recipient can check it was issued as printed (the
 * real ones carry a 改ざん防止 pattern and a check number): HMAC-SHA256 under the kiosk's key over
 * the printed content, its first 8 bytes as four groups of four hex digits. The content never
 * includes a PIN.
 */
public final class VerificationCode {

    /** The MynaSim kiosk's key: a test key in plain sight, like the rest of the test PKI. */
    static final byte[] TEST_KIOSK_KEY = "MynaSim TEST kiosk verification key".getBytes(StandardCharsets.UTF_8);

    private VerificationCode() {
    }

    public static String of(String printedContent) {
        return of(TEST_KIOSK_KEY, printedContent);
    }

    static String of(byte[] key, String printedContent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String hex = HexFormat.of().withUpperCase().formatHex(mac.doFinal(printedContent.getBytes(StandardCharsets.UTF_8)), 0, 8);
            return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}

package dev.mynasim.simulator.issuer;

import dev.mynasim.fixtures.pki.DerivedKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * The RSA-2048 keys of the 券面 and common APs that the JPKI test PKI does not cover: the issuer's
 * card-verifiable CA, the issuer's data-signing key (signs the text AP's integrity record and the
 * surface AP's signed objects; certified in EF 0004), and per holder the text AP's own key 0013, the
 * surface AP's own key 001A and the common AP's INTERNAL AUTHENTICATE key 0019.
 *
 * <p>Each key is derived from a fixed label (the persona id for the holder keys), and the committed
 * personas' keys are read from the test PKI instead of derived again ({@link DerivedKeys}): once per
 * JVM, never per card. TEST keys: anyone can derive them.
 */
public final class IssuerKeys {

    /** The keys of one holder's card. */
    public record HolderKeys(KeyPair textOwn, KeyPair surfaceOwn, KeyPair commonAuthentication) {
        @Override
        public String toString() {
            return "HolderKeys[masked]";
        }
    }

    private IssuerKeys() {
    }

    /** The issuer's card-verifiable CA: signs the CV certificates in EF 0004 of the text and surface APs. */
    public static KeyPair cvCa() {
        return derived(DerivedKeys.CV_CA);
    }

    /** The issuer's data-signing key, certified in EF 0004: signs EF 0003 (text) and the surface AP's objects. */
    public static KeyPair dataSigning() {
        return derived(DerivedKeys.DATA_SIGNING);
    }

    public static HolderKeys forHolder(String personaId) {
        return new HolderKeys(derived(DerivedKeys.holderLabel(personaId, "text-0013")),
                derived(DerivedKeys.holderLabel(personaId, "surface-001A")),
                derived(DerivedKeys.holderLabel(personaId, "common-0019")));
    }

    /** 16-byte key identifier: the first 16 bytes of SHA-256 over the modulus. */
    public static byte[] keyId(KeyPair pair) {
        try {
            byte[] modulus = unsigned(((RSAPublicKey) pair.getPublic()).getModulus().toByteArray(), 256);
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(modulus), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** An unsigned big-endian integer as exactly {@code length} bytes. */
    static byte[] unsigned(byte[] twosComplement, int length) {
        byte[] out = new byte[length];
        int copy = Math.min(length, twosComplement.length);
        System.arraycopy(twosComplement, twosComplement.length - copy, out, length - copy, copy);
        return out;
    }

    private static KeyPair derived(String label) {
        return DerivedKeys.get(label);
    }
}

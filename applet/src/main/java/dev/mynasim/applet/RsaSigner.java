package dev.mynasim.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.MessageDigest;
import javacard.security.RSAPrivateCrtKey;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/**
 * The JPKI signature schemes (docs/card-reference.md §4.1, P1 of 80 2A), on engines allocated once. An
 * engine the platform lacks stays null and its schemes answer 6A86, as for an unknown P1.
 */
final class RsaSigner {
    static final byte PKCS1_OVER_INPUT = (byte) 0x00;
    static final byte PKCS1_OVER_BARE_SHA256 = (byte) 0x01;
    static final byte PKCS1_SHA256_PRECOMPUTED = (byte) 0x02;
    static final byte PKCS1_SHA256_MESSAGE = (byte) 0x03;
    static final byte PSS_SHA256_PRECOMPUTED = (byte) 0x04;
    static final byte PSS_SHA256_MESSAGE = (byte) 0x05;

    static final short SIGNATURE_LENGTH = (short) 256;
    /** k - 11 for a 2048-bit key: the longest PKCS#1 v1.5 type-1 payload. */
    private static final short MAX_PKCS1_INPUT = (short) 245;
    /** Longest message the card hashes itself (one short APDU). */
    private static final short MAX_MESSAGE = (short) 255;
    private static final short SHA256_LENGTH = (short) 32;
    private static final short DIGEST_INFO_PREFIX_LENGTH = (short) 19;

    private final byte[] sha256DigestInfoPrefix;
    private final Cipher pkcs1;
    private final MessageDigest sha256;
    private final Signature pss;

    RsaSigner() {
        sha256DigestInfoPrefix = new byte[] {
            (byte) 0x30, (byte) 0x31, (byte) 0x30, (byte) 0x0D, (byte) 0x06, (byte) 0x09,
            (byte) 0x60, (byte) 0x86, (byte) 0x48, (byte) 0x01, (byte) 0x65, (byte) 0x03,
            (byte) 0x04, (byte) 0x02, (byte) 0x01, (byte) 0x05, (byte) 0x00, (byte) 0x04, (byte) 0x20
        };
        pkcs1 = Cipher.getInstance(Cipher.ALG_RSA_PKCS1, false);
        // Optional algorithms: a platform without them throws, and the schemes that need them answer 6A86.
        MessageDigest digest = null;
        try {
            digest = MessageDigest.getInstance(MessageDigest.ALG_SHA_256, false);
        } catch (CryptoException unsupported) {
            digest = null;
        }
        sha256 = digest;
        Signature probabilistic = null;
        try {
            probabilistic = Signature.getInstance(Signature.ALG_RSA_SHA_256_PKCS1_PSS, false);
        } catch (CryptoException unsupported) {
            probabilistic = null;
        }
        pss = probabilistic;
    }

    /** True if P1 names a scheme this platform can compute. */
    boolean supports(byte scheme) {
        switch (scheme) {
            case PKCS1_OVER_INPUT:
            case PKCS1_SHA256_PRECOMPUTED:
                return true;
            case PKCS1_OVER_BARE_SHA256:
            case PKCS1_SHA256_MESSAGE:
                return sha256 != null;
            case PSS_SHA256_PRECOMPUTED:
            case PSS_SHA256_MESSAGE:
                return pss != null;
            default:
                return false;
        }
    }

    /** True if the input length fits the scheme (checked before any key use). */
    static boolean inputLengthFits(byte scheme, short length) {
        switch (scheme) {
            case PKCS1_OVER_INPUT:
                return length >= (short) 1 && length <= MAX_PKCS1_INPUT;
            case PKCS1_SHA256_PRECOMPUTED:
            case PSS_SHA256_PRECOMPUTED:
                return length == SHA256_LENGTH;
            default:
                return length >= (short) 1 && length <= MAX_MESSAGE;
        }
    }

    /**
     * Signs into scratch[0..255]. The input must not overlap scratch. Returns the signature length.
     */
    short sign(byte scheme, RSAPrivateCrtKey key, byte[] input, short offset, short length, byte[] scratch) {
        short digestInfo = SIGNATURE_LENGTH;
        short hash = (short) (digestInfo + DIGEST_INFO_PREFIX_LENGTH);
        switch (scheme) {
            case PKCS1_OVER_INPUT:
                return pkcs1Block(key, input, offset, length, scratch);
            case PKCS1_OVER_BARE_SHA256:
                sha256.reset();
                sha256.doFinal(input, offset, length, scratch, hash);
                return pkcs1Block(key, scratch, hash, SHA256_LENGTH, scratch);
            case PKCS1_SHA256_PRECOMPUTED:
                Util.arrayCopyNonAtomic(input, offset, scratch, hash, SHA256_LENGTH);
                break;
            case PKCS1_SHA256_MESSAGE:
                sha256.reset();
                sha256.doFinal(input, offset, length, scratch, hash);
                break;
            case PSS_SHA256_PRECOMPUTED:
                pss.init(key, Signature.MODE_SIGN);
                return pss.signPreComputedHash(input, offset, length, scratch, (short) 0);
            case PSS_SHA256_MESSAGE:
                pss.init(key, Signature.MODE_SIGN);
                return pss.sign(input, offset, length, scratch, (short) 0);
            default:
                ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Util.arrayCopyNonAtomic(sha256DigestInfoPrefix, (short) 0, scratch, digestInfo, DIGEST_INFO_PREFIX_LENGTH);
        return pkcs1Block(key, scratch, digestInfo, (short) (DIGEST_INFO_PREFIX_LENGTH + SHA256_LENGTH), scratch);
    }

    /** PKCS#1 v1.5 block type 1 = "encrypt" with the private key: deterministic, as the card's P1=00. */
    private short pkcs1Block(RSAPrivateCrtKey key, byte[] input, short offset, short length, byte[] scratch) {
        pkcs1.init(key, Cipher.MODE_ENCRYPT);
        return pkcs1.doFinal(input, offset, length, scratch, (short) 0);
    }
}

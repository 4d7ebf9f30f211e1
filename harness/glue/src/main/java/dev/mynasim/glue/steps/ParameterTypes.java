package dev.mynasim.glue.steps;

import dev.mynasim.world.issuer.CertificateState;
import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.client.card.CardApplication;
import dev.mynasim.client.card.CardFile;
import dev.mynasim.client.card.KeyRef;
import dev.mynasim.client.card.Pin;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.world.relyingparty.RevocationMethod;
import dev.mynasim.world.relyingparty.VerificationOutcome;
import dev.mynasim.client.transport.Apdus;
import io.cucumber.java.ParameterType;
import java.time.LocalDate;

/** The words QA writes in scenarios, mapped to the client's types in one place. */
public class ParameterTypes {

    /** The certificates of the JPKI application and their EFs. */
    public enum CertificateRef {
        AUTH("user-proof certificate", 0x000A),
        SIGN("signature certificate", 0x0001),
        AUTH_CA("user-proof CA certificate", 0x000B),
        SIGN_CA("signature CA certificate", 0x0002);

        final String words;
        final int fid;

        CertificateRef(String words, int fid) {
            this.words = words;
            this.fid = fid;
        }

        static CertificateRef of(KeyRef key) {
            return key == KeyRef.AUTH ? AUTH : SIGN;
        }

        CertificateRef ca() {
            return switch (this) {
                case AUTH, AUTH_CA -> AUTH_CA;
                case SIGN, SIGN_CA -> SIGN_CA;
            };
        }
    }

    /** Every PIN's label (Pin.label()); the longer labels first so none is cut short. */
    @ParameterType("user-proof PIN|signature password|card-info PIN|blocked text AP key 0012"
            + "|text AP verification code A|text AP verification code B|birth-date key"
            + "|surface AP verification code A|surface AP verification code B|resident-register PIN|common AP PIN")
    public Pin pin(String words) {
        return Pin.labelled(words);
    }

    @ParameterType("text AP|surface AP|resident-register AP|common AP")
    public CardApplication application(String words) {
        return switch (words) {
            case "text AP" -> CardApplication.TEXT;
            case "surface AP" -> CardApplication.SURFACE;
            case "resident-register AP" -> CardApplication.JUKI;
            default -> CardApplication.COMMON;
        };
    }

    @ParameterType("My Number|basic 4|integrity record|card face|My Number image|age record")
    public CardFile cardFile(String words) {
        return CardFile.labelled(words);
    }

    @ParameterType("user-proof|signature")
    public KeyRef key(String words) {
        return words.equals("user-proof") ? KeyRef.AUTH : KeyRef.SIGN;
    }

    @ParameterType("user-proof certificate|signature certificate|user-proof CA certificate|signature CA certificate")
    public CertificateRef certificate(String words) {
        for (CertificateRef ref : CertificateRef.values()) {
            if (ref.words.equals(words)) {
                return ref;
            }
        }
        throw new IllegalArgumentException(words);
    }

    @ParameterType("user-proof CA|signature CA")
    public CertificateRef ca(String words) {
        return words.equals("user-proof CA") ? CertificateRef.AUTH_CA : CertificateRef.SIGN_CA;
    }

    @ParameterType("4-byte header|7-byte header|extended read")
    public ReadMethod readMethod(String words) {
        return switch (words) {
            case "4-byte header" -> ReadMethod.FOUR_BYTE_HEADER;
            case "7-byte header" -> ReadMethod.SEVEN_BYTE_HEADER;
            default -> ReadMethod.EXTENDED;
        };
    }

    /** A status word as two hex bytes, with or without a space: {@code 63 C3}, {@code 6982}. */
    @ParameterType("[0-9A-Fa-f]{2} ?[0-9A-Fa-f]{2}")
    public Integer sw(String text) {
        byte[] bytes = Apdus.fromHex(text);
        return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
    }

    @ParameterType("\\d{4}-\\d{2}-\\d{2}")
    public LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** Whether a card or its certificates can be renewed on the scenario's date. */
    public enum Renewal {
        POSSIBLE("possible"),
        NOT_YET_POSSIBLE("not yet possible"),
        NO_LONGER_POSSIBLE("no longer possible");

        final String words;

        Renewal(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    @ParameterType("possible|not yet possible|no longer possible")
    public Renewal renewal(String words) {
        for (Renewal r : Renewal.values()) {
            if (r.words.equals(words)) {
                return r;
            }
        }
        throw new IllegalArgumentException(words);
    }

    @ParameterType("CRL|OCSP")
    public RevocationMethod revocationMethod(String words) {
        return RevocationMethod.valueOf(words);
    }

    /** Why a certificate was revoked, as a scenario tells it; each cause has one RFC 5280 reason. */
    @ParameterType("the address changed|the name changed|the key was compromised|it was renewed|the card was reissued")
    public RevocationReason revocationCause(String words) {
        return switch (words) {
            case "the address changed", "the name changed" -> RevocationReason.AFFILIATION_CHANGED;
            case "the key was compromised" -> RevocationReason.KEY_COMPROMISE;
            case "it was renewed" -> RevocationReason.SUPERSEDED;
            default -> RevocationReason.CESSATION_OF_OPERATION;
        };
    }

    /** An RFC 5280 reason name: keyCompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold. */
    @ParameterType("keyCompromise|affiliationChanged|superseded|cessationOfOperation|certificateHold")
    public RevocationReason revocationReason(String name) {
        return RevocationReason.ofRfcName(name);
    }

    /** A rejection other than "revoked (reason)", which has its own step. */
    @ParameterType("expired|not yet valid|suspended|wrong chain|bad signature|revocation unknown")
    public VerificationOutcome outcome(String words) {
        for (VerificationOutcome o : VerificationOutcome.values()) {
            if (o.words().equals(words)) {
                return o;
            }
        }
        throw new IllegalArgumentException(words);
    }

    @ParameterType("login|signature")
    public String relyingPartyAnswer(String words) {
        return words;
    }

    @ParameterType("good|on hold|revoked")
    public CertificateState certificateState(String words) {
        return switch (words) {
            case "good" -> CertificateState.GOOD;
            case "on hold" -> CertificateState.ON_HOLD;
            default -> CertificateState.REVOKED;
        };
    }
}

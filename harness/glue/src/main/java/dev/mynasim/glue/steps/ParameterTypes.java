package dev.mynasim.glue.steps;

import dev.mynasim.world.issuer.CertificateState;
import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
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
        AUTH(CardFile.AUTH_CERTIFICATE),
        SIGN(CardFile.SIGN_CERTIFICATE),
        AUTH_CA(CardFile.AUTH_CA_CERTIFICATE),
        SIGN_CA(CardFile.SIGN_CA_CERTIFICATE);

        final String words;
        final int fid;

        CertificateRef(CardFile file) {
            this.words = file.label();
            this.fid = file.fid();
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

    /** Every PIN's label, from the card model. */
    @ParameterType(Pin.LABEL_PATTERN)
    public Pin pin(String words) {
        return Pin.labelled(words);
    }

    @ParameterType(CardApplication.WORDS_PATTERN)
    public CardApplication application(String words) {
        return CardApplication.named(words);
    }

    @ParameterType(CardFile.HOLDER_DATA_PATTERN)
    public CardFile cardFile(String words) {
        return CardFile.labelled(words);
    }

    @ParameterType("user-proof|signature")
    public KeyRef key(String words) {
        return words.equals("user-proof") ? KeyRef.AUTH : KeyRef.SIGN;
    }

    @ParameterType(CardFile.CERTIFICATE_PATTERN)
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

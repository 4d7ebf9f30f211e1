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
import dev.mynasim.fixtures.CardLayout;
import io.cucumber.java.ParameterType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words QA writes in scenarios, in English and in Japanese, mapped to the client's types in one
 * place. Each type's regular expression lists words of its {@link Vocabulary}, each value in both
 * languages (a test checks it); PINs, applications, files and certificates take theirs from the card model.
 */
public class ParameterTypes {

    /** The certificates of the JPKI application and their EFs; their names are the card model's. */
    public enum CertificateRef {
        AUTH(CardFile.AUTH_CERTIFICATE),
        SIGN(CardFile.SIGN_CERTIFICATE),
        AUTH_CA(CardFile.AUTH_CA_CERTIFICATE),
        SIGN_CA(CardFile.SIGN_CA_CERTIFICATE);

        final String words;
        final String wordsJa;
        final int fid;

        CertificateRef(CardFile file) {
            this.words = file.label();
            this.wordsJa = file.labelJa();
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

    static final Vocabulary<Pin> PINS = Vocabulary.of(Pin.values(), Pin::label, Pin::labelJa);
    /** The holder-data files scenarios read by name (the certificates have their own type). */
    static final Vocabulary<CardFile> CARD_FILES = Vocabulary.of(java.util.stream.Stream.of(CardFile.values())
            .filter(f -> f.label().matches(CardFile.HOLDER_DATA_PATTERN)).toArray(CardFile[]::new), CardFile::label, CardFile::labelJa);
    static final Vocabulary<CertificateRef> CERTIFICATES = Vocabulary.of(CertificateRef.values(), r -> r.words, r -> r.wordsJa);
    static final Vocabulary<CardApplication> APPLICATIONS =
            Vocabulary.of(CardApplication.values(), CardApplication::words, CardApplication::wordsJa);
    static final Vocabulary<KeyRef> KEYS = new Vocabulary<KeyRef>()
            .add(KeyRef.AUTH, "user-proof", "利用者証明用")
            .add(KeyRef.SIGN, "signature", "署名用");
    static final Vocabulary<CertificateRef> CAS = new Vocabulary<CertificateRef>()
            .add(CertificateRef.AUTH_CA, "user-proof CA", "利用者証明用CA")
            .add(CertificateRef.SIGN_CA, "signature CA", "署名用CA");
    static final Vocabulary<ReadMethod> READ_METHODS = new Vocabulary<ReadMethod>()
            .add(ReadMethod.FOUR_BYTE_HEADER, "4-byte header", "4バイトヘッダ")
            .add(ReadMethod.SEVEN_BYTE_HEADER, "7-byte header", "7バイトヘッダ")
            .add(ReadMethod.EXTENDED, "extended read", "拡張READ");
    /** Japanese: "カードの更新が{renewal}" reads "カードの更新ができる / まだできない / もうできない". */
    static final Vocabulary<Renewal> RENEWALS = new Vocabulary<Renewal>()
            .add(Renewal.POSSIBLE, "possible", "できる")
            .add(Renewal.NOT_YET_POSSIBLE, "not yet possible", "まだできない")
            .add(Renewal.NO_LONGER_POSSIBLE, "no longer possible", "もうできない");
    static final Vocabulary<RevocationMethod> REVOCATION_METHODS = new Vocabulary<RevocationMethod>()
            .add(RevocationMethod.CRL, "CRL", "CRL")
            .add(RevocationMethod.OCSP, "OCSP", "OCSP");
    /** Japanese: "…が{revocationCause}ため失効した". */
    static final Vocabulary<RevocationReason> REVOCATION_CAUSES = new Vocabulary<RevocationReason>()
            .add(RevocationReason.AFFILIATION_CHANGED, "the address changed", "住所が変わった")
            .add(RevocationReason.AFFILIATION_CHANGED, "the name changed", "氏名が変わった")
            .add(RevocationReason.KEY_COMPROMISE, "the key was compromised", "秘密鍵が漏えいした")
            .add(RevocationReason.SUPERSEDED, "it was renewed", "更新された")
            .add(RevocationReason.CESSATION_OF_OPERATION, "the card was reissued", "カードが再交付された");
    /** RFC 5280's names are identifiers, the same in both languages. */
    static final Vocabulary<RevocationReason> REVOCATION_REASONS = new Vocabulary<RevocationReason>()
            .add(RevocationReason.ofRfcName("keyCompromise"), "keyCompromise", "keyCompromise")
            .add(RevocationReason.ofRfcName("affiliationChanged"), "affiliationChanged", "affiliationChanged")
            .add(RevocationReason.ofRfcName("superseded"), "superseded", "superseded")
            .add(RevocationReason.ofRfcName("cessationOfOperation"), "cessationOfOperation", "cessationOfOperation")
            .add(RevocationReason.ofRfcName("certificateHold"), "certificateHold", "certificateHold");
    /** Japanese: "{relyingPartyAnswer}は{outcome}のため拒否される". */
    static final Vocabulary<VerificationOutcome> OUTCOMES = new Vocabulary<VerificationOutcome>()
            .add(VerificationOutcome.EXPIRED, VerificationOutcome.EXPIRED.words(), "有効期限切れ")
            .add(VerificationOutcome.NOT_YET_VALID, VerificationOutcome.NOT_YET_VALID.words(), "有効期間の開始前")
            .add(VerificationOutcome.SUSPENDED, VerificationOutcome.SUSPENDED.words(), "一時停止中")
            .add(VerificationOutcome.WRONG_CHAIN, VerificationOutcome.WRONG_CHAIN.words(), "証明書チェーンの誤り")
            .add(VerificationOutcome.BAD_SIGNATURE, VerificationOutcome.BAD_SIGNATURE.words(), "署名の誤り")
            .add(VerificationOutcome.REVOCATION_UNKNOWN, VerificationOutcome.REVOCATION_UNKNOWN.words(), "失効状態の確認不能");
    static final Vocabulary<String> RELYING_PARTY_ANSWERS = new Vocabulary<String>()
            .add("login", "login", "ログイン")
            .add("signature", "signature", "署名");
    /** Japanese: "認証局では{string}の{certificate}が{certificateState}となっている". */
    static final Vocabulary<CertificateState> CERTIFICATE_STATES = new Vocabulary<CertificateState>()
            .add(CertificateState.GOOD, "good", "有効")
            .add(CertificateState.ON_HOLD, "on hold", "一時停止")
            .add(CertificateState.REVOKED, "revoked", "失効");

    /** Which of the holder's details the office wrote to the card. */
    static final Vocabulary<String> HOLDER_FIELDS = new Vocabulary<String>()
            .add("address", "address", "住所")
            .add("name", "name", "氏名");

    /** A card layout by its name in persona files and on the command line (docs/card-choices.md). */
    static final Vocabulary<CardLayout> LAYOUTS = new Vocabulary<CardLayout>()
            .add(CardLayout.parse("short-form"), "short-form", "短形式")
            .add(CardLayout.parse("long-form"), "long-form", "長形式");

    /** Each word-list parameter type by name, for the test that proves both languages match. */
    public static Map<String, Vocabulary<?>> vocabularies() {
        Map<String, Vocabulary<?>> all = new LinkedHashMap<>();
        all.put("pin", PINS);
        all.put("application", APPLICATIONS);
        all.put("cardFile", CARD_FILES);
        all.put("key", KEYS);
        all.put("certificate", CERTIFICATES);
        all.put("ca", CAS);
        all.put("readMethod", READ_METHODS);
        all.put("renewal", RENEWALS);
        all.put("revocationMethod", REVOCATION_METHODS);
        all.put("revocationCause", REVOCATION_CAUSES);
        all.put("revocationReason", REVOCATION_REASONS);
        all.put("outcome", OUTCOMES);
        all.put("relyingPartyAnswer", RELYING_PARTY_ANSWERS);
        all.put("certificateState", CERTIFICATE_STATES);
        all.put("holderField", HOLDER_FIELDS);
        all.put("cardLayout", LAYOUTS);
        all.put("kioskOpen", KioskSteps.KIOSK_OPEN);
        return all;
    }

    @ParameterType(value = Pin.LABEL_PATTERN, useForSnippets = true)
    public Pin pin(String words) {
        return PINS.of(words);
    }

    @ParameterType(value = CardApplication.WORDS_PATTERN, useForSnippets = true)
    public CardApplication application(String words) {
        return APPLICATIONS.of(words);
    }

    @ParameterType(value = CardFile.HOLDER_DATA_PATTERN, useForSnippets = true)
    public CardFile cardFile(String words) {
        return CARD_FILES.of(words);
    }

    @ParameterType(value = "user-proof|signature|利用者証明用|署名用", useForSnippets = true)
    public KeyRef key(String words) {
        return KEYS.of(words);
    }

    @ParameterType(value = CardFile.CERTIFICATE_PATTERN, useForSnippets = true)
    public CertificateRef certificate(String words) {
        return CERTIFICATES.of(words);
    }

    @ParameterType(value = "user-proof CA|signature CA|利用者証明用CA|署名用CA", useForSnippets = true)
    public CertificateRef ca(String words) {
        return CAS.of(words);
    }

    @ParameterType(value = "4-byte header|7-byte header|extended read|4バイトヘッダ|7バイトヘッダ|拡張READ", useForSnippets = true)
    public ReadMethod readMethod(String words) {
        return READ_METHODS.of(words);
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

    @ParameterType(value = "possible|not yet possible|no longer possible|できる|まだできない|もうできない", useForSnippets = true)
    public Renewal renewal(String words) {
        return RENEWALS.of(words);
    }

    @ParameterType(value = "CRL|OCSP", useForSnippets = true)
    public RevocationMethod revocationMethod(String words) {
        return REVOCATION_METHODS.of(words);
    }

    /** Why a certificate was revoked, as a scenario tells it; each cause has one RFC 5280 reason. */
    @ParameterType(value = "the address changed|the name changed|the key was compromised|it was renewed|the card was reissued"
            + "|住所が変わった|氏名が変わった|秘密鍵が漏えいした|更新された|カードが再交付された", useForSnippets = true)
    public RevocationReason revocationCause(String words) {
        return REVOCATION_CAUSES.of(words);
    }

    /** An RFC 5280 reason name: keyCompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold. */
    @ParameterType(value = "keyCompromise|affiliationChanged|superseded|cessationOfOperation|certificateHold", useForSnippets = true)
    public RevocationReason revocationReason(String name) {
        return REVOCATION_REASONS.of(name);
    }

    /** A rejection other than "revoked (reason)", which has its own step. */
    @ParameterType(value = "expired|not yet valid|suspended|wrong chain|bad signature|revocation unknown"
            + "|有効期限切れ|有効期間の開始前|一時停止中|証明書チェーンの誤り|署名の誤り|失効状態の確認不能", useForSnippets = true)
    public VerificationOutcome outcome(String words) {
        return OUTCOMES.of(words);
    }

    @ParameterType(value = "login|signature|ログイン|署名", useForSnippets = true)
    public String relyingPartyAnswer(String words) {
        return RELYING_PARTY_ANSWERS.of(words);
    }

    @ParameterType(value = "address|name|住所|氏名", useForSnippets = true)
    public String holderField(String words) {
        return HOLDER_FIELDS.of(words);
    }

    @ParameterType(value = "good|on hold|revoked|有効|一時停止|失効", useForSnippets = true)
    public CertificateState certificateState(String words) {
        return CERTIFICATE_STATES.of(words);
    }

    @ParameterType(value = "short-form|long-form|短形式|長形式", useForSnippets = true)
    public CardLayout cardLayout(String words) {
        return LAYOUTS.of(words);
    }
}

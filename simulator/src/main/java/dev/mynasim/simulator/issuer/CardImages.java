package dev.mynasim.simulator.issuer;

import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.BerTlv;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.CardKey;
import dev.mynasim.model.MasterFileObject;
import dev.mynasim.model.Pin;
import dev.mynasim.model.TryLimits;
import dev.mynasim.fixtures.pki.IssuerKeyDerivation;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.simulator.Applications;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import dev.mynasim.simulator.render.CardFaceRenderer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What the issuer writes into each application of a persona's card (docs/card-reference.md §2): certificates,
 * token information, certificate availability, PINs and keys. The byte layouts are here, in one place.
 */
public final class CardImages {

    /** The token label of a My Number Card (JPKIAPICCTOKEN = 住基カード, ...GPSETOKEN = Android). */
    public static final String TOKEN_LABEL = "JPKIAPICCTOKEN2";
    private static final int TOKEN_INFO_LENGTH = 160;
    /** CKF_RNG | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED | CKF_TOKEN_INITIALIZED. */
    private static final int TOKEN_FLAGS = 0x0000040D;
    private static final byte CERT_PRESENT = (byte) 0x8F;

    private CardImages() {
    }

    /** Every application of the persona's card, the master file first. */
    public static List<ApplicationImage> forPersona(Persona persona, PersonaCredentials credentials,
            X509Certificate authCa, X509Certificate signCa) {
        IssuerKeys.HolderKeys keys = IssuerKeys.forHolder(persona.id());
        byte[] issuerKey = IssuerKeyDerivation.testMaster().cardKey(persona.serialNumber());
        List<ApplicationImage> images = List.of(
                masterFile(persona),
                jpki(persona, credentials, authCa, signCa).issuerKey(issuerKey),
                text(persona, keys.textOwn()).issuerKey(issuerKey),
                surface(persona, keys.surfaceOwn()).issuerKey(issuerKey),
                juki(persona).issuerKey(issuerKey),
                common(persona, keys.commonAuthentication()).issuerKey(issuerKey));
        Arrays.fill(issuerKey, (byte) 0);
        return images;
    }

    /**
     * Room reserved for EFs the office rewrites (docs/personalisation.md, "File capacity"): a
     * certificate EF holds 2,560 bytes (a renewed certificate, a longer name or address in the sign
     * certificate), the text AP's basic 4 its size + 512, the surface AP's card face its size + 8,192
     * (the name and address images are PNGs whose size follows the text).
     */
    public static final int CERTIFICATE_CAPACITY = 2560;
    public static final int BASIC_FOUR_HEADROOM = 512;
    public static final int CARD_FACE_HEADROOM = 8192;

    /** 公的個人認証AP: the two certificates with their CAs, the two keys and their PINs. */
    public static ApplicationImage jpki(Persona persona, PersonaCredentials credentials,
            X509Certificate authCa, X509Certificate signCa) {
        ApplicationImage image = new ApplicationImage("JPKI-AP", CardApplication.JPKI.aid());
        image.file(CardFile.TOKEN_INFO.fid(), tokenInfo(persona.serialNumber()));
        image.file(CardFile.CERTIFICATE_AVAILABILITY.fid(), certificateAvailability(credentials.signCertificate().isPresent()));
        image.file(CardFile.AUTH_CERTIFICATE.fid(), der(credentials.authCertificate())).capacity(CardFile.AUTH_CERTIFICATE.fid(), CERTIFICATE_CAPACITY);
        image.file(CardFile.AUTH_CA_CERTIFICATE.fid(), der(authCa));
        image.file(CardFile.JPKI_PROTECTED_0009.fid(), sixteenFf());
        image.file(CardFile.SIGN_CA_CERTIFICATE.fid(), der(signCa));
        image.seedRandom(freshSeed());
        image.pin(Pin.AUTH.fid(), ascii(persona.pins().auth()), 0, 0xFF);
        image.key(key(CardKey.JPKI_AUTH.fid(), credentials.authKey()));
        if (credentials.signCertificate().isPresent()) {
            image.file(CardFile.SIGN_CERTIFICATE.fid(), der(credentials.signCertificate().get())).capacity(CardFile.SIGN_CERTIFICATE.fid(), CERTIFICATE_CAPACITY);
            image.pin(Pin.SIGN.fid(), ascii(persona.pins().sign().orElseThrow(() -> new IllegalArgumentException(
                    "persona " + persona.id() + " has a signature certificate but no signature password"))), 0, 0xFF);
            image.key(key(CardKey.JPKI_SIGN.fid(), credentials.signKey().orElseThrow()));
        } else {
            // Under 15 at issue: the signature certificate EF and key are there but empty, and the
            // password is not set, until the office issues the first signature certificate (docs/lifecycle.md).
            image.file(CardFile.SIGN_CERTIFICATE.fid(), new byte[0]).capacity(CardFile.SIGN_CERTIFICATE.fid(), CERTIFICATE_CAPACITY);
            image.reserveKey(CardKey.JPKI_SIGN.fid());
        }
        return image;
    }

    /** JPKI EF 0008: {@code 8F 8F 00} with both certificates; the first byte {@code 00} without a signature certificate. */
    public static byte[] certificateAvailability(boolean signCertificate) {
        return new byte[] {signCertificate ? CERT_PRESENT : 0x00, CERT_PRESENT, 0x00};
    }

    /** The MF level: contact ATR without TS, municipality code, expiry (GET DATA). */
    public static ApplicationImage masterFile(Persona persona) {
        byte[] atr = dev.mynasim.simulator.CardProfile.CONTACT.atr();
        return new ApplicationImage("MF", Applications.ISD_AID)
                .dataObject(MasterFileObject.CONTACT_ATR.tag(), Arrays.copyOfRange(atr, 1, atr.length))
                .dataObject(MasterFileObject.MUNICIPALITY_CODE.tag(), ascii(persona.municipalityCode()))
                .dataObject(MasterFileObject.EXPIRY.tag(), ascii(yyyymmdd(persona.cardExpiry())))
                .seedRandom(freshSeed());
    }

    /** 券面事項入力補助AP. */
    public static ApplicationImage text(Persona persona, KeyPair ownKey) {
        byte[] myNumber = myNumberFile(persona.myNumber());
        byte[] basicFour = basicFourFile(persona);
        ApplicationImage image = new ApplicationImage("text AP", CardApplication.TEXT.aid());
        image.file(CardFile.MY_NUMBER.fid(), myNumber);
        image.file(CardFile.BASIC_FOUR.fid(), basicFour).capacity(CardFile.BASIC_FOUR.fid(), basicFour.length + BASIC_FOUR_HEADROOM);
        image.file(CardFile.INTEGRITY_RECORD.fid(), integrityRecord(myNumber, basicFour));
        image.file(CardFile.TEXT_CV_CERTIFICATE.fid(), cvCertificate(IssuerKeys.dataSigning()));
        image.file(CardFile.TEXT_BASIC_INFO.fid(), textBasicInfo());
        image.file(CardFile.TEXT_SESSION_KEY_PUBLIC_KEY.fid(), BerTlv.of(0xA1, publicKeyComponents(ownKey)));
        image.file(CardFile.TEXT_SIGNED_PUBLIC_KEY.fid(), signedPublicKey(ownKey));
        image.file(CardFile.TEXT_UNKNOWN_0008.fid(), sixteenFf());
        image.pin(Pin.TEXT.fid(), ascii(persona.pins().text()), 0, 0xFF);
        // Blocked from issuance on every card examined: any value, no tries.
        image.pin(Pin.TEXT_BLOCKED.fid(), ascii("0000"), 0, 0);
        image.pin(Pin.TEXT_CODE_A.fid(), ascii(persona.verificationCodeA()), TryLimits.VERIFICATION_CODES, 0xFF);
        image.pin(Pin.TEXT_CODE_B.fid(), ascii(persona.verificationCodeB()), TryLimits.VERIFICATION_CODES, 0xFF);
        image.key(key(CardKey.TEXT_OWN.fid(), (RSAPrivateCrtKey) ownKey.getPrivate()));
        image.seedRandom(freshSeed());
        return image;
    }

    /** 券面事項確認AP. */
    public static ApplicationImage surface(Persona persona, KeyPair ownKey) {
        ApplicationImage image = new ApplicationImage("surface AP", CardApplication.SURFACE.aid());
        RenderedFace face = RenderedFace.of(persona);
        byte[] cardPublicKey = publicKeyObject(ownKey);
        image.file(CardFile.AGE_RECORD.fid(), ageRecord(persona, cardPublicKey));
        byte[] cardFace = cardFace(persona, cardPublicKey, face);
        image.file(CardFile.CARD_FACE.fid(), cardFace).capacity(CardFile.CARD_FACE.fid(), cardFace.length + CARD_FACE_HEADROOM);
        image.file(CardFile.SURFACE_BASIC_INFO.fid(), surfaceBasicInfo(persona));
        image.file(CardFile.SURFACE_CV_CERTIFICATE.fid(), cvCertificate(IssuerKeys.dataSigning()));
        image.file(CardFile.SURFACE_UNKNOWN_0006.fid(), sixteenFf());
        image.file(CardFile.MY_NUMBER_IMAGE.fid(), myNumberImage(face.myNumber(), cardPublicKey));
        image.pin(Pin.BIRTH_DATE.fid(), ascii(persona.birthDateEra6()), TryLimits.VERIFICATION_CODES, 0xFF);
        image.pin(Pin.SURFACE_CODE_B.fid(), ascii(persona.verificationCodeB()), TryLimits.VERIFICATION_CODES, 0xFF);
        image.pin(Pin.SURFACE_CODE_A.fid(), ascii(persona.verificationCodeA()), TryLimits.VERIFICATION_CODES, 0xFF);
        image.key(key(CardKey.SURFACE_OWN.fid(), (RSAPrivateCrtKey) ownKey.getPrivate()));
        image.seedRandom(freshSeed());
        return image;
    }

    /** 住基AP: its PIN only (same value as the auth PIN unless the persona says otherwise; own counter). */
    public static ApplicationImage juki(Persona persona) {
        return new ApplicationImage("住基AP", CardApplication.JUKI.aid())
                .file(CardFile.JUKI_KEY_REFERENCE.fid(), keyReference())
                .pin(Pin.JUKI.fid(), ascii(persona.pins().juki()), 0, 0xFF)
                .seedRandom(freshSeed());
    }

    /** 共通カードAP: the card record, the INTERNAL AUTHENTICATE key, its own 001C PIN. */
    public static ApplicationImage common(Persona persona, KeyPair authenticationKey) {
        return new ApplicationImage("common AP", CardApplication.COMMON.aid())
                .file(CardFile.CARD_RECORD.fid(), cardRecord(persona))
                .file(CardFile.COMMON_KEY_REFERENCE.fid(), keyReference())
                .pin(Pin.COMMON.fid(), ascii(persona.pins().juki()), 0, 0xFF)
                .key(key(CardKey.COMMON_AUTHENTICATION.fid(), (RSAPrivateCrtKey) authenticationKey.getPrivate()))
                .seedRandom(freshSeed());
    }

    /**
     * What the office writes when the name or address changes (docs/lifecycle.md): text EF 0002 and
     * its integrity record EF 0003, and the surface AP's card face EF 0002 with its DF28 signature,
     * computed exactly as at issue from the holder as registered now.
     */
    public static java.util.Map<Integer, byte[]> textRewrite(Persona holderNow) {
        byte[] basicFour = basicFourFile(holderNow);
        java.util.Map<Integer, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(CardFile.BASIC_FOUR.fid(), basicFour);
        files.put(CardFile.INTEGRITY_RECORD.fid(), integrityRecord(myNumberFile(holderNow.myNumber()), basicFour));
        return files;
    }

    /** The surface AP's card face EF 0002 for the holder as registered now (see {@link #textRewrite}). */
    public static java.util.Map<Integer, byte[]> surfaceRewrite(Persona holderNow) {
        byte[] cardPublicKey = publicKeyObject(IssuerKeys.forHolder(holderNow.id()).surfaceOwn());
        return java.util.Map.of(CardFile.CARD_FACE.fid(), cardFace(holderNow, cardPublicKey, RenderedFace.of(holderNow)));
    }

    /** The common AP's card record (EF 0001) for the card as registered now: serial, municipality, expiry. */
    public static byte[] cardRecordRewrite(Persona holderNow) {
        return cardRecord(holderNow);
    }

    /** Room in the text AP's basic 4 (EF 0002) of a card issued to {@code asIssued}. */
    public static int basicFourCapacity(Persona asIssued) {
        return basicFourFile(asIssued).length + BASIC_FOUR_HEADROOM;
    }

    /** Room in the surface AP's card face (EF 0002) of a card issued to {@code asIssued}. */
    public static int cardFaceCapacity(Persona asIssued) {
        return surfaceRewrite(asIssued).get(CardFile.CARD_FACE.fid()).length + CARD_FACE_HEADROOM;
    }

    /** Text EF 0001: FF 10 0C + 12 ASCII digits + FF FF filler = 17 bytes. */
    static byte[] myNumberFile(String myNumber) {
        return BerTlv.concat(BerTlv.of(0xFF10, ascii(myNumber)), new byte[] {(byte) 0xFF, (byte) 0xFF});
    }

    /**
     * Text EF 0002: FF 20 L { DF21 08 offsets of DF22..DF25 from the file start; DF22 name; DF23
     * address (UTF-8); DF24 08 YYYYMMDD; DF25 01 sex code }. The outer length L follows the card's
     * layout: the shortest BER form ({@code 62}), or always {@code 82 HH LL} ({@link CardLayout#LONG_FORM}).
     */
    static byte[] basicFourFile(Persona persona) {
        byte[][] fields = {
            BerTlv.of(0xDF22, persona.name().getBytes(StandardCharsets.UTF_8)),
            BerTlv.of(0xDF23, persona.address().getBytes(StandardCharsets.UTF_8)),
            BerTlv.of(0xDF24, ascii(persona.birthDateYyyymmdd())),
            BerTlv.of(0xDF25, ascii(persona.sexCode()))};
        int fieldsLength = 11;
        for (byte[] field : fields) {
            fieldsLength += field.length;
        }
        boolean longForm = persona.layout() == CardLayout.LONG_FORM;
        byte[] outerLength = longForm ? BerTlv.twoByteLength(fieldsLength) : BerTlv.length(fieldsLength);
        int offset = 2 + outerLength.length + 11;
        ByteBuffer offsets = ByteBuffer.allocate(8);
        for (byte[] field : fields) {
            offsets.putShort((short) offset);
            offset += field.length;
        }
        byte[] value = BerTlv.concat(BerTlv.of(0xDF21, offsets.array()), BerTlv.concat(fields));
        return longForm ? BerTlv.withTwoByteLength(0xFF20, value) : BerTlv.of(0xFF20, value);
    }

    /**
     * The layout a text EF 0002 was written in, when its header tells: {@code 82 HH LL} for a value
     * below 256 bytes is the long form, a shorter length the short form; empty for a longer value or
     * something else (both layouts write {@code 82} there).
     */
    public static java.util.Optional<CardLayout> basicFourLayout(byte[] basicFour) {
        if (basicFour == null || basicFour.length < 5 || (basicFour[0] & 0xFF) != 0xFF || basicFour[1] != 0x20) {
            return java.util.Optional.empty();
        }
        int first = basicFour[2] & 0xFF;
        if (first < 0x80 || first == 0x81) {
            return java.util.Optional.of(CardLayout.SHORT_FORM);
        }
        if (first == 0x82 && (basicFour[3] & 0xFF) == 0) {
            return java.util.Optional.of(CardLayout.LONG_FORM);
        }
        return java.util.Optional.empty();
    }

    /**
     * Text EF 0003: FF 30 82 01 4B { DF31 20 SHA-256(EF 0001 as stored, 17 bytes); DF32 20 SHA-256(EF
     * 0002's value from DF22 to the end); DF33 82 01 00 sha256WithRSA over DF31‖DF32 (the TLVs) by
     * the data-signing key of EF 0004 } = 336 bytes.
     */
    static byte[] integrityRecord(byte[] myNumberFile, byte[] basicFourFile) {
        byte[] hashes = BerTlv.concat(BerTlv.of(0xDF31, sha256(myNumberFile)), BerTlv.of(0xDF32, sha256(basicFourFrom22(basicFourFile))));
        return BerTlv.of(0xFF30, BerTlv.concat(hashes, BerTlv.of(0xDF33, sign(IssuerKeys.dataSigning().getPrivate(), hashes))));
    }

    /** EF 0002's outer value from DF22 on: the file minus its outer header and DF21 offset table. */
    public static byte[] basicFourFrom22(byte[] basicFourFile) {
        int headerLength = 2 + ((basicFourFile[2] & 0x80) == 0 ? 1 : 1 + (basicFourFile[2] & 0x7F));
        return Arrays.copyOfRange(basicFourFile, headerLength + 11, basicFourFile.length);
    }

    /**
     * EF 0004 (text and surface): 7F21 82 02 33 { 5F4E 82 01 29 body = CA key ID(16) ‖ holder key
     * ID(16) ‖ 90 03 exponent ‖ 91 82 01 00 modulus; 5F37 82 01 00 sha256WithRSA over the body by
     * the issuer's CV CA } = 568 bytes.
     */
    static byte[] cvCertificate(KeyPair certified) {
        KeyPair ca = IssuerKeys.cvCa();
        byte[] body = BerTlv.concat(IssuerKeys.keyId(ca), IssuerKeys.keyId(certified), publicKeyComponents(certified));
        return BerTlv.of(0x7F21, BerTlv.concat(BerTlv.of(0x5F4E, body), BerTlv.of(0x5F37, sign(ca.getPrivate(), body))));
    }

    /**
     * Text EF 0007: FF 50 82 02 13 { DF51 82 01 09 the text AP's own public key (key 0013); DF52 82 01 00
     * sha256WithRSA over the DF51 TLV by the data-signing key of EF 0004 } = 535 bytes (docs/card-reference.md §2.2).
     */
    static byte[] signedPublicKey(KeyPair ownKey) {
        byte[] key = BerTlv.of(0xDF51, publicKeyComponents(ownKey));
        return BerTlv.of(0xFF50, BerTlv.concat(key, BerTlv.of(0xDF52, sign(IssuerKeys.dataSigning().getPrivate(), key))));
    }

    /** 16 × FF: what myna-card found in text 0008 and surface 0006 (meaning unknown); JPKI 0009 is never read. */
    static byte[] sixteenFf() {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) 0xFF);
        return bytes;
    }

    /** 住基 and common EF 0002, byte-identical: a 16-byte key reference, here the CV CA's key ID. */
    static byte[] keyReference() {
        return IssuerKeys.keyId(IssuerKeys.cvCa());
    }

    /** 90 03 01 00 01 91 82 01 00 modulus: an RSA-2048 public key as the 券面 APs write it. */
    static byte[] publicKeyComponents(KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return BerTlv.concat(BerTlv.of(0x90, IssuerKeys.unsigned(key.getPublicExponent().toByteArray(), 3)),
                BerTlv.of(0x91, IssuerKeys.unsigned(key.getModulus().toByteArray(), 256)));
    }

    /** The card public key as a 券面 object value (DF24 of the card face, DF12, DF42). */
    private static byte[] publicKeyObject(KeyPair pair) {
        return publicKeyComponents(pair);
    }

    /** Size of text EF 0005 on a real card: clients read it with one Le of 256 and require all 256 bytes. */
    public static final int TEXT_BASIC_INFO_LENGTH = 256;

    /**
     * Text EF 0005: FF 40 81 9E { DF41 04 01 03 0E 01; DF42 10 key ID; DF43 81 80 32 bytes + 96 × FF }
     * (162 bytes), then FF filler up to the card's 256 bytes (jpki/myna's Go client and pymyna read
     * 256 bytes and refuse fewer; docs/card-choices.md).
     */
    static byte[] textBasicInfo() {
        byte[] opaque = new byte[128];
        Arrays.fill(opaque, (byte) 0xFF);
        byte[] keyId = IssuerKeys.keyId(IssuerKeys.dataSigning());
        System.arraycopy(sha256(keyId), 0, opaque, 0, 32);
        byte[] object = BerTlv.of(0xFF40, BerTlv.concat(BerTlv.of(0xDF41, HexFormat.of().parseHex("01030E01")),
                BerTlv.of(0xDF42, keyId), BerTlv.of(0xDF43, opaque)));
        return paddedWithFf(object, TEXT_BASIC_INFO_LENGTH);
    }

    /** The object, then FF filler up to size bytes (the 券面 APs' files keep filler after the TLV). */
    static byte[] paddedWithFf(byte[] object, int size) {
        if (object.length > size) {
            throw new IllegalStateException("a " + object.length + "-byte object does not fit a " + size + "-byte file");
        }
        byte[] file = Arrays.copyOf(object, size);
        Arrays.fill(file, object.length, size, (byte) 0xFF);
        return file;
    }

    /** Surface EF 0003: FF 30 { DF31 04 06 03 0E 01; DF32 10 key ID; DF33 01 version; DF34 05 municipality; DF35 key ID + 256 }. */
    static byte[] surfaceBasicInfo(Persona persona) {
        byte[] keyId = IssuerKeys.keyId(IssuerKeys.dataSigning());
        byte[] opaque = new byte[256];
        Arrays.fill(opaque, (byte) 0xFF);
        return BerTlv.of(0xFF30, BerTlv.concat(BerTlv.of(0xDF31, HexFormat.of().parseHex("06030E01")),
                BerTlv.of(0xDF32, keyId), BerTlv.of(0xDF33, new byte[] {0x01}),
                BerTlv.of(0xDF34, ascii(persona.municipalityCode())), BerTlv.of(0xDF35, BerTlv.concat(keyId, opaque))));
    }

    /** Surface EF 0001: FF 10 82 02 1E { DF11 08 YYYYMMDD; DF12 card public key; DF13 signature over DF11‖DF12 }. */
    static byte[] ageRecord(Persona persona, byte[] cardPublicKey) {
        byte[] signed = BerTlv.concat(BerTlv.of(0xDF11, ascii(persona.birthDateYyyymmdd())), BerTlv.of(0xDF12, cardPublicKey));
        return BerTlv.of(0xFF10, BerTlv.concat(signed, BerTlv.of(0xDF13, sign(IssuerKeys.dataSigning().getPrivate(), signed))));
    }

    /**
     * Surface EF 0002: FF 20 82 LL LL { DF21 12 offsets (9 × u16 from the file start to DF22..DF2A);
     * DF22 birth date; DF23 sex; DF24 card public key; DF25
     * name PNG; DF26 address PNG; DF27 face; DF28 signature; DF29 expiry; DF2A security code PNG }.
     */
    static byte[] cardFace(Persona persona, byte[] cardPublicKey, RenderedFace face) {
        byte[] df22 = ascii(persona.birthDateYyyymmdd());
        byte[] df23 = ascii(persona.sexCode());
        byte[][] fields = {
            BerTlv.of(0xDF22, df22), BerTlv.of(0xDF23, df23), BerTlv.of(0xDF24, cardPublicKey),
            BerTlv.of(0xDF25, face.name()), BerTlv.of(0xDF26, face.address()), BerTlv.of(0xDF27, face.photo()),
            BerTlv.of(0xDF28, cardFaceSignature(df22, df23, cardPublicKey, face)),
            BerTlv.of(0xDF29, ascii(yyyymmdd(persona.cardExpiry()))), BerTlv.of(0xDF2A, face.securityCode())};
        int offsetTableLength = 2 + 1 + 2 * fields.length;
        int fieldsLength = offsetTableLength;
        for (byte[] field : fields) {
            fieldsLength += field.length;
        }
        int offset = 2 + BerTlv.length(fieldsLength).length + offsetTableLength;
        ByteBuffer offsets = ByteBuffer.allocate(2 * fields.length);
        for (byte[] field : fields) {
            offsets.putShort((short) offset);
            offset += field.length;
        }
        return BerTlv.of(0xFF20, BerTlv.concat(BerTlv.of(0xDF21, offsets.array()), BerTlv.concat(fields)));
    }

    /**
     * DF28: PKCS#1 v1.5 over one DigestInfo 30 71 ... 04 60 carrying SHA-256(DF22‖DF23‖DF24) ‖
     * SHA-256(DF25‖DF26) ‖ SHA-256(DF27), each hash over the values (not the TLVs).
     */
    static byte[] cardFaceSignature(byte[] df22, byte[] df23, byte[] df24, RenderedFace face) {
        byte[] hashes = BerTlv.concat(sha256(BerTlv.concat(df22, df23, df24)),
                sha256(BerTlv.concat(face.name(), face.address())), sha256(face.photo()));
        return rawPkcs1(IssuerKeys.dataSigning().getPrivate(), cardFaceDigestInfo(hashes));
    }

    /** 30 71 30 0D 06 09 (SHA-256 OID) 05 00 04 60 <96 bytes>. */
    public static byte[] cardFaceDigestInfo(byte[] threeHashes) {
        return BerTlv.concat(HexFormat.of().parseHex("3071300D060960864801650304020105000460"), threeHashes);
    }

    /** Surface EF 0005: FF 40 { DF41 My Number PNG; DF42 card public key; DF43 signature over DF41‖DF42 }. */
    static byte[] myNumberImage(byte[] png, byte[] cardPublicKey) {
        byte[] signed = BerTlv.concat(BerTlv.of(0xDF41, png), BerTlv.of(0xDF42, cardPublicKey));
        return BerTlv.of(0xFF40, BerTlv.concat(signed, BerTlv.of(0xDF43, sign(IssuerKeys.dataSigning().getPrivate(), signed))));
    }

    /** Common EF 0001, record 1: simple TLV 01 1C + serial(15) + municipality code(5) + expiry YYYYMMDD. */
    static byte[] cardRecord(Persona persona) {
        byte[] digits = ascii(persona.serialNumber() + persona.municipalityCode() + yyyymmdd(persona.cardExpiry()));
        return BerTlv.concat(new byte[] {0x01, (byte) digits.length}, digits);
    }

    /**
     * The surface AP's images for a persona, rendered once per JVM (font loading and drawing cost time).
     * Shared by every card issued in the JVM, so it hands out copies (a record would hand out its arrays
     * and compare them by identity); equal by content, its string masks the images.
     */
    static final class RenderedFace {
        private static final java.util.Map<Persona, RenderedFace> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        private final byte[] name;
        private final byte[] address;
        private final byte[] photo;
        private final byte[] securityCode;
        private final byte[] myNumber;

        RenderedFace(byte[] name, byte[] address, byte[] photo, byte[] securityCode, byte[] myNumber) {
            this.name = name.clone();
            this.address = address.clone();
            this.photo = photo.clone();
            this.securityCode = securityCode.clone();
            this.myNumber = myNumber.clone();
        }

        static RenderedFace of(Persona persona) {
            return CACHE.computeIfAbsent(persona, p -> new RenderedFace(CardFaceRenderer.name(p.name()),
                    CardFaceRenderer.address(p.address()), CardFaceRenderer.face(),
                    CardFaceRenderer.securityCode(p.securityCode()), CardFaceRenderer.myNumber(p.myNumber())));
        }

        byte[] name() {
            return name.clone();
        }

        byte[] address() {
            return address.clone();
        }

        byte[] photo() {
            return photo.clone();
        }

        byte[] securityCode() {
            return securityCode.clone();
        }

        byte[] myNumber() {
            return myNumber.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RenderedFace that && Arrays.equals(name, that.name)
                    && Arrays.equals(address, that.address) && Arrays.equals(photo, that.photo)
                    && Arrays.equals(securityCode, that.securityCode)
                    && Arrays.equals(myNumber, that.myNumber);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(name) * 31 + Arrays.hashCode(photo);
        }

        @Override
        public String toString() {
            return "RenderedFace[images masked]";
        }
    }

    static String yyyymmdd(java.time.LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with a test key", e);
        }
    }

    /** PKCS#1 v1.5 type 1 over a DigestInfo built by hand (the 96-byte card-face digest has no JCA name). */
    private static byte[] rawPkcs1(PrivateKey key, byte[] digestInfo) {
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(digestInfo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the card face with a test key", e);
        }
    }

    /**
     * EF 0006: a PKCS#11 CK_TOKEN_INFO with 32-bit big-endian CK_ULONGs, 160 bytes (docs/card-reference.md
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

    /** A copy of one application's image for another card: the same contents, a random seed of its own. */
    public static ApplicationImage reissued(ApplicationImage template) {
        ApplicationImage copy = template.copy();
        return template.randomSeed().length == 0 ? copy : copy.seedRandom(freshSeed());
    }

    /** Per-card seed for the applet's random generator: two cards never answer GET CHALLENGE alike. */
    static byte[] freshSeed() {
        byte[] seed = new byte[32];
        SEED_SOURCE.nextBytes(seed);
        return seed;
    }

    private static final java.security.SecureRandom SEED_SOURCE = new java.security.SecureRandom();

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

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

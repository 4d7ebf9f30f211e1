package dev.mynasim.applet;

import static dev.mynasim.applet.Instructions.INS_CREATE_EF;
import static dev.mynasim.applet.Instructions.INS_LOCK;
import static dev.mynasim.applet.Instructions.INS_SEED_RANDOM;
import static dev.mynasim.applet.Instructions.INS_SET_KEY;
import static dev.mynasim.applet.Instructions.INS_SET_OPTION;
import static dev.mynasim.applet.Instructions.INS_SET_PIN;
import static dev.mynasim.applet.Instructions.INS_WRITE_BINARY;

import javacard.framework.APDU;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.RSAPrivateCrtKey;
import javacard.security.RSAPublicKey;
import javacard.security.RandomData;

/**
 * The issuer's side of an application (docs/personalisation.md): the CLA 80 personalisation
 * commands before LOCK, and after LOCK the office commands behind the issuer channel (EXTERNAL
 * AUTHENTICATE, RESET RETRY COUNTER, GENERATE ASYMMETRIC KEY PAIR, WRITE BINARY, SET EF LENGTH).
 * Holds the application's life cycle. Allocated once with its application.
 */
final class IssuerCommands {

    /** p, q, dp, dq, qInv. */
    private static final byte ISSUER_KEY_REFERENCE = (byte) 0x81;
    /** RESET RETRY COUNTER P1: 02 = new value and full counter, 03 = full counter only. */
    private static final byte RESET_WITH_NEW_VALUE = (byte) 0x02;
    private static final byte RESET_COUNTER_ONLY = (byte) 0x03;
    /** SET KEY P1 naming the AES-128 issuer key instead of an RSA component. */
    private static final byte ISSUER_KEY_COMPONENT = (byte) 0x10;
    /** SET KEY P1 with no data: allocate the key objects, load nothing. */
    private static final byte KEY_RESERVE = (byte) 0x00;
    /** CREATE EF P1: 00 create, 01 set the length of an existing EF within its capacity. */
    private static final byte CREATE_EF_SET_LENGTH = (byte) 0x01;
    private static final short RSA_2048_COMPONENT_LENGTH = (short) 128;
    /** 63Cx can only say up to 15 tries. */
    private static final byte MAX_TRY_LIMIT = (byte) 15;
    private static final byte TRIES_LEFT_IS_LIMIT = (byte) 0xFF;
    /**
     * Pairs GENERATE makes before it gives up with 6400 (docs/on-card-keys.md): a pair fails the
     * consistency test about once in 73 on jCardSim, so eight failures in a row do not happen.
     */
    private static final byte KEY_GENERATION_ATTEMPTS = (byte) 8;

    private final MynaApplication application;
    private final FileTable files;
    private final SessionState session;
    private final Options options;
    private final RandomData random;
    private final IssuerAuthentication issuer;
    /** MynaApplication.LIFECYCLE_PERSONALISATION until LOCK, then LIFECYCLE_OPERATIONAL. */
    byte lifecycle;
    /** Generated pairs the consistency test rejected since install (saturates at 7FFF; HostExport). */
    short rejectedKeyPairs;

    IssuerCommands(MynaApplication application, FileTable files, SessionState session, Options options,
            RandomData random, IssuerAuthentication issuer) {
        this.application = application;
        this.files = files;
        this.session = session;
        this.options = options;
        this.random = random;
        this.issuer = issuer;
        lifecycle = MynaApplication.LIFECYCLE_PERSONALISATION;
    }

    /** EXTERNAL AUTHENTICATE {@code 00 82 00 81 10 <CMAC>}: see IssuerAuthentication. */
    void externalAuthenticate(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0 || buffer[ISO7816.OFFSET_P2] != ISSUER_KEY_REFERENCE) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = MynaApplication.receiveAll(apdu);
        issuer.authenticate(buffer, apdu.getOffsetCdata(), length);
    }

    /**
     * RESET RETRY COUNTER {@code 00 2C 02 P2 Lc <new value>} (new value, counter back to its limit) or
     * {@code 00 2C 03 P2} (counter only), P2 as VERIFY's. Needs the issuer channel after LOCK (6982
     * first, before anything is looked at); clears that PIN's verified state.
     */
    void resetRetryCounter(APDU apdu) {
        requireIssuerChannel();
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        if (p1 != RESET_WITH_NEW_VALUE && p1 != RESET_COUNTER_ONLY) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Pin pin = application.referencedPin(buffer[ISO7816.OFFSET_P2]);
        short length = MynaApplication.receiveAll(apdu);
        if (!pin.isSet()) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        short data = apdu.getOffsetCdata();
        if (p1 == RESET_COUNTER_ONLY) {
            if (length != (short) 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
        } else {
            if (length == (short) 0 || length > PinFormat.MAX_LENGTH) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            if (!PinFormat.accepts(pin.format, buffer, data, length)) {
                ISOException.throwIt(options.malformedPinSw());
            }
        }
        JCSystem.beginTransaction();
        if (p1 == RESET_WITH_NEW_VALUE) {
            pin.replaceValue(buffer, data, length);
        }
        pin.unblock();
        files.pinChanged();
        JCSystem.commitTransaction();
        session.setVerified(pin.slot, false);
    }

    /**
     * GENERATE ASYMMETRIC KEY PAIR {@code 00 46 00 P2 00}, P2 = 80 (current key IEF) or 80|SFI: replaces
     * the key with a new RSA-2048 pair made on the card (public exponent 65537) and answers the
     * 256-byte modulus. Needs the issuer channel after LOCK; 6985 for a key never loaded.
     * As a card OS does, each new pair is made in the spare key objects and must pass a pairwise
     * consistency test before it replaces the key; a rejected pair is made again, and after
     * KEY_GENERATION_ATTEMPTS rejections the card answers 6400 with the old key in place.
     */
    void generateKeyPair(APDU apdu) {
        requireIssuerChannel();
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        KeyFile keyFile = application.referencedKey(buffer[ISO7816.OFFSET_P2]);
        if (MynaApplication.receiveAll(apdu) != (short) 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (keyFile.spareGenerator == null || keyFile.usage != KeyFile.USAGE_SIGN) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        byte[] scratch = session.scratch;
        for (byte attempt = 0; attempt < KEY_GENERATION_ATTEMPTS; attempt++) {
            scratch[0] = (byte) 0x01;
            scratch[1] = (byte) 0x00;
            scratch[2] = (byte) 0x01;
            keyFile.sparePublicKey.setExponent(scratch, (short) 0, (short) 3);
            keyFile.spareGenerator.genKeyPair();
            if (application.signer.pairIsConsistent(keyFile.spareKey, keyFile.sparePublicKey, scratch)) {
                JCSystem.beginTransaction();
                keyFile.swapInSpare();
                files.contentChanged();
                JCSystem.commitTransaction();
                short length = keyFile.publicKey.getModulus(scratch, (short) 0);
                apdu.setOutgoing();
                apdu.setOutgoingLength(length);
                apdu.sendBytesLong(scratch, (short) 0, length);
                Util.arrayFillNonAtomic(scratch, (short) 0, SessionState.SCRATCH_LENGTH, (byte) 0);
                return;
            }
            if (rejectedKeyPairs != Short.MAX_VALUE) {
                rejectedKeyPairs++;
            }
        }
        keyFile.spareKey.clearKey();
        Util.arrayFillNonAtomic(scratch, (short) 0, SessionState.SCRATCH_LENGTH, (byte) 0);
        ISOException.throwIt(StatusWords.EXECUTION_ERROR_MEMORY_UNCHANGED);
    }

    /** The CLA 80 issuer commands: 6982 after LOCK unless the office command may pass the issuer channel. */
    void process(APDU apdu, byte ins) {
        switch (ins) {
            case INS_CREATE_EF:
            case INS_WRITE_BINARY:
            case INS_SET_PIN:
            case INS_SET_KEY:
            case INS_SET_OPTION:
            case INS_SEED_RANDOM:
            case INS_LOCK:
                break;
            default:
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
        if (lifecycle != MynaApplication.LIFECYCLE_PERSONALISATION && !(isOfficeCommand(apdu, ins) && issuer.isAuthenticated())) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        switch (ins) {
            case INS_CREATE_EF: createElementaryFile(apdu); return;
            case INS_WRITE_BINARY: writeBinary(apdu); return;
            case INS_SET_PIN: setPin(apdu); return;
            case INS_SET_KEY: setKeyComponent(apdu); return;
            case INS_SET_OPTION: setOption(apdu); return;
            case INS_SEED_RANDOM: seedRandom(apdu); return;
            default: lock(apdu);
        }
    }

    /**
     * After LOCK, what the authenticated issuer channel opens among the CLA 80 issuer commands:
     * WRITE BINARY into an existing EF, SET EF LENGTH (CREATE EF P1=01) and SET PIN of a PIN never
     * set (the first signature password of a holder who has turned 15). Nothing that allocates.
     */
    private static boolean isOfficeCommand(APDU apdu, byte ins) {
        return ins == INS_WRITE_BINARY || ins == INS_SET_PIN
            || (ins == INS_CREATE_EF && apdu.getBuffer()[ISO7816.OFFSET_P1] == CREATE_EF_SET_LENGTH);
    }

    /** ISO-class office commands: 6982 after LOCK unless EXTERNAL AUTHENTICATE succeeded in this DF session. */
    private void requireIssuerChannel() {
        if (lifecycle != MynaApplication.LIFECYCLE_PERSONALISATION && !issuer.isAuthenticated()) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    /**
     * CREATE EF {@code 80 E0 00 00 04 FID size} or {@code 80 E0 00 00 06 FID size capacity}: the only
     * place a data EF body is allocated, with room for capacity bytes (default: size). Size 0 with a
     * capacity reserves an empty EF (DataFile.hasContent) for the office to fill later. P1=01,
     * {@code 80 E0 01 00 04 FID length}: SET EF LENGTH of an existing EF, within its capacity (6A84
     * beyond); the bytes past the new length are zeroed.
     */
    private void createElementaryFile(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        if ((p1 != (byte) 0 && p1 != CREATE_EF_SET_LENGTH) || buffer[ISO7816.OFFSET_P2] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = MynaApplication.receiveAll(apdu);
        if (length != (short) 4 && (length != (short) 6 || p1 == CREATE_EF_SET_LENGTH)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        short data = apdu.getOffsetCdata();
        DataFile file = files.dataFileByFid(Util.getShort(buffer, data));
        if (file == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        short size = Util.getShort(buffer, (short) (data + 2));
        if (p1 == CREATE_EF_SET_LENGTH) {
            if (!file.exists()) {
                ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
            }
            if (size < (short) 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            if (size > (short) file.content.length) {
                ISOException.throwIt(StatusWords.NOT_ENOUGH_MEMORY);
            }
            JCSystem.beginTransaction();
            if (size < (short) file.content.length) {
                // jCardSim refuses a fill that starts at the array's end, even for 0 bytes.
                Util.arrayFillNonAtomic(file.content, size, (short) (file.content.length - size), (byte) 0);
            }
            file.length = size;
            files.contentChanged();
            JCSystem.commitTransaction();
            return;
        }
        if (file.exists()) {
            ISOException.throwIt(StatusWords.FILE_ALREADY_EXISTS);
        }
        short capacity = length == (short) 6 ? Util.getShort(buffer, (short) (data + 4)) : size;
        if (size < (short) 0 || capacity <= (short) 0 || capacity < size) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        JCSystem.beginTransaction();
        file.content = new byte[capacity];
        file.length = size;
        files.contentChanged();
        JCSystem.commitTransaction();
    }

    private void writeBinary(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if ((buffer[ISO7816.OFFSET_P1] & MynaApplication.CLA_PROPRIETARY_BIT) != 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
        short length = MynaApplication.receiveAll(apdu);
        DataFile file = application.currentDataFile();
        // Within the capacity; the length (what READ BINARY sees) changes only with SET EF LENGTH.
        short size = (short) file.content.length;
        if (offset > size || length > (short) (size - offset)) {
            ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
        }
        JCSystem.beginTransaction();
        Util.arrayCopy(buffer, apdu.getOffsetCdata(), file.content, offset, length);
        files.contentChanged();
        JCSystem.commitTransaction();
    }

    private void setPin(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte requestedLimit = buffer[ISO7816.OFFSET_P1];
        Pin pin = files.pinByFid((short) (buffer[ISO7816.OFFSET_P2] & 0xFF));
        if (pin == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (requestedLimit < (byte) 0 || requestedLimit > MAX_TRY_LIMIT) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = MynaApplication.receiveAll(apdu);
        if (length < (short) 1) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (lifecycle != MynaApplication.LIFECYCLE_PERSONALISATION && pin.isSet()) {
            // After LOCK only a PIN the card was issued without may be set; a set one is reset (00 2C).
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        byte limit = requestedLimit == (byte) 0 ? pin.defaultLimit : requestedLimit;
        short data = apdu.getOffsetCdata();
        byte triesLeft = buffer[data];
        if (triesLeft == TRIES_LEFT_IS_LIMIT) {
            triesLeft = limit;
        }
        short valueLength = (short) (length - 1);
        if (triesLeft < (byte) 0 || triesLeft > limit
            || !PinFormat.accepts(pin.format, buffer, (short) (data + 1), valueLength)) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        JCSystem.beginTransaction();
        pin.personalise(limit, triesLeft, buffer, (short) (data + 1), valueLength);
        files.pinChanged();
        JCSystem.commitTransaction();
        session.setVerified(pin.slot, false);
    }

    /**
     * SET KEY: the only place a key object is allocated (on its first component, or on P1=00 with no
     * data, which reserves the key objects empty: the signature key of a holder under 15, generated
     * on the card by the office later, when nothing may be allocated any more).
     */
    private void setKeyComponent(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte component = buffer[ISO7816.OFFSET_P1];
        if (component == ISSUER_KEY_COMPONENT && buffer[ISO7816.OFFSET_P2] == (byte) 0) {
            if (MynaApplication.receiveAll(apdu) != IssuerAuthentication.KEY_LENGTH) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            issuer.setKey(buffer, apdu.getOffsetCdata());
            return;
        }
        KeyFile keyFile = files.keyByFid((short) (buffer[ISO7816.OFFSET_P2] & 0xFF));
        if (keyFile == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (component < KEY_RESERVE || component > (byte) 5) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        if (MynaApplication.receiveAll(apdu) != (component == KEY_RESERVE ? (short) 0 : RSA_2048_COMPONENT_LENGTH)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (keyFile.key == null) {
            keyFile.key = (RSAPrivateCrtKey) KeyBuilder.buildKey(
                KeyBuilder.TYPE_RSA_CRT_PRIVATE, KeyBuilder.LENGTH_RSA_2048, false);
            keyFile.publicKey = (RSAPublicKey) KeyBuilder.buildKey(
                KeyBuilder.TYPE_RSA_PUBLIC, KeyBuilder.LENGTH_RSA_2048, false);
            keyFile.generator = new KeyPair(keyFile.publicKey, keyFile.key);
            keyFile.spareKey = (RSAPrivateCrtKey) KeyBuilder.buildKey(
                KeyBuilder.TYPE_RSA_CRT_PRIVATE, KeyBuilder.LENGTH_RSA_2048, false);
            keyFile.sparePublicKey = (RSAPublicKey) KeyBuilder.buildKey(
                KeyBuilder.TYPE_RSA_PUBLIC, KeyBuilder.LENGTH_RSA_2048, false);
            keyFile.spareGenerator = new KeyPair(keyFile.sparePublicKey, keyFile.spareKey);
        }
        if (component == KEY_RESERVE) {
            return;
        }
        short data = apdu.getOffsetCdata();
        RSAPrivateCrtKey key = keyFile.key;
        files.contentChanged();
        switch (component) {
            case 1: key.setP(buffer, data, RSA_2048_COMPONENT_LENGTH); break;
            case 2: key.setQ(buffer, data, RSA_2048_COMPONENT_LENGTH); break;
            case 3: key.setDP1(buffer, data, RSA_2048_COMPONENT_LENGTH); break;
            case 4: key.setDQ1(buffer, data, RSA_2048_COMPONENT_LENGTH); break;
            default: key.setPQ(buffer, data, RSA_2048_COMPONENT_LENGTH);
        }
    }

    /**
     * SEED RANDOM 80 DD 00 00 Lc seed: adds the issuer's seed to the random generator, so that two
     * cards never answer GET CHALLENGE alike (jCardSim's generator starts the same in every card).
     */
    private void seedRandom(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (Util.getShort(buffer, ISO7816.OFFSET_P1) != (short) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = MynaApplication.receiveAll(apdu);
        if (length == (short) 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        random.setSeed(buffer, apdu.getOffsetCdata(), length);
    }

    private void setOption(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = MynaApplication.receiveAll(apdu);
        short status = options.set(buffer[ISO7816.OFFSET_P2], buffer, apdu.getOffsetCdata(), length);
        if (status != ISO7816.SW_NO_ERROR) {
            ISOException.throwIt(status);
        }
    }

    /**
     * LOCK: every key whose certificate EF has content loaded, and every PIN set except one that
     * guards only keys a card goes without for now (a holder under 15: the sign certificate EF
     * reserved empty, the sign key reserved, the sign password not set).
     */
    private void lock(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (Util.getShort(buffer, ISO7816.OFFSET_P1) != (short) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        for (byte i = 0; i < files.keyFileCount; i++) {
            if (keyRequired(files.keyFiles[i]) && !files.keyFiles[i].isLoaded()) {
                ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
            }
        }
        for (byte i = 0; i < files.pinCount; i++) {
            if (!files.pins[i].isSet() && pinRequired(files.pins[i].fid)) {
                ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
            }
        }
        lifecycle = MynaApplication.LIFECYCLE_OPERATIONAL;
    }

    private boolean keyRequired(KeyFile keyFile) {
        DataFile certificate = files.dataFileByFid(keyFile.certificateFid);
        return certificate == null || certificate.hasContent();
    }

    /** A PIN is required unless every key it guards is a key this card goes without. */
    private boolean pinRequired(short pinFid) {
        boolean guardsAKey = false;
        for (byte i = 0; i < files.keyFileCount; i++) {
            if (files.keyFiles[i].pinFid == pinFid) {
                guardsAKey = true;
                if (keyRequired(files.keyFiles[i])) {
                    return true;
                }
            }
        }
        return !guardsAKey;
    }
}

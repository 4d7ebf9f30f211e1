package dev.mynasim.applet;

import javacard.framework.APDU;
import javacard.framework.APDUException;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.RSAPrivateCrtKey;
import javacard.security.RSAPublicKey;
import javacard.security.RandomData;
import javacardx.apdu.ExtendedLength;

/**
 * What every My Number Card application (DF) shares: class-byte rules, SELECT, the EF table,
 * READ BINARY, READ RECORD, VERIFY, CHANGE REFERENCE DATA or CHANGE KEY, GET CHALLENGE, the 80 2A
 * signature, INTERNAL AUTHENTICATE, the issuer
 * (personalisation) commands and options of docs/personalisation.md, and the life cycle.
 * A concrete application only declares its AID (at install) and its file table (in its
 * constructor). Choices where docs/card-reference.md is silent are listed in docs/card-choices.md.
 */
public abstract class MynaApplication extends Applet implements ExtendedLength {
    static final byte LIFECYCLE_PERSONALISATION = (byte) 0x01;
    static final byte LIFECYCLE_OPERATIONAL = (byte) 0x07;

    private static final byte INS_SELECT = (byte) 0xA4;
    private static final byte INS_READ_BINARY = (byte) 0xB0;
    private static final byte INS_READ_RECORD = (byte) 0xB2;
    private static final byte INS_GET_CHALLENGE = (byte) 0x84;
    private static final byte INS_INTERNAL_AUTHENTICATE = (byte) 0x88;
    /** JICSAP CHANGE KEY (CLA 80): the 住基 and common APs' PIN change. */
    private static final byte INS_CHANGE_KEY = (byte) 0x32;
    private static final byte INS_VERIFY = (byte) 0x20;
    private static final byte INS_CHANGE_REFERENCE_DATA = (byte) 0x24;
    private static final byte INS_SIGN = (byte) 0x2A;
    private static final byte INS_CREATE_EF = (byte) 0xE0;
    private static final byte INS_WRITE_BINARY = (byte) 0xD6;
    /** p, q, dp, dq, qInv. */
    private static final byte CRT_COMPONENTS = (byte) 5;
    private static final byte INS_SET_PIN = (byte) 0xDA;
    private static final byte INS_SET_KEY = (byte) 0xDB;
    private static final byte INS_SET_OPTION = (byte) 0xDC;
    private static final byte INS_LOCK = (byte) 0xF0;
    /** Proprietary GET DATA {@code 80 CA 4D 53}: "are you MynaSim?" (docs/vendor-guide.md). */
    private static final byte INS_GET_DATA = (byte) 0xCA;
    private static final short MARKER_TAG = (short) 0x4D53;
    private static final byte MARKER_FORMAT_VERSION = (byte) 0x01;
    private static final byte INS_SEED_RANDOM = (byte) 0xDD;
    /** ISO EXTERNAL AUTHENTICATE: opens the issuer channel (IssuerAuthentication). */
    private static final byte INS_EXTERNAL_AUTHENTICATE = (byte) 0x82;
    private static final byte ISSUER_KEY_REFERENCE = (byte) 0x81;
    /** ISO RESET RETRY COUNTER: P1 02 = new value and full counter, 03 = full counter only. */
    private static final byte INS_RESET_RETRY_COUNTER = (byte) 0x2C;
    private static final byte RESET_WITH_NEW_VALUE = (byte) 0x02;
    private static final byte RESET_COUNTER_ONLY = (byte) 0x03;
    /** ISO GENERATE ASYMMETRIC KEY PAIR: a new RSA-2048 pair on the card, the modulus answered. */
    private static final byte INS_GENERATE_KEY_PAIR = (byte) 0x46;
    /** SET KEY P1 naming the AES-128 issuer key instead of an RSA component. */
    private static final byte ISSUER_KEY_COMPONENT = (byte) 0x10;
    /** CREATE EF P1: 00 create, 01 set the length of an existing EF within its capacity. */
    private static final byte CREATE_EF_SET_LENGTH = (byte) 0x01;

    private static final byte CLA_PROPRIETARY_BIT = (byte) 0x80;

    private static final byte SELECT_BY_FID = (byte) 0x00;
    private static final byte SELECT_EF_UNDER_DF = (byte) 0x02;
    private static final byte SELECT_BY_DF_NAME = (byte) 0x04;
    private static final byte P2_FIRST_WITH_FCI = (byte) 0x00;
    private static final byte P2_NO_RESPONSE_DATA = (byte) 0x0C;

    /** P2 of VERIFY / CHANGE / SIGN: 80 = current IEF, 80|SFI = the IEF with that short identifier. */
    private static final byte P2_CURRENT_IEF = (byte) 0x80;
    private static final byte SFI_MASK = (byte) 0x1F;
    private static final byte READ_SFI_RFU_BITS = (byte) 0x60;

    private static final byte TAG_FCI = (byte) 0x6F;
    private static final byte TAG_DF_NAME = (byte) 0x84;

    private static final short SHORT_MAX_RESPONSE = (short) 256;
    private static final short EXTENDED_MAX_RESPONSE = (short) 0x7FFF;
    /** Longer than any short APDU buffer: the platform gave us the extended-length buffer. */
    private static final short SHORT_BUFFER_LIMIT = (short) 261;
    private static final short RSA_2048_COMPONENT_LENGTH = (short) 128;
    /** 63Cx can only say up to 15 tries. */
    private static final byte MAX_TRY_LIMIT = (byte) 15;
    private static final byte TRIES_LEFT_IS_LIMIT = (byte) 0xFF;

    /** P2 of 80 2A naming the application's own signing key (the 券面 APs, docs/card-reference.md §2.2/§2.3). */
    private static final byte P2_OWN_KEY = (byte) 0x00;
    /** READ RECORD P2 low bits: read the record numbered P1. */
    private static final byte READ_RECORD_BY_NUMBER = (byte) 0x04;
    private static final byte READ_RECORD_MODE_MASK = (byte) 0x07;

    private final DataFile[] dataFiles;
    private final Pin[] pins;
    private final KeyFile[] keyFiles;
    private byte dataFileCount;
    private byte pinCount;
    private byte keyFileCount;

    private final Options options;
    private final RsaSigner signer;
    private final SessionState session;
    private final RandomData random;
    private final IssuerAuthentication issuer;
    private byte lifecycle;
    /** FID of the key 80 2A 00 00 uses, 0 when the application has none. */
    private short ownSigningKeyFid;
    /** True when PINs change with JICSAP CHANGE KEY (80 32) instead of ISO CHANGE REFERENCE DATA. */
    private boolean changesPinWithChangeKey;

    protected MynaApplication(byte maxDataFiles, byte maxPins, byte maxKeyFiles) {
        dataFiles = new DataFile[maxDataFiles];
        pins = new Pin[maxPins];
        keyFiles = new KeyFile[maxKeyFiles];
        options = new Options();
        signer = new RsaSigner();
        session = new SessionState(maxPins);
        random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
        issuer = new IssuerAuthentication();
        lifecycle = LIFECYCLE_PERSONALISATION;
    }

    // ---- file table, built by the concrete application's constructor only ----

    /**
     * A transparent EF, free to read (readAccess = DataFile.FREE) or readable once any one of the
     * PINs in readAccess (pinBit of each, or-ed) is verified in this session.
     */
    protected final void addDataFile(short fid, byte readAccess) {
        dataFiles[dataFileCount] = new DataFile(fid, readAccess, false);
        dataFileCount++;
    }

    /** A record EF (simple-TLV records, READ RECORD only), with the same access rule as addDataFile. */
    protected final void addRecordFile(short fid, byte readAccess) {
        dataFiles[dataFileCount] = new DataFile(fid, readAccess, true);
        dataFileCount++;
    }

    protected final void addPin(short fid, byte format, byte defaultTryLimit) {
        pins[pinCount] = new Pin(fid, format, defaultTryLimit, pinCount);
        pinCount++;
    }

    /** The access-rule bit of a PIN added before; or several together for "any of these PINs". */
    protected final byte pinBit(short pinFid) {
        return (byte) (1 << pinByFid(pinFid).slot);
    }

    /** The application's own RSA key: signs 80 2A 00 00 with no PIN (the 券面 APs). */
    protected final void addOwnSigningKey(short fid) {
        keyFiles[keyFileCount] = new KeyFile(fid, KeyFile.NO_PIN, KeyFile.USAGE_SIGN, DataFile.FREE, false);
        keyFileCount++;
        ownSigningKeyFid = fid;
    }

    /** A key that answers INTERNAL AUTHENTICATE with no PIN and nothing else (the common AP's 0019). */
    protected final void addInternalAuthenticationKey(short fid) {
        keyFiles[keyFileCount] = new KeyFile(fid, KeyFile.NO_PIN, KeyFile.USAGE_INTERNAL_AUTHENTICATE, DataFile.FREE, false);
        keyFileCount++;
    }

    /** PINs of this application change with JICSAP CHANGE KEY 80 32 (住基 and common APs, docs/card-reference.md §3.2). */
    protected final void changePinsWithChangeKey() {
        changesPinWithChangeKey = true;
    }

    /**
     * A private-key IEF unlocked by pinFid. LOCK requires the key only if certificateFid was
     * created (a holder under 15 has no sign certificate and no sign key).
     */
    protected final void addKeyFile(short fid, short pinFid, short certificateFid, boolean singleUseCandidate) {
        keyFiles[keyFileCount] = new KeyFile(fid, pinFid, KeyFile.USAGE_SIGN, certificateFid, singleUseCandidate);
        keyFileCount++;
    }

    protected final byte lifecycle() {
        return lifecycle;
    }

    // ---- JCRE entry points ----

    /** Selecting this DF, even again, clears the security state (docs/card-reference.md §3.3). */
    public boolean select() {
        session.clear();
        issuer.clear();
        return true;
    }

    public void deselect() {
        session.clear();
        issuer.clear();
    }

    /**
     * Every failure leaves as a deliberate status word: nothing unexpected may surface as 6F00,
     * and an interrupted issuer write never stays half-committed.
     */
    public final void process(APDU apdu) {
        try {
            dispatch(apdu);
        } catch (ISOException statusWord) {
            abortOpenTransaction();
            throw statusWord;
        } catch (APDUException lengthProblem) {
            abortOpenTransaction();
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        } catch (RuntimeException unexpected) {
            abortOpenTransaction();
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
    }

    private static void abortOpenTransaction() {
        if (JCSystem.getTransactionDepth() != (byte) 0) {
            JCSystem.abortTransaction();
        }
    }

    private void dispatch(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte cla = buffer[ISO7816.OFFSET_CLA];
        byte ins = buffer[ISO7816.OFFSET_INS];
        ClassRules.check(cla, ins);
        if ((cla & CLA_PROPRIETARY_BIT) == 0) {
            switch (ins) {
                case INS_SELECT: select(apdu); return;
                case INS_READ_BINARY: readBinary(apdu); return;
                case INS_READ_RECORD: readRecord(apdu); return;
                case INS_VERIFY: verify(apdu); return;
                case INS_GET_CHALLENGE: getChallenge(apdu); return;
                case INS_INTERNAL_AUTHENTICATE: internalAuthenticate(apdu); return;
                case INS_EXTERNAL_AUTHENTICATE: externalAuthenticate(apdu); return;
                case INS_RESET_RETRY_COUNTER: resetRetryCounter(apdu); return;
                case INS_GENERATE_KEY_PAIR: generateKeyPair(apdu); return;
                case INS_CHANGE_REFERENCE_DATA:
                    if (changesPinWithChangeKey) {
                        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
                    }
                    changeReferenceData(apdu, (byte) 0x01);
                    return;
                default: ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
            }
        }
        if (ins == INS_SIGN) {
            sign(apdu);
            return;
        }
        if (ins == INS_GET_DATA) {
            sendMynaSimMarker(apdu);
            return;
        }
        if (ins == INS_CHANGE_KEY && changesPinWithChangeKey) {
            changeReferenceData(apdu, (byte) 0x00);
            return;
        }
        issuerCommand(apdu, ins);
    }

    // ---- SELECT ----

    private void select(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        byte p2 = buffer[ISO7816.OFFSET_P2];
        if (p2 != P2_NO_RESPONSE_DATA && p2 != P2_FIRST_WITH_FCI) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = receiveAll(apdu);
        if (p1 == SELECT_BY_DF_NAME) {
            if (selectingApplet()) {
                // The JCRE chose us by AID; select() has already cleared the session.
                if (p2 == P2_FIRST_WITH_FCI) {
                    sendFci(apdu);
                }
                return;
            }
            // An AID the JCRE did not know (jCardSim forwards it to the current applet).
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (p1 == SELECT_BY_FID && length == (short) 0) {
            // SELECT MF inside an application: 9000, current DF unchanged (docs/card-reference.md §2.5).
            return;
        }
        if (p1 != SELECT_BY_FID && p1 != SELECT_EF_UNDER_DF) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        if (length != (short) 2) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (!selectFid(Util.getShort(buffer, apdu.getOffsetCdata()))) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        // P2=00 on an EF: no FCP is returned (docs/card-choices.md).
    }

    /** FCI for SELECT by AID with P2=00: 6F L 84 L AID. */
    private void sendFci(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte aidLength = JCSystem.getAID().getBytes(buffer, (short) 4);
        buffer[0] = TAG_FCI;
        buffer[1] = (byte) (aidLength + 2);
        buffer[2] = TAG_DF_NAME;
        buffer[3] = aidLength;
        short fciLength = (short) (aidLength + 4);
        short expected = apdu.setOutgoing();
        if (expected > (short) 0 && expected < fciLength) {
            fciLength = expected;
        }
        apdu.setOutgoingLength(fciLength);
        apdu.sendBytes((short) 0, fciLength);
    }

    /** Makes fid the current EF. False if there is no such EF (or the data EF was never created). */
    private boolean selectFid(short fid) {
        for (byte i = 0; i < dataFileCount; i++) {
            if (dataFiles[i].fid == fid) {
                if (!dataFiles[i].exists()) {
                    return false;
                }
                session.setCurrentEf(SessionState.KIND_DATA, i);
                return true;
            }
        }
        for (byte i = 0; i < pinCount; i++) {
            if (pins[i].fid == fid) {
                session.setCurrentEf(SessionState.KIND_PIN, i);
                return true;
            }
        }
        for (byte i = 0; i < keyFileCount; i++) {
            if (keyFiles[i].fid == fid) {
                session.setCurrentEf(SessionState.KIND_KEY, i);
                return true;
            }
        }
        return false;
    }

    private byte currentKind() {
        byte current = session.currentEf();
        if (current == (byte) 0) {
            ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
        }
        return (byte) (current & SessionState.KIND_MASK);
    }

    private byte currentIndex() {
        return (byte) (session.currentEf() & SessionState.INDEX_MASK);
    }

    /** The current EF as a data EF: 6986 if none is selected, 6981 if it is an IEF. */
    private DataFile currentDataFile() {
        if (currentKind() != SessionState.KIND_DATA) {
            ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
        }
        return dataFiles[currentIndex()];
    }

    // ---- READ BINARY ----

    private void readBinary(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        short offset;
        if ((p1 & CLA_PROPRIETARY_BIT) != 0) {
            // SFI form: P1 = 80|SFI, P2 = offset 0..255; the EF becomes the current EF (ISO 7816-4).
            byte sfi = (byte) (p1 & SFI_MASK);
            if ((p1 & READ_SFI_RFU_BITS) != 0 || sfi == (byte) 0) {
                ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
            }
            if (!selectFid(sfi)) {
                ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
            }
            offset = (short) (buffer[ISO7816.OFFSET_P2] & 0xFF);
        } else {
            offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
        }
        DataFile file = currentDataFile();
        if (file.recordStructured) {
            ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
        }
        requireReadAccess(file.readAccess);
        short size = file.length;
        if (offset >= size) {
            ISOException.throwIt(options.readOffsetBeyondSw());
        }
        short expected = apdu.setOutgoing();
        // 0 or negative: extended Le 00 00 00 (65536) or > 7FFF, or no Le at all: "as much as you have".
        boolean asMuchAsPossible = expected <= (short) 0;
        short remaining = (short) (size - offset);
        short count = asMuchAsPossible || expected > remaining ? remaining : expected;
        short limit = buffer.length > SHORT_BUFFER_LIMIT ? EXTENDED_MAX_RESPONSE : SHORT_MAX_RESPONSE;
        if (count > limit) {
            count = limit;
        }
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong(file.content, offset, count);
        if (!asMuchAsPossible && count < expected && options.warnOnReadPastEnd()) {
            ISOException.throwIt(StatusWords.END_OF_FILE_WARNING);
        }
    }

    /** 6982 unless the file is free or one of the PINs of its access rule is verified. */
    private void requireReadAccess(byte readAccess) {
        if (readAccess == DataFile.FREE) {
            return;
        }
        for (byte i = 0; i < pinCount; i++) {
            if ((readAccess & (byte) (1 << i)) != 0 && session.isVerified(i)) {
                return;
            }
        }
        ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }

    // ---- READ RECORD ----

    /**
     * READ RECORD P1 = record number (1..), P2 = SFI<<3 | 04, or 04 for the current EF. Records
     * are simple TLVs: tag(1) length(1, or FF + 2) value; the whole TLV is the record.
     */
    private void readRecord(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte recordNumber = buffer[ISO7816.OFFSET_P1];
        byte p2 = buffer[ISO7816.OFFSET_P2];
        if (recordNumber == (byte) 0 || (p2 & READ_RECORD_MODE_MASK) != READ_RECORD_BY_NUMBER) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short sfi = (short) ((p2 >> 3) & SFI_MASK);
        if (sfi != (short) 0 && !selectFid(sfi)) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        DataFile file = currentDataFile();
        if (!file.recordStructured) {
            ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
        }
        requireReadAccess(file.readAccess);
        byte[] content = file.content;
        short offset = 0;
        short recordLength = 0;
        for (byte n = 1; n <= recordNumber; n++) {
            offset = (short) (offset + recordLength);
            if (offset >= file.length || content[offset] == (byte) 0xFF || content[offset] == (byte) 0x00) {
                ISOException.throwIt(StatusWords.RECORD_NOT_FOUND);
            }
            recordLength = simpleTlvLength(content, offset, file.length);
        }
        short expected = apdu.setOutgoing();
        short count = expected > (short) 0 && expected < recordLength ? expected : recordLength;
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong(content, offset, count);
    }

    /** Length of the whole simple TLV at offset (JICSAP 4.4.1), bounded by the file. */
    private static short simpleTlvLength(byte[] content, short offset, short fileLength) {
        short header = 2;
        short valueLength = (short) (content[(short) (offset + 1)] & 0xFF);
        if (valueLength == (short) 0xFF) {
            header = 4;
            valueLength = Util.getShort(content, (short) (offset + 2));
        }
        short total = (short) (header + valueLength);
        if (total < (short) 0 || total > (short) (fileLength - offset)) {
            ISOException.throwIt(StatusWords.RECORD_NOT_FOUND);
        }
        return total;
    }

    // ---- GET CHALLENGE ----

    private void getChallenge(APDU apdu) {
        Challenges.send(apdu, random, session.scratch, issuer);
    }

    // ---- VERIFY / CHANGE REFERENCE DATA ----

    private void verify(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Pin pin = referencedPin(buffer[ISO7816.OFFSET_P2]);
        short length = receiveAll(apdu);
        if (length > PinFormat.MAX_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (!pin.isSet()) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        if (length == (short) 0) {
            // Status query: never spends a try.
            if (!pin.isBlocked() && session.isVerified(pin.slot) && options.emptyVerifyAfterVerifyIsOk()) {
                return;
            }
            ISOException.throwIt((short) (StatusWords.TRIES_LEFT_BASE | pin.triesLeft()));
        }
        if (pin.isBlocked()) {
            ISOException.throwIt(StatusWords.REFERENCE_BLOCKED);
        }
        short data = apdu.getOffsetCdata();
        if (!PinFormat.accepts(pin.format, buffer, data, length)) {
            // Checked before the counter: a malformed PIN costs nothing.
            ISOException.throwIt(options.malformedPinSw());
        }
        session.setVerified(pin.slot, false);
        if (!pin.check(buffer, data, length)) {
            ISOException.throwIt((short) (StatusWords.TRIES_LEFT_BASE | pin.triesLeft()));
        }
        session.setVerified(pin.slot, true);
    }

    /**
     * CHANGE REFERENCE DATA 00 24 01 80 or CHANGE KEY 80 32 00 80: the new value only, after VERIFY
     * (docs/card-reference.md §3.2); requiredP1 is the form's only P1 (the old+new form is not the card's).
     */
    private void changeReferenceData(APDU apdu, byte requiredP1) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != requiredP1) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Pin pin = referencedPin(buffer[ISO7816.OFFSET_P2]);
        short length = receiveAll(apdu);
        if (length == (short) 0 || length > PinFormat.MAX_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (!session.isVerified(pin.slot)) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        short data = apdu.getOffsetCdata();
        if (!PinFormat.accepts(pin.format, buffer, data, length)) {
            ISOException.throwIt(options.malformedPinSw());
        }
        JCSystem.beginTransaction();
        pin.replaceValue(buffer, data, length);
        JCSystem.commitTransaction();
    }

    /** P2 = 80 (current EF must be a PIN IEF) or 80|SFI (the PIN IEF with that SFI). */
    private Pin referencedPin(byte p2) {
        if (p2 == P2_CURRENT_IEF) {
            if (currentKind() != SessionState.KIND_PIN) {
                ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
            }
            return pins[currentIndex()];
        }
        Pin pin = pinByFid(sfiFromP2(p2));
        if (pin == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        return pin;
    }

    private static short sfiFromP2(byte p2) {
        byte sfi = (byte) (p2 & SFI_MASK);
        if ((p2 & (byte) 0xE0) != P2_CURRENT_IEF || sfi == (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        return sfi;
    }

    private Pin pinByFid(short fid) {
        for (byte i = 0; i < pinCount; i++) {
            if (pins[i].fid == fid) {
                return pins[i];
            }
        }
        return null;
    }

    // ---- 80 2A signature ----

    private void sign(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte scheme = buffer[ISO7816.OFFSET_P1];
        byte p2 = buffer[ISO7816.OFFSET_P2];
        KeyFile keyFile = p2 == P2_OWN_KEY ? ownSigningKey() : referencedKey(p2);
        if (!signer.supports(scheme)) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = receiveAll(apdu);
        if (!keyFile.isLoaded() || keyFile.usage != KeyFile.USAGE_SIGN) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        Pin pin = pinByFid(keyFile.pinFid);
        if (keyFile.pinFid != KeyFile.NO_PIN && (pin == null || !session.isVerified(pin.slot))) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        if (!RsaSigner.inputLengthFits(scheme, length)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        byte[] scratch = session.scratch;
        short signatureLength = signer.sign(scheme, keyFile.key, buffer, apdu.getOffsetCdata(), length, scratch);
        if (pin != null && keyFile.singleUseCandidate && options.signSingleUse()) {
            session.setVerified(pin.slot, false);
        }
        apdu.setOutgoing();
        apdu.setOutgoingLength(signatureLength);
        apdu.sendBytesLong(scratch, (short) 0, signatureLength);
        Util.arrayFillNonAtomic(scratch, (short) 0, SessionState.SCRATCH_LENGTH, (byte) 0);
    }

    private KeyFile ownSigningKey() {
        KeyFile keyFile = keyByFid(ownSigningKeyFid);
        if (keyFile == null) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        return keyFile;
    }

    // ---- INTERNAL AUTHENTICATE ----

    /**
     * 00 88 00 P2 Lc challenge 00: sha256WithRSAEncryption over the challenge with a key made for
     * it. Other keys refuse: 6982 when a PIN guards them, 6985 for the PIN-less 券面 keys (docs/card-reference.md §2.4).
     */
    private void internalAuthenticate(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        KeyFile keyFile = referencedKey(buffer[ISO7816.OFFSET_P2]);
        short length = receiveAll(apdu);
        if (keyFile.usage != KeyFile.USAGE_INTERNAL_AUTHENTICATE) {
            ISOException.throwIt(keyFile.pinFid != KeyFile.NO_PIN
                ? ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED : ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        if (!keyFile.isLoaded()) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        if (!RsaSigner.inputLengthFits(RsaSigner.PKCS1_SHA256_MESSAGE, length)
                || !signer.supports(RsaSigner.PKCS1_SHA256_MESSAGE)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        byte[] scratch = session.scratch;
        short signatureLength = signer.sign(RsaSigner.PKCS1_SHA256_MESSAGE, keyFile.key, buffer,
            apdu.getOffsetCdata(), length, scratch);
        apdu.setOutgoing();
        apdu.setOutgoingLength(signatureLength);
        apdu.sendBytesLong(scratch, (short) 0, signatureLength);
        Util.arrayFillNonAtomic(scratch, (short) 0, SessionState.SCRATCH_LENGTH, (byte) 0);
    }

    /** P2 = 80: the current EF, 6986 if none, 6981 if not a key; 80|SFI: that key IEF. */
    private KeyFile referencedKey(byte p2) {
        if (p2 == P2_CURRENT_IEF) {
            if (currentKind() != SessionState.KIND_KEY) {
                ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
            }
            return keyFiles[currentIndex()];
        }
        KeyFile keyFile = keyByFid(sfiFromP2(p2));
        if (keyFile == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        return keyFile;
    }

    private KeyFile keyByFid(short fid) {
        for (byte i = 0; i < keyFileCount; i++) {
            if (keyFiles[i].fid == fid) {
                return keyFiles[i];
            }
        }
        return null;
    }

    private DataFile dataFileByFid(short fid) {
        for (byte i = 0; i < dataFileCount; i++) {
            if (dataFiles[i].fid == fid) {
                return dataFiles[i];
            }
        }
        return null;
    }

    // ---- the issuer channel and the office commands (docs/personalisation.md) ----

    /** EXTERNAL AUTHENTICATE {@code 00 82 00 81 10 <CMAC>}: see IssuerAuthentication. */
    private void externalAuthenticate(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0 || buffer[ISO7816.OFFSET_P2] != ISSUER_KEY_REFERENCE) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = receiveAll(apdu);
        issuer.authenticate(buffer, apdu.getOffsetCdata(), length);
    }

    /**
     * RESET RETRY COUNTER {@code 00 2C 02 P2 Lc <new value>} (new value, counter back to its limit) or
     * {@code 00 2C 03 P2} (counter only), P2 as VERIFY's. Needs the issuer channel after LOCK (6982
     * first, before anything is looked at); clears that PIN's verified state.
     */
    private void resetRetryCounter(APDU apdu) {
        requireIssuerChannel();
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        if (p1 != RESET_WITH_NEW_VALUE && p1 != RESET_COUNTER_ONLY) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Pin pin = referencedPin(buffer[ISO7816.OFFSET_P2]);
        short length = receiveAll(apdu);
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
        JCSystem.commitTransaction();
        session.setVerified(pin.slot, false);
    }

    /**
     * GENERATE ASYMMETRIC KEY PAIR {@code 00 46 00 P2 00}, P2 = 80 (current key IEF) or 80|SFI: replaces
     * the key with a new RSA-2048 pair made on the card (public exponent 65537) and answers the
     * 256-byte modulus. Needs the issuer channel after LOCK; 6985 for a key never loaded.
     */
    private void generateKeyPair(APDU apdu) {
        requireIssuerChannel();
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        KeyFile keyFile = referencedKey(buffer[ISO7816.OFFSET_P2]);
        if (receiveAll(apdu) != (short) 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (keyFile.generator == null || keyFile.usage != KeyFile.USAGE_SIGN) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        byte[] scratch = session.scratch;
        scratch[0] = (byte) 0x01;
        scratch[1] = (byte) 0x00;
        scratch[2] = (byte) 0x01;
        keyFile.publicKey.setExponent(scratch, (short) 0, (short) 3);
        keyFile.generator.genKeyPair();
        padCrtComponents(keyFile.key, scratch);
        short length = keyFile.publicKey.getModulus(scratch, (short) 0);
        apdu.setOutgoing();
        apdu.setOutgoingLength(length);
        apdu.sendBytesLong(scratch, (short) 0, length);
        Util.arrayFillNonAtomic(scratch, (short) 0, SessionState.SCRATCH_LENGTH, (byte) 0);
    }

    /**
     * Sets each CRT component again at the full width (key size / 16 bytes, leading zeros kept),
     * as a card stores them. jCardSim keeps a component in an array that a shorter value does not
     * shrink, and reads the whole array back: a component one byte shorter than the one it replaced
     * (about 1 generation in 100) gave a broken key whose signatures did not verify. A no-op on a
     * card, whose key storage has a fixed width anyway. Uses scratch[0..2 × width).
     */
    private static void padCrtComponents(RSAPrivateCrtKey key, byte[] scratch) {
        short width = (short) (key.getSize() / 16);
        for (byte component = 0; component < CRT_COMPONENTS; component++) {
            short length;
            switch (component) {
                case 0: length = key.getP(scratch, width); break;
                case 1: length = key.getQ(scratch, width); break;
                case 2: length = key.getDP1(scratch, width); break;
                case 3: length = key.getDQ1(scratch, width); break;
                default: length = key.getPQ(scratch, width); break;
            }
            short pad = (short) (width - length);
            Util.arrayFillNonAtomic(scratch, (short) 0, width, (byte) 0);
            Util.arrayCopyNonAtomic(scratch, width, scratch, pad, length);
            switch (component) {
                case 0: key.setP(scratch, (short) 0, width); break;
                case 1: key.setQ(scratch, (short) 0, width); break;
                case 2: key.setDP1(scratch, (short) 0, width); break;
                case 3: key.setDQ1(scratch, (short) 0, width); break;
                default: key.setPQ(scratch, (short) 0, width); break;
            }
        }
        Util.arrayFillNonAtomic(scratch, (short) 0, (short) (2 * width), (byte) 0);
    }

    // ---- identification marker ----

    /**
     * {@code 80 CA 4D 53 00} answers {@code 4D 53 09 "MynaSim" version form} (form 01: virtual card,
     * 00: applet on a physical Java Card), so the harness can tell our cards from a real My Number
     * Card, which answers 6D00 or 6E00 to this proprietary command, before it sends anything risky.
     */
    private void sendMynaSimMarker(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (Util.getShort(buffer, ISO7816.OFFSET_P1) != MARKER_TAG) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Util.setShort(buffer, (short) 0, MARKER_TAG);
        buffer[2] = (byte) 9;
        buffer[3] = (byte) 'M';
        buffer[4] = (byte) 'y';
        buffer[5] = (byte) 'n';
        buffer[6] = (byte) 'a';
        buffer[7] = (byte) 'S';
        buffer[8] = (byte) 'i';
        buffer[9] = (byte) 'm';
        buffer[10] = MARKER_FORMAT_VERSION;
        buffer[11] = options.isVirtualCard() ? (byte) 1 : (byte) 0;
        apdu.setOutgoingAndSend((short) 0, (short) 12);
    }

    // ---- issuer (personalisation) commands, docs/personalisation.md ----

    private void issuerCommand(APDU apdu, byte ins) {
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
        if (lifecycle != LIFECYCLE_PERSONALISATION && !(isOfficeCommand(apdu, ins) && issuer.isAuthenticated())) {
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
     * WRITE BINARY into an existing EF and SET EF LENGTH (CREATE EF P1=01). Nothing that allocates.
     */
    private static boolean isOfficeCommand(APDU apdu, byte ins) {
        return ins == INS_WRITE_BINARY
            || (ins == INS_CREATE_EF && apdu.getBuffer()[ISO7816.OFFSET_P1] == CREATE_EF_SET_LENGTH);
    }

    /** ISO-class office commands: 6982 after LOCK unless EXTERNAL AUTHENTICATE succeeded in this DF session. */
    private void requireIssuerChannel() {
        if (lifecycle != LIFECYCLE_PERSONALISATION && !issuer.isAuthenticated()) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    /**
     * CREATE EF {@code 80 E0 00 00 04 FID size} or {@code 80 E0 00 00 06 FID size capacity}: the only
     * place a data EF body is allocated, with room for capacity bytes (default: size). P1=01,
     * {@code 80 E0 01 00 04 FID length}: SET EF LENGTH of an existing EF, within its capacity (6A84
     * beyond); the bytes past the new length are zeroed.
     */
    private void createElementaryFile(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        if ((p1 != (byte) 0 && p1 != CREATE_EF_SET_LENGTH) || buffer[ISO7816.OFFSET_P2] != (byte) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = receiveAll(apdu);
        if (length != (short) 4 && (length != (short) 6 || p1 == CREATE_EF_SET_LENGTH)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        short data = apdu.getOffsetCdata();
        DataFile file = dataFileByFid(Util.getShort(buffer, data));
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
            JCSystem.commitTransaction();
            return;
        }
        if (file.exists()) {
            ISOException.throwIt(StatusWords.FILE_ALREADY_EXISTS);
        }
        short capacity = length == (short) 6 ? Util.getShort(buffer, (short) (data + 4)) : size;
        if (size <= (short) 0 || capacity < size) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        file.content = new byte[capacity];
        file.length = size;
    }

    private void writeBinary(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if ((buffer[ISO7816.OFFSET_P1] & CLA_PROPRIETARY_BIT) != 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
        short length = receiveAll(apdu);
        DataFile file = currentDataFile();
        // Within the capacity; the length (what READ BINARY sees) changes only with SET EF LENGTH.
        short size = (short) file.content.length;
        if (offset > size || length > (short) (size - offset)) {
            ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
        }
        Util.arrayCopy(buffer, apdu.getOffsetCdata(), file.content, offset, length);
    }

    private void setPin(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte requestedLimit = buffer[ISO7816.OFFSET_P1];
        Pin pin = pinByFid((short) (buffer[ISO7816.OFFSET_P2] & 0xFF));
        if (pin == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (requestedLimit < (byte) 0 || requestedLimit > MAX_TRY_LIMIT) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = receiveAll(apdu);
        if (length < (short) 1) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
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
        JCSystem.commitTransaction();
        session.setVerified(pin.slot, false);
    }

    /** SET KEY: the only place a key object is allocated (on its first component). */
    private void setKeyComponent(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte component = buffer[ISO7816.OFFSET_P1];
        if (component == ISSUER_KEY_COMPONENT && buffer[ISO7816.OFFSET_P2] == (byte) 0) {
            if (receiveAll(apdu) != IssuerAuthentication.KEY_LENGTH) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            issuer.setKey(buffer, apdu.getOffsetCdata());
            return;
        }
        KeyFile keyFile = keyByFid((short) (buffer[ISO7816.OFFSET_P2] & 0xFF));
        if (keyFile == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (component < (byte) 1 || component > (byte) 5) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        if (receiveAll(apdu) != RSA_2048_COMPONENT_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (keyFile.key == null) {
            keyFile.key = (RSAPrivateCrtKey) KeyBuilder.buildKey(
                KeyBuilder.TYPE_RSA_CRT_PRIVATE, KeyBuilder.LENGTH_RSA_2048, false);
            keyFile.publicKey = (RSAPublicKey) KeyBuilder.buildKey(
                KeyBuilder.TYPE_RSA_PUBLIC, KeyBuilder.LENGTH_RSA_2048, false);
            keyFile.generator = new KeyPair(keyFile.publicKey, keyFile.key);
        }
        short data = apdu.getOffsetCdata();
        RSAPrivateCrtKey key = keyFile.key;
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
        short length = receiveAll(apdu);
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
        short length = receiveAll(apdu);
        short status = options.set(buffer[ISO7816.OFFSET_P2], buffer, apdu.getOffsetCdata(), length);
        if (status != ISO7816.SW_NO_ERROR) {
            ISOException.throwIt(status);
        }
    }

    /**
     * LOCK: every key whose certificate EF exists loaded, and every PIN set except one that guards
     * only keys a card goes without (a holder under 15 has no sign certificate, sign key or sign
     * password).
     */
    private void lock(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (Util.getShort(buffer, ISO7816.OFFSET_P1) != (short) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        for (byte i = 0; i < keyFileCount; i++) {
            if (keyRequired(keyFiles[i]) && !keyFiles[i].isLoaded()) {
                ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
            }
        }
        for (byte i = 0; i < pinCount; i++) {
            if (!pins[i].isSet() && pinRequired(pins[i].fid)) {
                ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
            }
        }
        lifecycle = LIFECYCLE_OPERATIONAL;
    }

    private boolean keyRequired(KeyFile keyFile) {
        DataFile certificate = dataFileByFid(keyFile.certificateFid);
        return certificate == null || certificate.exists();
    }

    /** A PIN is required unless every key it guards is a key this card goes without. */
    private boolean pinRequired(short pinFid) {
        boolean guardsAKey = false;
        for (byte i = 0; i < keyFileCount; i++) {
            if (keyFiles[i].pinFid == pinFid) {
                guardsAKey = true;
                if (keyRequired(keyFiles[i])) {
                    return true;
                }
            }
        }
        return !guardsAKey;
    }

    /** Reads all command data (extended Lc may need several receives); returns Lc. */
    private static short receiveAll(APDU apdu) {
        short received = apdu.setIncomingAndReceive();
        short total = apdu.getIncomingLength();
        short offset = apdu.getOffsetCdata();
        while (received < total) {
            received += apdu.receiveBytes((short) (offset + received));
        }
        return total;
    }

    /**
     * Registers the instance: standard install parameters start with the instance AID
     * (length-prefixed); an installer that passes none (jCardSim's installApplet(aid, class)) has
     * already named the instance.
     */
    protected final void registerWith(byte[] parameters, short offset, byte length) {
        if (length == (byte) 0 || parameters[offset] == (byte) 0) {
            register();
        } else {
            register(parameters, (short) (offset + 1), parameters[offset]);
        }
    }

    // ---- host-side hook (simulator only, never reachable by APDU) ----

    /**
     * Writes, for each PIN in FID order, FID(2) maxTries(1) triesLeft(1) length(1) value(length)
     * into out from offset, and returns the end offset. Lets the simulator persist PIN values.
     */
    public short exportPins(byte[] out, short offset) {
        short previousFid = (short) -1;
        for (byte written = 0; written < pinCount; written++) {
            Pin next = null;
            for (byte i = 0; i < pinCount; i++) {
                Pin candidate = pins[i];
                if (candidate.fid > previousFid && (next == null || candidate.fid < next.fid)) {
                    next = candidate;
                }
            }
            offset = next.export(out, offset);
            previousFid = next.fid;
        }
        return offset;
    }

    /** Record tags of exportContents. */
    private static final byte EXPORT_FILE = (byte) 'F';
    private static final byte EXPORT_KEY = (byte) 'K';

    /**
     * Writes what the office commands can change besides PINs, in file-table order: for each created
     * data EF {@code 'F' FID(2) capacity(2) length(2) content(length)}, then for each loaded RSA key
     * {@code 'K' FID(2)} and its five CRT components P, Q, DP, DQ, PQ each as {@code length(1)
     * value}. Returns the end offset. Host-side hook like exportPins: the simulator persists a card
     * whose files and keys the office rewrote; nothing reaches it by APDU.
     */
    public short exportContents(byte[] out, short offset) {
        for (byte i = 0; i < dataFileCount; i++) {
            DataFile file = dataFiles[i];
            if (!file.exists()) {
                continue;
            }
            out[offset++] = EXPORT_FILE;
            offset = Util.setShort(out, offset, file.fid);
            offset = Util.setShort(out, offset, (short) file.content.length);
            offset = Util.setShort(out, offset, file.length);
            offset = Util.arrayCopyNonAtomic(file.content, (short) 0, out, offset, file.length);
        }
        for (byte i = 0; i < keyFileCount; i++) {
            KeyFile keyFile = keyFiles[i];
            if (!keyFile.isLoaded()) {
                continue;
            }
            out[offset++] = EXPORT_KEY;
            offset = Util.setShort(out, offset, keyFile.fid);
            RSAPrivateCrtKey key = keyFile.key;
            for (byte component = 1; component <= 5; component++) {
                short lengthAt = offset;
                offset++;
                short written;
                switch (component) {
                    case 1: written = key.getP(out, offset); break;
                    case 2: written = key.getQ(out, offset); break;
                    case 3: written = key.getDP1(out, offset); break;
                    case 4: written = key.getDQ1(out, offset); break;
                    default: written = key.getPQ(out, offset);
                }
                out[lengthAt] = (byte) written;
                offset += written;
            }
        }
        return offset;
    }

    /**
     * The on-card key generator of key slot index (0..), or null: lets the simulator seed jCardSim's
     * generator, which starts from the same state in every card (a physical card uses its own
     * hardware generator and needs nothing). Host-side hook; nothing reaches it by APDU.
     */
    public KeyPair keyGeneratorForHost(byte index) {
        if (index < (byte) 0 || index >= keyFileCount) {
            return null;
        }
        return keyFiles[index].generator;
    }
}

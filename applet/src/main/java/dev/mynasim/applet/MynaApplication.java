package dev.mynasim.applet;

import static dev.mynasim.applet.Instructions.INS_CHANGE_KEY;
import static dev.mynasim.applet.Instructions.INS_CHANGE_REFERENCE_DATA;
import static dev.mynasim.applet.Instructions.INS_EXTERNAL_AUTHENTICATE;
import static dev.mynasim.applet.Instructions.INS_GENERATE_KEY_PAIR;
import static dev.mynasim.applet.Instructions.INS_GET_CHALLENGE;
import static dev.mynasim.applet.Instructions.INS_GET_DATA;
import static dev.mynasim.applet.Instructions.INS_INTERNAL_AUTHENTICATE;
import static dev.mynasim.applet.Instructions.INS_READ_BINARY;
import static dev.mynasim.applet.Instructions.INS_READ_RECORD;
import static dev.mynasim.applet.Instructions.INS_RESET_RETRY_COUNTER;
import static dev.mynasim.applet.Instructions.INS_SELECT;
import static dev.mynasim.applet.Instructions.INS_SET_PUBLIC_IC_KEY;
import static dev.mynasim.applet.Instructions.INS_SET_SESSION_KEY;
import static dev.mynasim.applet.Instructions.INS_SIGN;
import static dev.mynasim.applet.Instructions.INS_VERIFY;

import javacard.framework.APDU;
import javacard.framework.APDUException;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.RandomData;
import javacardx.apdu.ExtendedLength;

/**
 * What every My Number Card application (DF) shares: class-byte rules, SELECT, the EF table,
 * READ BINARY, READ RECORD, VERIFY, CHANGE REFERENCE DATA or CHANGE KEY, GET CHALLENGE, the 80 2A
 * signature, INTERNAL AUTHENTICATE, and dispatch. The file table is a {@link FileTable}, the issuer's
 * commands and the life cycle are {@link IssuerCommands}, the simulator's export hooks are
 * {@link HostExport}, and the instruction bytes are {@link Instructions}.
 * A concrete application only declares its AID (at install) and its file table (in its
 * constructor). Choices where docs/card-reference.md is silent are listed in docs/card-choices.md.
 */
public abstract class MynaApplication extends Applet implements ExtendedLength {
    static final byte LIFECYCLE_PERSONALISATION = (byte) 0x01;
    static final byte LIFECYCLE_OPERATIONAL = (byte) 0x07;

    /** The tag of the proprietary GET DATA {@code 80 CA 4D 53}: "are you MynaSim?" (docs/vendor-guide.md). */
    private static final short MARKER_TAG = (short) 0x4D53;
    private static final byte MARKER_FORMAT_VERSION = (byte) 0x01;

    static final byte CLA_PROPRIETARY_BIT = (byte) 0x80;

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

    /** P2 of 80 2A naming the application's own signing key (the 券面 APs, docs/card-reference.md §2.2/§2.3). */
    private static final byte P2_OWN_KEY = (byte) 0x00;
    /** READ RECORD P2 low bits: read the record numbered P1. */
    private static final byte READ_RECORD_BY_NUMBER = (byte) 0x04;
    private static final byte READ_RECORD_MODE_MASK = (byte) 0x07;

    /** The application's data EFs, PINs and keys. */
    final FileTable files;

    private final Options options;
    /** Also the consistency test of GENERATE ASYMMETRIC KEY PAIR (IssuerCommands). */
    final RsaSigner signer;
    private final SessionState session;
    private final RandomData random;
    private final IssuerAuthentication issuer;
    /** The issuer's commands and the life cycle they drive. */
    final IssuerCommands issuerCommands;
    /** What SET SESSION KEY answers: 6982 (JPKI, 住基), 66F1 (common, surface), or 6A80 after sessionKeyPinFid. */
    private short sessionKeyStatus = ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED;
    /** The PIN after which SET SESSION KEY reaches its key block (the text AP's 0011), 0 for none. */
    private short sessionKeyPinFid;
    /** SET SESSION KEY in the common and surface APs (docs/card-reference.md §2.4). */
    static final short SESSION_KEY_NOT_AVAILABLE = (short) 0x66F1;
    private static final short PUBLIC_IC_KEY_P1P2 = (short) 0x00C1;
    /** FID of the key 80 2A 00 00 uses, 0 when the application has none. */
    private short ownSigningKeyFid;
    /** True when PINs change with JICSAP CHANGE KEY (80 32) instead of ISO CHANGE REFERENCE DATA. */
    private boolean changesPinWithChangeKey;

    protected MynaApplication(byte maxDataFiles, byte maxPins, byte maxKeyFiles) {
        files = new FileTable(maxDataFiles, maxPins, maxKeyFiles);
        options = new Options();
        signer = new RsaSigner();
        session = new SessionState(maxPins);
        random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
        issuer = new IssuerAuthentication();
        issuerCommands = new IssuerCommands(this, files, session, options, random, issuer);
    }

    // ---- file table, built by the concrete application's constructor only ----

    /**
     * A transparent EF, free to read (readAccess = DataFile.FREE) or readable once any one of the
     * PINs in readAccess (pinBit of each, or-ed) is verified in this session.
     */
    protected final void addDataFile(short fid, byte readAccess) {
        files.addDataFile(fid, readAccess, false);
    }

    /** A record EF (simple-TLV records, READ RECORD only), with the same access rule as addDataFile. */
    protected final void addRecordFile(short fid, byte readAccess) {
        files.addDataFile(fid, readAccess, true);
    }

    protected final void addPin(short fid, byte format, byte defaultTryLimit) {
        files.addPin(fid, format, defaultTryLimit);
    }

    /** The access-rule bit of a PIN added before; or several together for "any of these PINs". */
    protected final byte pinBit(short pinFid) {
        return (byte) (1 << files.pinByFid(pinFid).slot);
    }

    /** The application's own RSA key: signs 80 2A 00 00 with no PIN (the 券面 APs). */
    protected final void addOwnSigningKey(short fid) {
        files.addKeyFile(new KeyFile(fid, KeyFile.NO_PIN, KeyFile.USAGE_SIGN, DataFile.FREE, false));
        ownSigningKeyFid = fid;
    }

    /** A key that answers INTERNAL AUTHENTICATE with no PIN and nothing else (the common AP's 0019). */
    protected final void addInternalAuthenticationKey(short fid) {
        files.addKeyFile(new KeyFile(fid, KeyFile.NO_PIN, KeyFile.USAGE_INTERNAL_AUTHENTICATE, DataFile.FREE, false));
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
        files.addKeyFile(new KeyFile(fid, pinFid, KeyFile.USAGE_SIGN, certificateFid, singleUseCandidate));
    }

    /** SET SESSION KEY answers this status word, whatever the session (docs/card-reference.md §2.4). */
    protected final void answerSetSessionKeyWith(short statusWord) {
        sessionKeyStatus = statusWord;
    }

    /**
     * SET SESSION KEY needs this PIN verified (6982 before), then reaches the key block, which
     * MynaSim cannot use: it has no secure messaging, so the block is refused as 6A80 (the card's
     * answer to a block it cannot decode; docs/card-choices.md).
     */
    protected final void acceptSetSessionKeyAfter(short pinFid) {
        sessionKeyPinFid = pinFid;
    }

    protected final byte lifecycle() {
        return issuerCommands.lifecycle;
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
                case INS_EXTERNAL_AUTHENTICATE: issuerCommands.externalAuthenticate(apdu); return;
                case INS_RESET_RETRY_COUNTER: issuerCommands.resetRetryCounter(apdu); return;
                case INS_GENERATE_KEY_PAIR: issuerCommands.generateKeyPair(apdu); return;
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
        if (ins == INS_SET_SESSION_KEY) {
            setSessionKey(apdu);
            return;
        }
        if (ins == INS_SET_PUBLIC_IC_KEY) {
            setPublicIcKey(apdu);
            return;
        }
        if (ins == INS_CHANGE_KEY && changesPinWithChangeKey) {
            changeReferenceData(apdu, (byte) 0x00);
            return;
        }
        issuerCommands.process(apdu, ins);
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

    /** Makes fid the current EF. False if there is no such EF (or the data EF was never created, or is reserved and empty). */
    private boolean selectFid(short fid) {
        for (byte i = 0; i < files.dataFileCount; i++) {
            if (files.dataFiles[i].fid == fid) {
                if (!files.dataFiles[i].hasContent()) {
                    return false;
                }
                session.setCurrentEf(SessionState.KIND_DATA, i);
                return true;
            }
        }
        for (byte i = 0; i < files.pinCount; i++) {
            if (files.pins[i].fid == fid) {
                session.setCurrentEf(SessionState.KIND_PIN, i);
                return true;
            }
        }
        for (byte i = 0; i < files.keyFileCount; i++) {
            if (files.keyFiles[i].fid == fid) {
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
    DataFile currentDataFile() {
        if (currentKind() != SessionState.KIND_DATA) {
            ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
        }
        return files.dataFiles[currentIndex()];
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
        for (byte i = 0; i < files.pinCount; i++) {
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
            if (issuerCommands.lifecycle == LIFECYCLE_OPERATIONAL) {
                // A card issued without it (the sign password of a holder under 15) answers as for a
                // reference blocked from issuance, like text 0012: OpenSC's JPKI emulator reads both
                // PINs' tries when it binds and needs SW1 = 63 (docs/card-choices.md).
                ISOException.throwIt(length == (short) 0 ? StatusWords.TRIES_LEFT_BASE : StatusWords.REFERENCE_BLOCKED);
            }
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
        // Not a transaction (a spent try must never roll back): the counter moves first instead.
        files.pinChanged();
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
        files.pinChanged();
        JCSystem.commitTransaction();
    }

    /** P2 = 80 (current EF must be a PIN IEF) or 80|SFI (the PIN IEF with that SFI). */
    Pin referencedPin(byte p2) {
        if (p2 == P2_CURRENT_IEF) {
            if (currentKind() != SessionState.KIND_PIN) {
                ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
            }
            return files.pins[currentIndex()];
        }
        Pin pin = files.pinByFid(sfiFromP2(p2));
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
        Pin pin = files.pinByFid(keyFile.pinFid);
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
        KeyFile keyFile = files.keyByFid(ownSigningKeyFid);
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
    KeyFile referencedKey(byte p2) {
        if (p2 == P2_CURRENT_IEF) {
            if (currentKind() != SessionState.KIND_KEY) {
                ISOException.throwIt(StatusWords.INCOMPATIBLE_WITH_FILE);
            }
            return files.keyFiles[currentIndex()];
        }
        KeyFile keyFile = files.keyByFid(sfiFromP2(p2));
        if (keyFile == null) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        return keyFile;
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

    /** Reads all command data (extended Lc may need several receives); returns Lc. */
    static short receiveAll(APDU apdu) {
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



    // ---- SET SESSION KEY, 80 A2 (what real cards answer; docs/card-choices.md) ----

    private void setSessionKey(APDU apdu) {
        receiveAll(apdu);
        if (sessionKeyPinFid == (short) 0) {
            ISOException.throwIt(sessionKeyStatus);
        }
        Pin pin = files.pinByFid(sessionKeyPinFid);
        if (pin == null || !session.isVerified(pin.slot)) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }

    /**
     * {@code 80 A2 00 C1 Lc <CV certificate>}: other P1P2 6A86; any data 6700, as AOKI's probe of a
     * real card saw for 256 bytes: MynaSim checks no terminal certificate.
     */
    private void setPublicIcKey(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (Util.getShort(buffer, ISO7816.OFFSET_P1) != PUBLIC_IC_KEY_P1P2) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        receiveAll(apdu);
        ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
}

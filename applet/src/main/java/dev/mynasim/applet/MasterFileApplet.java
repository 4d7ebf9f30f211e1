package dev.mynasim.applet;

import static dev.mynasim.applet.Instructions.INS_CHANGE_REFERENCE_DATA;
import static dev.mynasim.applet.Instructions.INS_GET_CHALLENGE;
import static dev.mynasim.applet.Instructions.INS_GET_DATA;
import static dev.mynasim.applet.Instructions.INS_INTERNAL_AUTHENTICATE;
import static dev.mynasim.applet.Instructions.INS_LOCK;
import static dev.mynasim.applet.Instructions.INS_READ_BINARY;
import static dev.mynasim.applet.Instructions.INS_READ_BINARY_ODD;
import static dev.mynasim.applet.Instructions.INS_READ_RECORD;
import static dev.mynasim.applet.Instructions.INS_SEED_RANDOM;
import static dev.mynasim.applet.Instructions.INS_SELECT;
import static dev.mynasim.applet.Instructions.INS_SET_DATA_OBJECT;
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
 * The card's MF level (docs/card-reference.md §2.5): what answers while no application is selected, installed
 * under the GlobalPlatform ISD AID A0 00 00 01 51 00 00. The simulator selects it implicitly after
 * every reset, and selecting that AID explicitly returns to this power-on state. Nothing is
 * readable here: GET DATA answers the issuer's data objects (contact ATR, municipality code,
 * expiry), GET CHALLENGE answers random bytes, SELECT MF is refused with 6A86.
 *
 * <p>Issuer commands, before LOCK: SET DATA OBJECT {@code 80 DE <tag hi> <tag lo> Lc value},
 * SEED RANDOM {@code 80 DD 00 00 Lc seed}, LOCK {@code 80 F0 00 00} (docs/personalisation.md).
 */
public final class MasterFileApplet extends Applet implements ExtendedLength {
    private static final byte CLA_PROPRIETARY_BIT = (byte) 0x80;
    private static final byte SELECT_BY_FID = (byte) 0x00;
    private static final byte SELECT_BY_DF_NAME = (byte) 0x04;

    private static final byte MAX_DATA_OBJECTS = (byte) 8;
    private static final short CHALLENGE_SCRATCH = (short) 256;
    /** Largest data object value one short response can carry. */
    private static final short MAX_DATA_OBJECT_LENGTH = (short) 256;

    private final DataObject[] dataObjects;
    private byte dataObjectCount;
    private final RandomData random;
    private final byte[] scratch;
    private boolean locked;

    private MasterFileApplet() {
        dataObjects = new DataObject[MAX_DATA_OBJECTS];
        random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
        scratch = JCSystem.makeTransientByteArray(CHALLENGE_SCRATCH, JCSystem.CLEAR_ON_DESELECT);
    }

    public static void install(byte[] parameters, short offset, byte length) {
        MasterFileApplet applet = new MasterFileApplet();
        if (length == (byte) 0 || parameters[offset] == (byte) 0) {
            applet.register();
        } else {
            applet.register(parameters, (short) (offset + 1), parameters[offset]);
        }
    }

    /** Every failure leaves as a deliberate status word, never 6F00. */
    public void process(APDU apdu) {
        try {
            dispatch(apdu);
        } catch (ISOException statusWord) {
            throw statusWord;
        } catch (APDUException lengthProblem) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        } catch (RuntimeException unexpected) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
    }

    private void dispatch(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte cla = buffer[ISO7816.OFFSET_CLA];
        byte ins = buffer[ISO7816.OFFSET_INS];
        ClassRules.check(cla, ins);
        if ((cla & CLA_PROPRIETARY_BIT) != 0) {
            issuerCommand(apdu, ins);
            return;
        }
        switch (ins) {
            case INS_SELECT: select(apdu); return;
            case INS_GET_DATA: getData(apdu); return;
            case INS_GET_CHALLENGE: Challenges.send(apdu, random, scratch); return;
            // No current EF, PIN or key at the MF.
            case INS_READ_BINARY:
            case INS_READ_BINARY_ODD:
            case INS_READ_RECORD:
            case INS_VERIFY:
            case INS_CHANGE_REFERENCE_DATA:
            case INS_INTERNAL_AUTHENTICATE:
                ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
                return;
            default:
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
    }

    /**
     * SELECT by AID reaching this applet is the ISD selection (9000). SELECT MF (00 A4 00 00, no
     * data) right after a reset is 6A86; any FID, 3F00 included, finds nothing under the MF.
     */
    private void select(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        byte p1 = buffer[ISO7816.OFFSET_P1];
        if (p1 == SELECT_BY_DF_NAME && selectingApplet()) {
            return;
        }
        short length = apdu.setIncomingAndReceive();
        if (p1 == SELECT_BY_FID && length == (short) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }

    /** GET DATA 00 CA tag Le: the object's value; 6A88 when absent; 6700 when Le is too short for it. */
    private void getData(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        DataObject object = find(Util.getShort(buffer, ISO7816.OFFSET_P1));
        if (object == null) {
            ISOException.throwIt(StatusWords.DATA_OBJECT_NOT_FOUND);
        }
        short expected = apdu.setOutgoing();
        short length = (short) object.value.length;
        if (expected > (short) 0 && expected < length) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        apdu.setOutgoingLength(length);
        apdu.sendBytesLong(object.value, (short) 0, length);
    }

    private DataObject find(short tag) {
        for (byte i = 0; i < dataObjectCount; i++) {
            if (dataObjects[i].tag == tag) {
                return dataObjects[i];
            }
        }
        return null;
    }

    private void issuerCommand(APDU apdu, byte ins) {
        if (ins != INS_SET_DATA_OBJECT && ins != INS_SEED_RANDOM && ins != INS_LOCK) {
            ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
        if (locked) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] buffer = apdu.getBuffer();
        short p1p2 = Util.getShort(buffer, ISO7816.OFFSET_P1);
        if (ins == INS_LOCK) {
            if (p1p2 != (short) 0) {
                ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
            }
            locked = true;
            return;
        }
        short length = apdu.setIncomingAndReceive();
        if (length == (short) 0 || length != apdu.getIncomingLength()) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (ins == INS_SEED_RANDOM) {
            if (p1p2 != (short) 0) {
                ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
            }
            random.setSeed(buffer, apdu.getOffsetCdata(), length);
            return;
        }
        setDataObject(p1p2, buffer, apdu.getOffsetCdata(), length);
    }

    /** SET DATA OBJECT: the only place a data object is allocated; each tag once. */
    private void setDataObject(short tag, byte[] buffer, short offset, short length) {
        if (tag == (short) 0 || find(tag) != null) {
            ISOException.throwIt(StatusWords.FILE_ALREADY_EXISTS);
        }
        if (dataObjectCount == MAX_DATA_OBJECTS) {
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        if (length > MAX_DATA_OBJECT_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        DataObject object = new DataObject(tag, new byte[length]);
        Util.arrayCopy(buffer, offset, object.value, (short) 0, length);
        dataObjects[dataObjectCount] = object;
        dataObjectCount++;
    }
}

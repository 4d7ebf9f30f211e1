package dev.mynasim.junit;

import dev.mynasim.model.CardApplication;
import dev.mynasim.model.Pin;
import java.nio.charset.StandardCharsets;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;

/** The few JPKI commands these tests send: select the user-proof PIN, verify it. */
final class Jpki {

    private static final byte[] AID = CardApplication.JPKI.aid();
    private static final byte[] USER_PROOF_PIN = {(byte) (Pin.AUTH.fid() >> 8), (byte) Pin.AUTH.fid()};

    private Jpki() {
    }

    /** Selects the JPKI application and the user-proof PIN, then VERIFY; returns the status word. */
    static int verifyUserProofPin(CardChannel channel, String pin) throws CardException {
        channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, AID));
        channel.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, USER_PROOF_PIN));
        return channel.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin.getBytes(StandardCharsets.US_ASCII))).getSW();
    }

    static int selectApplication(CardChannel channel) throws CardException {
        return channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, AID)).getSW();
    }
}

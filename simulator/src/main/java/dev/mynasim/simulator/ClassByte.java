package dev.mynasim.simulator;

/**
 * The card's rule for CLA bytes on commands the simulator answers itself (SELECT by AID routing and
 * the MF level). The applets apply the same rule to the commands they receive.
 */
final class ClassByte {

    private ClassByte() {
    }

    /** 0 when the CLA is acceptable, else the status word to answer. */
    static int check(byte claByte, byte insByte) {
        int cla = claByte & 0xFF;
        int ins = insByte & 0xFF;
        if (cla == 0xFF || (cla & 0xE0) == 0x20 || (cla & 0xE0) == 0xA0 || (cla & 0xE0) == 0xC0 || (cla & 0xE0) == 0xE0) {
            return 0x6E00;
        }
        boolean furtherInterindustry = (cla & 0x40) != 0;
        int channel = furtherInterindustry ? 4 + (cla & 0x0F) : cla & 0x03;
        if (channel != 0) {
            return 0x6881;
        }
        boolean secureMessaging = furtherInterindustry ? (cla & 0x20) != 0 : (cla & 0x0C) != 0;
        if (secureMessaging) {
            return ins == 0xA4 ? 0x6882 : 0x69FC;
        }
        if ((cla & 0x10) != 0) {
            return 0x6884;
        }
        return 0;
    }
}

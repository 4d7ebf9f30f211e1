package dev.mynasim.simulator;

/**
 * Answers the commands a card receives while no application is selected (after power-on), the way
 * docs/card-reference.md §2.5 describes the MF level: nothing is readable there. jCardSim itself has no MF and
 * would answer 6986 or pass the command to the last applet; this keeps the card's answers ISO-shaped.
 */
final class MasterFileResponder {

    private MasterFileResponder() {
    }

    static byte[] respond(byte[] command) {
        int classError = ClassByte.check(command[0], command[1]);
        if (classError != 0) {
            return sw(classError);
        }
        int ins = command[1] & 0xFF;
        int p1 = command[2] & 0xFF;
        return switch (ins) {
            // SELECT MF right after a reset is refused; SELECT EF finds nothing under the MF.
            case 0xA4 -> sw(p1 == 0x00 ? 0x6A86 : 0x6A82);
            // No current EF, no current PIN or key.
            case 0xB0, 0xB1, 0xB2, 0x20, 0x24, 0x2A, 0x88, 0xD6 -> sw(0x6986);
            default -> sw(0x6D00);
        };
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }
}

package dev.mynasim.client.guard;

import dev.mynasim.simulator.ForwardingCard;
import dev.mynasim.simulator.SimulatedCard;

/**
 * Test double: a MynaSim virtual card that answers the identification marker the way a real My Number
 * Card does (6D00), so the guard must treat it as a card it may not damage.
 */
final class PretendRealCard extends ForwardingCard {
    PretendRealCard(SimulatedCard card) {
        super(card);
    }

    @Override
    public byte[] transmit(byte[] command) {
        if (command.length >= 2 && (command[0] & 0xFF) == 0x80 && (command[1] & 0xFF) == 0xCA) {
            return new byte[] {0x6D, 0x00};
        }
        return card.transmit(command);
    }
}

package dev.mynasim.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.transport.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The vpcd slots as leases: never more holders than slots, the lowest free slot first. */
class VpcdSlotsTest {

    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void eachLeaseGetsItsOwnSlotLowestFirst() {
        VpcdSlots slots = new VpcdSlots(2);
        VpcdSlot first = slots.lease(SHORT);
        VpcdSlot second = slots.lease(SHORT);
        assertEquals(0, first.number());
        assertEquals(1, second.number());
        assertNotSame(first, second);
    }

    @Test
    void aThirdHolderWaitsAndFailsWithAReasonWhenNoSlotComesFree() {
        VpcdSlots slots = new VpcdSlots(2);
        slots.lease(SHORT);
        slots.lease(SHORT);
        TransportException refused = assertThrows(TransportException.class, () -> slots.lease(SHORT));
        assertTrue(refused.getMessage().contains("no vpcd slot became free"), refused.getMessage());
    }

    @Test
    void aWaitingHolderGetsTheSlotTheOtherGivesBack() throws Exception {
        VpcdSlots slots = new VpcdSlots(1);
        VpcdSlot held = slots.lease(SHORT);
        CompletableFuture<VpcdSlot> waiting = CompletableFuture.supplyAsync(() -> slots.lease(Duration.ofSeconds(10)));
        slots.release(held);
        assertEquals(0, waiting.get(10, TimeUnit.SECONDS).number());
    }

    @Test
    void aReleasedLowSlotIsLeasedBeforeAHigherOne() {
        VpcdSlots slots = new VpcdSlots(2);
        VpcdSlot zero = slots.lease(SHORT);
        VpcdSlot one = slots.lease(SHORT);
        slots.release(one);
        slots.release(zero);
        assertEquals(0, slots.lease(SHORT).number(), "a lone user gets Virtual PCD 00 00");
    }
}

package dev.mynasim.client.pcsc;

import dev.mynasim.simulator.vpcd.RequiresPcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reader selection rules, without pcscd. */
class PcscReadersPickTest {

    private static final List<String> READERS = List.of("Virtual PCD 00 00", "Virtual PCD 00 01",
            "SCM Microsystems Inc. SCR 3310 [CCID Interface] (53311620) 01 00");

    private static String pick(String spec) {
        return PcscReaders.pick(spec, READERS, n -> n.endsWith("00 01"));
    }

    @Test
    void exactName() {
        assertEquals("Virtual PCD 00 01", pick("Virtual PCD 00 01"));
    }

    @Test
    void index() {
        assertEquals("Virtual PCD 00 00", pick("0"));
        assertEquals(READERS.get(2), pick("2"));
    }

    @Test
    void uniqueFragmentIgnoringCase() {
        assertEquals(READERS.get(2), pick("scr 3310"));
        assertEquals("Virtual PCD 00 00", pick("virtual pcd 00 00"));
    }

    @Test
    void ambiguousFragmentListsTheReaders() {
        ReaderNotFoundException e = assertThrows(ReaderNotFoundException.class, () -> pick("Virtual"));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
        READERS.forEach(r -> assertTrue(e.getMessage().contains(r), e.getMessage()));
    }

    @Test
    void unknownNameListsTheReaders() {
        ReaderNotFoundException e = assertThrows(ReaderNotFoundException.class, () -> pick("Gemalto"));
        READERS.forEach(r -> assertTrue(e.getMessage().contains(r), e.getMessage()));
        assertEquals(READERS, e.readers());
    }

    @Test
    void indexOutOfRangeListsTheReaders() {
        ReaderNotFoundException e = assertThrows(ReaderNotFoundException.class, () -> pick("7"));
        assertTrue(e.getMessage().contains("Virtual PCD 00 01"), e.getMessage());
    }

    @Test
    void noReadersSaysSo() {
        ReaderNotFoundException e = assertThrows(ReaderNotFoundException.class,
                () -> PcscReaders.pick("Virtual PCD 00 00", List.of(), n -> false));
        assertTrue(e.getMessage().contains("no readers"), e.getMessage());
    }

    @Test
    void noSpecTakesTheOnlyReaderOrTheOnlyOneWithACard() {
        assertEquals("A", PcscReaders.pick(null, List.of("A"), n -> false));
        assertEquals("Virtual PCD 00 01", pick(null));
        ReaderNotFoundException e = assertThrows(ReaderNotFoundException.class,
                () -> PcscReaders.pick(null, READERS, n -> false));
        assertTrue(e.getMessage().contains(PcscReaders.READER_ENV), e.getMessage());
    }

    @Test
    void pcscCodeIsTakenFromTheCauseChain() {
        Exception e = new Exception("transmit failed",
                new RuntimeException("sun.security.smartcardio.PCSCException: SCARD_W_REMOVED_CARD"));
        assertEquals("SCARD_W_REMOVED_CARD", PcscReaders.pcscCode(e));
    }
}

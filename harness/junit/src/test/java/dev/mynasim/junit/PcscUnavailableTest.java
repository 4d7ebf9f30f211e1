package dev.mynasim.junit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.simulator.vpcd.PcscEnvironment;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without a free vpcd slot a via = PCSC test is skipped with the reason, or fails under MYNASIM_REQUIRE_PCSC=1. */
class PcscUnavailableTest {

    @Test
    void skipsWithTheReasonOrFailsWhenPcscIsRequired() {
        String why = "pcscd is not running (no /run/pcscd/pcscd.comm)";
        if (PcscEnvironment.required()) {
            AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> MynaCardExtension.skipOrFail("a test", why));
            assertTrue(failed.getMessage().contains("MYNASIM_REQUIRE_PCSC=1 but a test: PC/SC is not ready: " + why), failed.getMessage());
        } else {
            TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> MynaCardExtension.skipOrFail("a test", why));
            assertTrue(skipped.getMessage().contains("SKIPPED a test: PC/SC is not ready: " + why), skipped.getMessage());
            assertTrue(skipped.getMessage().contains("MYNASIM_REQUIRE_PCSC=1 makes them fail instead"), skipped.getMessage());
        }
    }
}

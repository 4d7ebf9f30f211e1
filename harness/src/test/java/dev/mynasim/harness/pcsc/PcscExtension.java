package dev.mynasim.harness.pcsc;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skip (loudly) or fail, per {@link PcscEnvironment#required()}, when pcscd/vpcd are missing. */
final class PcscExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.SLOT0_PORT);
        if (status.ready()) {
            return;
        }
        String reason = context.getDisplayName() + ": " + status.describe();
        if (PcscEnvironment.required()) {
            fail(PcscEnvironment.REQUIRE_ENV + "=1 but " + reason);
        }
        System.err.println("SKIPPED " + reason);
        Assumptions.abort("SKIPPED " + reason);
    }
}

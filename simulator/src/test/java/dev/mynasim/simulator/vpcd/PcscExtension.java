package dev.mynasim.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The skip-or-require policy of {@link RequiresPcsc}; the detection itself is {@link PcscEnvironment}. */
public final class PcscExtension implements BeforeAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PcscExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.SLOT0_PORT);
        if (status.ready()) {
            return;
        }
        String reason = PcscEnvironment.unavailableReason(context.getDisplayName(), status);
        if (PcscEnvironment.required()) {
            fail(PcscEnvironment.REQUIRE_ENV + "=1 but " + reason);
        }
        System.err.println("SKIPPED " + reason);
        context.getStore(NS).put("skip", reason);
    }

    /** Aborts each test (not the class) so that the reports count the tests as skipped, with the reason. */
    @Override
    public void beforeEach(ExtensionContext context) {
        String reason = context.getParent().map(p -> p.getStore(NS).get("skip", String.class)).orElse(null);
        if (reason != null) {
            Assumptions.abort("SKIPPED " + reason);
        }
    }
}

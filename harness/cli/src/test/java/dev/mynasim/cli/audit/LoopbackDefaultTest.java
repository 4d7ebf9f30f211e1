package dev.mynasim.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.cli.MynasimCommand;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * vpcd listens on every interface; a bridge that connected anywhere but loopback by default would put
 * the card (and the PINs typed at it) on the network. Both defaults are loopback.
 */
class LoopbackDefaultTest {

    @Test
    void theBridgeDefaultsToLoopback() throws Exception {
        assertTrue(InetAddress.getByName(VpcdBridge.DEFAULT_HOST).isLoopbackAddress(), VpcdBridge.DEFAULT_HOST);
    }

    @Test
    void serveDefaultsToLoopback() throws Exception {
        String host = MynasimCommand.commandLine().getSubcommands().get("serve").getCommandSpec().findOption("--host").defaultValue();
        assertEquals(VpcdBridge.DEFAULT_HOST, host);
        assertTrue(InetAddress.getByName(host).isLoopbackAddress(), host);
    }
}

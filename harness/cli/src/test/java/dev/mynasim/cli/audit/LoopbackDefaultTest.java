package dev.mynasim.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.cli.MynasimCommand;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * vpcd listens on every interface; a bridge that connected anywhere but loopback by default would put
 * the card (and the PINs typed at it) on the network; a console on another interface would show the card and its controls to it. All three
 * defaults are loopback.
 */
class LoopbackDefaultTest {

    @Test
    void theBridgeDefaultsToLoopback() throws Exception {
        InetAddress[] addresses = InetAddress.getAllByName(VpcdBridge.DEFAULT_HOST);
        assertTrue(addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress),
                VpcdBridge.DEFAULT_HOST + " -> " + Arrays.toString(addresses));
    }

    @Test
    void serveDefaultsToLoopback() throws Exception {
        String host = MynasimCommand.commandLine().getSubcommands().get("serve").getCommandSpec().findOption("--host").defaultValue();
        assertEquals(VpcdBridge.DEFAULT_HOST, host);
        assertTrue(InetAddress.getByName(host).isLoopbackAddress(), host);
    }

    @Test
    void theConsoleDefaultsToLoopback() throws Exception {
        String host = MynasimCommand.commandLine().getSubcommands().get("serve").getCommandSpec().findOption("--console-host").defaultValue();
        assertEquals(dev.mynasim.cli.ServeCommand.CONSOLE_HOST, host);
        assertTrue(InetAddress.getByName(host).isLoopbackAddress(), host);
    }
}

package dev.mynasim.cli;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.LatencyProfile;
import dev.mynasim.simulator.serve.CardServer;
import dev.mynasim.simulator.serve.ControlConsole;
import dev.mynasim.simulator.state.CardStateFile;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mynasim serve}: puts a persona's virtual card into pcscd's virtual reader until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Puts a persona's virtual My Number Card into the vpcd virtual reader of pcscd, for any PC/SC client.",
            "Control input (one per line): remove, insert, reset, status, quit; faults (pull-out, power-loss, garble,",
            "slow MS, mute, clear) and reader settings (latency, short-apdus on|off, atr NAME); help lists them.",
            "Stops on SIGINT/SIGTERM."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    PersonaOption personaOption = new PersonaOption();

    static final class Slot {
        @Option(names = "--slot", paramLabel = "0|1", description = "vpcd slot: 0 = \"Virtual PCD 00 00\" (port 35963), 1 = \"Virtual PCD 00 01\" (35964). Default 0.")
        Integer slot;

        @Option(names = "--port", paramLabel = "N", description = "vpcd TCP port (for a pcscd with its own vpcd configuration).")
        Integer port;
    }

    @ArgGroup(exclusive = true)
    Slot where = new Slot();

    @Option(names = "--host", paramLabel = "H", defaultValue = VpcdBridge.DEFAULT_HOST,
            description = "Where pcscd's vpcd listens. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--profile", paramLabel = "contact|contactless", defaultValue = "contact",
            description = "ATR profile. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--latency", paramLabel = "PROFILE", defaultValue = "none",
            description = "Per-command delays: none, contact, contactless, or command=3,read256=12,verify=25,sign=450 (ms; estimates). Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Card state file (PIN counters, locks, changed PINs). Default: ~/.local/state/mynasim/<persona>-slot<N>.json.")
    Path state;

    @Override
    public Integer call() throws Exception {
        Persona persona = personaOption.persona();
        int slot = where.slot == null ? 0 : where.slot;
        if (where.slot != null && slot != 0 && slot != 1) {
            throw new IllegalArgumentException("--slot must be 0 or 1 (or give --port)");
        }
        int port = where.port != null ? where.port : VpcdBridge.portForSlot(slot);
        String readerName = where.port != null ? "the vpcd reader on port " + port : "Virtual PCD 00 0" + slot;
        CardProfile cardProfile = CardProfile.named(profile);

        if (host.equals(VpcdBridge.DEFAULT_HOST) || host.equals("localhost")) {
            PcscEnvironment.Status status = PcscEnvironment.check(port);
            if (!status.ready()) {
                if (!Files.exists(PcscEnvironment.VPCD_CONFIG)) {
                    throw new IllegalStateException(status.describe());
                }
                System.err.println("serve: " + status.describe() + " Waiting for it; the card goes in as soon as pcscd listens.");
            }
        }

        CardStateFile stateFile = new CardStateFile(state != null ? state : CardStateFile.defaultPath(persona.id(), slot), persona.id());
        VirtualCard card = VirtualCards.issue(persona, Fixtures.get().pki(), cardProfile, stateFile.load());
        CountDownLatch stop = new CountDownLatch(1);
        ControlledCard controls = ControlledCard.wrap(card, LatencyProfile.parse(latency));
        try (CardServer server = new CardServer(persona.id(), card, controls, stateFile, host, port, readerName)) {
            server.start();
            System.out.println("serve: the card of persona " + persona.id() + " is in reader \"" + readerName + "\"");
            System.out.println("serve: state file " + stateFile.path());
            System.out.println("serve: " + ControlConsole.HELP);
            System.out.flush();
            StopSignals.onStop(stop::countDown);
            Thread console = new Thread(new ControlConsole(server, System.in, System.out, stop::countDown), "mynasim-serve-console");
            console.setDaemon(true);
            console.start();
            stop.await();
        }
        System.out.println("serve: stopped");
        return 0;
    }
}

package dev.mynasim.cli;

import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.console.CardConsole;
import dev.mynasim.console.ConsoleAccess;
import dev.mynasim.console.ConsoleServer;
import dev.mynasim.console.ObservedCard;
import dev.mynasim.world.issuer.CaStateDirectory;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.LatencyProfile;
import dev.mynasim.simulator.serve.CardServer;
import dev.mynasim.simulator.serve.ControlConsole;
import dev.mynasim.fixtures.io.StateLock;
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
            "--console opens a live view with the same controls in the browser (loopback, with a token in its URL).",
            "Stops on SIGINT/SIGTERM."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    PersonaOption personaOption = new PersonaOption();

    static final class Slot {
        @Option(names = "--slot", converter = OptionValues.Slot.class, paramLabel = "0|1", description = "vpcd slot: 0 = \"Virtual PCD 00 00\" (port 35963), 1 = \"Virtual PCD 00 01\" (35964). Default 0.")
        Integer slot;

        @Option(names = "--port", converter = OptionValues.Port.class, paramLabel = "N", description = "vpcd TCP port (for a pcscd with its own vpcd configuration).")
        Integer port;
    }

    @ArgGroup(exclusive = true)
    Slot where = new Slot();

    @Option(names = "--host", converter = OptionValues.Host.class, paramLabel = "H", defaultValue = VpcdBridge.DEFAULT_HOST,
            description = "Where pcscd's vpcd listens. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--profile", converter = OptionValues.ProfileName.class, paramLabel = "contact|contactless", defaultValue = "contact",
            description = "ATR profile. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--latency", converter = OptionValues.Latency.class, paramLabel = "PROFILE", defaultValue = "none",
            description = "Per-command delays: none, contact, contactless, or command=3,read256=12,verify=25,sign=450 (ms; estimates). Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--layout", converter = OptionValues.LayoutName.class, paramLabel = "NAME",
            description = "Card layout (short-form, long-form; docs/card-choices.md). Default: the persona file's."
                    + " Another layout than the file's keeps its own default state file (<persona>-<layout>-slot<N>.json).")
    String layout;

    @Option(names = "--state", converter = OptionValues.StateFile.class, paramLabel = "FILE",
            description = "Card state file (PIN counters, locks, changed PINs). Default: <persona>-slot<N>.json in $XDG_STATE_HOME/mynasim, else $HOME/.local/state/mynasim.")
    Path state;

    @Option(names = "--console", converter = OptionValues.ListenPort.class, arity = "0..1", fallbackValue = "0", paramLabel = "PORT",
            description = "Also serve a live console page (card face, PINs, certificates, APDU stream, controls) on PORT (default: any free port); prints its URL.")
    Integer consolePort;

    @Option(names = "--console-host", converter = OptionValues.Host.class, paramLabel = "H", defaultValue = CONSOLE_HOST,
            description = "Interface for the console. Default: ${DEFAULT-VALUE}; any other is reachable from the network (a warning is printed).")
    String consoleHost;

    @Option(names = "--ca-state", converter = OptionValues.Folder.class, paramLabel = "DIR",
            description = "Test CA folder whose certificate status the console shows and changes (default: as office and callcenter: $MYNASIM_CA_STATE or ~/.local/state/mynasim/ca).")
    Path caState;

    /** The console listens on loopback unless told otherwise. */
    public static final String CONSOLE_HOST = "127.0.0.1";

    @Override
    public Integer call() throws Exception {
        Persona named = personaOption.persona();
        Persona persona = layout == null ? named : named.withLayout(CardLayout.parse(layout));
        int slot = where.slot == null ? 0 : where.slot;
        if (where.slot != null && slot != 0 && slot != 1) {
            throw new IllegalArgumentException("--slot must be 0 or 1 (or give --port)");
        }
        int port = where.port != null ? where.port : VpcdBridge.portForSlot(slot);
        String readerName = where.port != null ? "the vpcd reader on port " + port : "Virtual PCD 00 0" + slot;
        CardProfile cardProfile = CardProfile.named(profile);

        // A card of another layout than the persona file's is another card: its default state file is its own.
        String stateStem = persona.layout() == named.layout() ? persona.id() : persona.id() + "-" + persona.layout().word();
        CardStateFile stateFile = new CardStateFile(state != null ? state : CardStateFile.defaultPath(stateStem, slot), persona.id());
        StateLock.Claim claim = stateFile.claim();
        try {
            return serve(persona, stateFile, cardProfile, port, readerName);
        } finally {
            claim.close();
        }
    }

    private Integer serve(Persona persona, CardStateFile stateFile, CardProfile cardProfile, int port, String readerName) throws Exception {
        if (host.equals(VpcdBridge.DEFAULT_HOST) || host.equals("localhost")) {
            PcscEnvironment.Status status = PcscEnvironment.check(port);
            if (!status.ready()) {
                if (!Files.exists(PcscEnvironment.VPCD_CONFIG)) {
                    throw new IllegalStateException(status.describe());
                }
                System.err.println("serve: " + status.describe() + " Waiting for it; the card goes in as soon as pcscd listens.");
            }
        }

        VirtualCard card = VirtualCards.issue(persona, Fixtures.get().pki(), cardProfile, stateFile.load());
        CountDownLatch stop = new CountDownLatch(1);
        ControlledCard controls = ControlledCard.wrap(card, LatencyProfile.parse(latency));
        // The console hears every exchange as the reader sees it: its tap is the outermost layer.
        ConsoleTap tap = new ConsoleTap();
        if (consolePort != null) {
            controls = new ControlledCard(new ObservedCard(controls.card(), tap), controls.reader(), controls.faults(), controls.latency());
        }
        try (CardServer server = new CardServer(persona.id(), card, controls, stateFile, host, port, readerName);
                ConsoleServer webConsole = consolePort == null ? null : startConsole(server, persona, tap)) {
            server.start();
            System.out.println("serve: the card of persona " + persona.id() + " is in reader \"" + readerName + "\"");
            System.out.println("serve: state file " + stateFile.path());
            if (webConsole != null) {
                System.out.println("serve: console at " + webConsole.url());
            }
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

    private ConsoleServer startConsole(CardServer server, Persona persona, ConsoleTap tap) {
        if (consolePort < 0 || consolePort > 65535) {
            throw new IllegalArgumentException("--console PORT must be 0..65535, not " + consolePort);
        }
        if (!ConsoleAccess.isLoopback(consoleHost)) {
            System.err.println("serve: WARNING: the console listens on " + consoleHost + ", not loopback: anyone who can reach"
                    + " that interface and learns the URL's token can watch the card and act on it.");
        }
        java.util.function.Consumer<String> notices = message -> {
            System.out.println("serve: " + message);
            System.out.flush();
        };
        CardConsole model = new CardConsole(server, persona, Fixtures.get().pki(), CaStateDirectory.resolve(caState), notices);
        tap.delegate = model;
        model.start();
        return new ConsoleServer(model, consoleHost, consolePort, ConsoleAccess.newToken(), notices).start();
    }

    /** Forwards the card's events to the console once it exists (the card is wrapped before the console is built). */
    private static final class ConsoleTap implements ObservedCard.Listener {
        volatile ObservedCard.Listener delegate;

        @Override
        public void exchanged(long startedMillis, byte[] command, byte[] response, String failure, long nanos) {
            ObservedCard.Listener target = delegate;
            if (target != null) {
                target.exchanged(startedMillis, command, response, failure, nanos);
            }
        }

        @Override
        public void powerChanged(String what) {
            ObservedCard.Listener target = delegate;
            if (target != null) {
                target.powerChanged(what);
            }
        }
    }
}

package dev.mynasim.tools.reliability;

import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.Pin;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.CardApplication;
import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.tools.reliability.CrashChecker.Op;
import dev.mynasim.tools.reliability.CrashChecker.PinState;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.issuer.ApplicationImage.PinImage;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.state.CardStateFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import java.util.concurrent.locks.LockSupport;
import dev.mynasim.simulator.vpcd.PcscEnvironment;

/**
 * Crash safety of {@code serve}: starts it as a child process on a vpcd slot, drives wrong VERIFYs,
 * correct VERIFYs and PIN changes of the JPKI user-proof PIN and signature password through pcscd,
 * kills it with SIGKILL at a random moment of that burst, restarts it, and checks with
 * {@link CrashChecker} that the saved state is one the commands sent could leave. The card must agree
 * with its file (tries by an empty VERIFY, the value by a correct VERIFY, which the next burst starts with).
 *
 * <p>The burst never spends more than {@code limit - 1} tries in a row, so a correct restart never
 * locks the PIN. Values are never printed.
 */
public final class CrashTest {

    private static final long READY_TIMEOUT_MS = 30_000;

    /** Two PINs of the JPKI application, each alternating between the persona's value and another. */
    private static final class Target {
        final String label;
        final int fid;
        final int limit;
        final String first;
        final String second;
        final String wrong;
        PinState state;

        Target(Pin pin, String first, String second, String wrong) {
            this.label = pin.label();
            this.fid = pin.fid();
            this.limit = pin.maxTries();
            this.first = first;
            this.second = second;
            this.wrong = wrong;
            this.state = new PinState(this.limit, first);
        }

        String other(String value) {
            return value.equals(first) ? second : first;
        }
    }

    /** The figures of a run. */
    public record Result(int kills, int restarts, int violations, int inFlightKills, long totalMillis,
            double meanRestartMillis, double meanBurstCommands) {
    }

    private final Persona persona;
    private final int kills;
    private final int slot;
    private final Path stateFile;
    private final PrintStream out;
    private final Random random;
    private final List<String> serveJvmOptions;

    public CrashTest(Persona persona, int kills, int slot, Path stateFile, long seed, List<String> serveJvmOptions, PrintStream out) {
        this.persona = persona;
        this.kills = kills;
        this.slot = slot;
        this.stateFile = stateFile;
        this.random = new Random(seed);
        this.serveJvmOptions = List.copyOf(serveJvmOptions);
        this.out = out;
    }

    public Result run() throws Exception {
        String readerName = "Virtual PCD 00 0" + slot;
        Files.deleteIfExists(stateFile);
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(Pin.AUTH, persona.pins().auth(), otherDigits(persona.pins().auth()), wrongDigits(persona.pins().auth())));
        persona.pins().sign().ifPresent(sign -> targets.add(new Target(Pin.SIGN, sign, "CRASH2026X", "WRONG0PASS")));
        CardStateFile file = new CardStateFile(stateFile, persona.id());
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crashtest-killer");
            t.setDaemon(true);
            return t;
        });
        this.readerName = readerName;
        terminal = PcscReaders.choose(readerName);
        if (terminal.isCardPresent()) {
            throw new IllegalStateException("reader \"" + readerName + "\" already has a card: another serve runs on slot " + slot);
        }
        warmUp();
        int violations = 0;
        int inFlight = 0;
        int restarts = 0;
        long restartNanos = 0;
        long burstCommands = 0;
        double windowMillis = 30;
        long started = System.nanoTime();
        for (int cycle = 1; cycle <= kills; cycle++) {
            long t0 = System.nanoTime();
            Process serve = startServe();
            try {
                awaitReady(serve);
                if (cycle > 1) {
                    restarts++;
                }
                restartNanos += System.nanoTime() - t0;
                // 1. the file loads and agrees with the model; the card agrees with the file
                Optional<CardState> saved;
                try {
                    saved = file.load().map(CardState::decode);
                } catch (RuntimeException e) {
                    violations++;
                    out.println("VIOLATION cycle " + cycle + ": the state file does not load: " + e.getMessage());
                    throw e;
                }
                Target target = targets.get(cycle % targets.size());
                for (Target t : targets) {
                    PinState observed = saved.map(state -> observed(state, t)).orElse(new PinState(t.limit, t.first));
                    if (!observed.equals(t.state)) {
                        // nothing ran between the check after the kill and this load
                        violations++;
                        out.println("VIOLATION cycle " + cycle + " (" + t.label + "): the state changed between the kill and the restart");
                        t.state = observed;
                    }
                }
                // 2. the burst, killed at a random moment
                Burst burst = new Burst(target);
                long kill = (long) (random.nextDouble() * windowMillis * 1_000_000);
                // Waited for below: a kill that failed reports why instead of a bare time-out.
                ScheduledFuture<Process> killed = killer.schedule(serve::destroyForcibly, kill, TimeUnit.NANOSECONDS);
                try (PcscTransport card = PcscTransport.on(terminal)) {
                    violations += burst.run(card, cycle, out);
                } catch (TransportException e) {
                    // the kill: the card went away under a command
                }
                killed.get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                serve.waitFor();
                burstCommands += burst.sent;
                if (burst.sent > burst.answered) {
                    inFlight++;
                }
                // aim the next kill over about two rounds of the burst
                if (burst.firstRoundNanos > 0) {
                    windowMillis = 0.8 * windowMillis + 0.2 * (2.0 * burst.firstRoundNanos / 1e6);
                }
                // 3. after the kill: the saved state must be one of the allowed ones
                waitForCard(false);
                PinState observed;
                try {
                    observed = file.load().map(CardState::decode).map(state -> observed(state, target)).orElse(new PinState(target.limit, target.first));
                } catch (RuntimeException e) {
                    violations++;
                    out.println("VIOLATION cycle " + cycle + ": the state file does not load after the kill: " + e.getMessage());
                    throw e;
                }
                Optional<String> violation = CrashChecker.violation(burst.start, burst.ops, burst.answered, burst.sent, target.limit, observed);
                if (violation.isPresent()) {
                    violations++;
                    out.println("VIOLATION cycle " + cycle + " (" + target.label + "): " + violation.get());
                }
                target.state = observed;
                if (observed.triesLeft() == 0) {
                    out.println("crashtest: the " + target.label + " is locked; starting again from a fresh card");
                    Files.deleteIfExists(stateFile);
                    targets.forEach(t -> t.state = new PinState(t.limit, t.first));
                }
            } finally {
                serve.destroyForcibly();
                serve.waitFor();
            }
            if (cycle % 25 == 0 || cycle == kills) {
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("crashtest: %d kills, %d restarts, %d violations, %d killed with a command in flight, %.2f s per cycle (restart to ready %.0f ms)%n",
                        cycle, restarts, violations, inFlight, seconds / cycle, restartNanos / 1e6 / cycle);
                out.flush();
            }
        }
        killer.shutdownNow();
        long total = (System.nanoTime() - started) / 1_000_000;
        return new Result(kills, restarts, violations, inFlight, total, restartNanos / 1e6 / kills, (double) burstCommands / kills);
    }

    /** Commands on one PIN until the card goes away; every command is recorded before it is sent. */
    private final class Burst {
        final Target target;
        final PinState start;
        final List<Op> ops = new ArrayList<>();
        int sent;
        int answered;
        int rounds;
        long firstRoundNanos;

        Burst(Target target) {
            this.target = target;
            this.start = target.state;
        }

        /** Runs rounds until the transport fails; returns the violations seen on the live card. */
        int run(PcscTransport card, int cycle, PrintStream out) {
            int violations = 0;
            long begin = System.nanoTime();
            require(card, CommandApdus.selectApplication(CardApplication.JPKI.aid()), "SELECT JPKI");
            require(card, CommandApdus.selectFile(target.fid), "SELECT PIN");
            byte[] status = card.transceive(Apdus.command(0x00, 0x20, 0x00, 0x80));
            int sw = Apdus.sw(status);
            if (sw != (0x63C0 | start.triesLeft())) {
                violations++;
                out.printf("VIOLATION cycle %d (%s): the card says %04X, its state file %d tries%n", cycle, target.label, sw, start.triesLeft());
            }
            PinState state = start;
            while (true) {
                // correct, 0 .. limit-1 wrong, correct, change: the counter never reaches 0
                String current = state.value();
                state = send(card, Op.correct(current), state);
                if (answeredSw != 0x9000) {
                    violations++;
                    out.printf("VIOLATION cycle %d (%s): the value the state file holds is refused (%04X)%n", cycle, target.label, answeredSw);
                    return violations;
                }
                int wrongs = random.nextInt(target.limit);
                for (int i = 0; i < wrongs; i++) {
                    state = send(card, Op.wrong(target.wrong), state);
                }
                state = send(card, Op.correct(current), state);
                if (answeredSw != 0x9000) {
                    violations++;
                    out.printf("VIOLATION cycle %d (%s): the value the state file holds is refused (%04X)%n", cycle, target.label, answeredSw);
                    return violations;
                }
                state = send(card, Op.change(target.other(current)), state);
                if (answeredSw != 0x9000) {
                    violations++;
                    out.printf("VIOLATION cycle %d (%s): the change was refused (%04X)%n", cycle, target.label, answeredSw);
                    return violations;
                }
                if (++rounds == 1) {
                    firstRoundNanos = System.nanoTime() - begin;
                }
            }
        }

        private int answeredSw;

        private PinState send(PcscTransport card, Op op, PinState state) {
            byte[] data = op.value().getBytes(StandardCharsets.US_ASCII);
            byte[] command = op.kind() == CrashChecker.Kind.CHANGE
                    ? Apdus.command(0x00, 0x24, 0x01, 0x80, data, -1)
                    : Apdus.command(0x00, 0x20, 0x00, 0x80, data, -1);
            ops.add(op);
            sent++;
            byte[] response = card.transceive(command);
            answeredSw = Apdus.sw(response);
            answered++;
            return CrashChecker.apply(state, op, target.limit);
        }
    }

    private static void require(PcscTransport card, byte[] command, String what) {
        int sw = Apdus.sw(card.transceive(command));
        if (sw != 0x9000) {
            throw new IllegalStateException(what + " answered " + String.format("%04X", sw));
        }
    }

    /** The status word; a response without one (vpcd's answer when the card dies under a command) is no answer. */

    private static PinState observed(CardState state, Target target) {
        for (PinImage pin : state.pins(CardApplication.JPKI.aid())) {
            if (pin.fid() == target.fid) {
                return new PinState(pin.triesLeft(), new String(pin.value(), StandardCharsets.US_ASCII));
            }
        }
        throw new IllegalStateException("the state file has no record of the " + target.label);
    }

    /**
     * One serve that quits cleanly (not counted) and leaves a class-data archive (AppCDS) that every
     * later start maps: about a quarter less CPU per restart on the build machine.
     */
    private void warmUp() throws Exception {
        Path archive = Files.createTempDirectory("mynasim-crashtest-cds").resolve("serve.jsa");
        Process serve = startServe(List.of("-XX:ArchiveClassesAtExit=" + archive));
        try {
            awaitReady(serve);
            serve.getOutputStream().write("quit\n".getBytes(StandardCharsets.US_ASCII));
            serve.getOutputStream().flush();
            if (!serve.waitFor(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("serve did not quit");
            }
            waitForCard(false);
        } finally {
            serve.destroyForcibly();
            serve.waitFor();
        }
        Files.deleteIfExists(stateFile);
        if (Files.exists(archive)) {
            archiveOption = "-XX:SharedArchiveFile=" + archive;
        }
    }

    private String archiveOption;
    private String readerName;
    private CardTerminal terminal;

    /**
     * Waits for the card to be present or absent. When pcscd restarted under this JVM (its PC/SC context
     * is dead: SCARD_E_NO_SERVICE) it takes a new context and the reader again, for up to the timeout.
     */
    private boolean waitForCard(boolean present) throws CardException {
        long deadline = System.nanoTime() + READY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                return present ? terminal.waitForCardPresent(READY_TIMEOUT_MS) : terminal.waitForCardAbsent(READY_TIMEOUT_MS);
            } catch (CardException | TransportException e) {
                if (!noService(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                out.println("crashtest: pcscd restarted under the test; taking a new PC/SC context");
                PcscEnvironment.resetContext();
                try {
                    terminal = PcscReaders.choose(readerName);
                } catch (TransportException notYet) {
                    // pcscd not back yet: the next wait fails again, until the deadline
                    LockSupport.parkNanos(200_000_000L);
                }
            }
        }
    }

    private static boolean noService(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("SCARD_E_NO_SERVICE") || String.valueOf(t.getMessage()).contains("pcscd")) {
                return true;
            }
        }
        return false;
    }

    private Process startServe() throws IOException {
        return startServe(archiveOption == null ? List.of() : List.of(archiveOption));
    }

    private Process startServe(List<String> extra) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
        command.addAll(serveJvmOptions);
        command.addAll(extra);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.mynasim.cli.MynasimCommand");
        command.addAll(List.of("serve", "--persona", persona.id(), "--slot", String.valueOf(slot), "--state", stateFile.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for serve's "is in reader" line, then for pcscd to see the card. */
    private void awaitReady(Process serve) throws IOException, CardException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.contains("is in reader")) {
                break;
            }
            seen.append(line).append('\n');
        }
        if (line == null) {
            throw new IllegalStateException("serve ended before the card was in the reader:\n" + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                serve.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process is gone
            }
        }, "crashtest-serve-output");
        drain.setDaemon(true);
        drain.start();
        if (!waitForCard(true)) {
            throw new IllegalStateException("pcscd did not see the card within " + READY_TIMEOUT_MS + " ms");
        }
    }

    private static String otherDigits(String pin) {
        return pin.equals("9876") ? "8765" : "9876";
    }

    private static String wrongDigits(String pin) {
        return pin.equals("0000") || pin.equals("9876") ? "1111" : "0000";
    }
}

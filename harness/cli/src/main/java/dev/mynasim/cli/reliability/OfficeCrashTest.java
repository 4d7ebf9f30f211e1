package dev.mynasim.cli.reliability;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.CardEvent;
import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.CertificateState;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.OfficeLedger;
import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardInfoReader;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.GetResponseTransport;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;

/**
 * Crash safety of the office (issue 14): a card served by {@code serve} on a vpcd slot with a saved
 * state file, and {@code mynasim office} operations (reissue, change of address, change of name, PIN
 * reset) run as child processes through pcscd and SIGKILLed at a random moment. After each kill the
 * CA state, the ledger and the card (read through the reader) are checked:
 * <ul>
 *   <li>no revocation without its replacement (a certificate issued the same day, same purpose);</li>
 *   <li>no fee without its operation in the history, and never two fees for one operation;</li>
 *   <li>no card change without its ledger entry: unless an operation is journalled, the card holds
 *       exactly the CA's good certificates and the ledger's address;</li>
 * </ul>
 * then the same command is run again (when the operation did not complete) and must complete, after
 * which the invariants hold with no journal left. PIN values never reach the output.
 */
public final class OfficeCrashTest {

    private static final long READY_TIMEOUT_MS = 30_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
    private static final Set<RevocationReason> REPLACED = Set.of(RevocationReason.SUPERSEDED,
            RevocationReason.CESSATION_OF_OPERATION, RevocationReason.AFFILIATION_CHANGED);

    /** The figures of a run. */
    public record Result(int kills, int cycles, int violations, int reruns, int interruptions, Map<Stage, Integer> killedAt, long totalMillis) {
    }

    /** Where a kill left the operation, as seen in the files afterwards. */
    public enum Stage { NOT_STARTED, CARD, COMMIT, COMPLETED }

    private final Persona persona;
    private final int kills;
    private final int slot;
    private final Path cardState;
    private final Path caState;
    private final Random random;
    private final PrintStream out;
    private final List<String> jvmOptions;
    private double expectedMillis = 3000;
    private int cycle;
    private int killed;
    /** Office runs that failed because pcscd or the reader went away (someone restarted pcscd): retried, not counted as violations. */
    private int interruptions;
    private String readerName;
    private CardTerminal terminal;

    public OfficeCrashTest(Persona persona, int kills, int slot, Path workDirectory, long seed, List<String> jvmOptions, PrintStream out) {
        this.persona = persona;
        this.kills = kills;
        this.slot = slot;
        this.cardState = workDirectory.resolve(persona.id() + "-card.json");
        this.caState = workDirectory.resolve("ca");
        this.random = new Random(seed);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.out = out;
    }

    public Result run() throws Exception {
        if (persona.pins().sign().isEmpty()) {
            throw new IllegalArgumentException("persona '" + persona.id() + "' has no signature certificate: choose one 15 or over");
        }
        Files.createDirectories(caState);
        String readerName = "Virtual PCD 00 0" + slot;
        this.readerName = readerName;
        terminal = PcscReaders.choose(readerName);
        if (terminal.isCardPresent()) {
            throw new IllegalStateException("reader \"" + readerName + "\" already has a card: another serve runs on slot " + slot);
        }
        Process serve = startServe();
        Map<Stage, Integer> killedAt = new EnumMap<>(Stage.class);
        int violations = 0;
        int reruns = 0;
        long started = System.nanoTime();
        try {
            awaitServe(serve, terminal);
            warmUp();
            for (cycle = 1; killed < kills; cycle++) {
                awaitCard();
                if (owed != null && rerunUntilDone(owed) == null) {
                    out.println("office crashtest: cycle " + cycle + ": the interrupted " + String.join(" ", owed.subList(0, 2)) + " completed at last");
                    owed = null;
                }
                List<String> command = operation(cycle, FIRST_DAY.plusDays(cycle));
                Process office = startOffice(command);
                Output output = Output.of(office);
                boolean finished;
                if (cycle % 4 == 0) {
                    // anywhere from the late JVM start to just past a whole run
                    finished = office.waitFor((long) ((0.3 + 0.8 * random.nextDouble()) * expectedMillis), TimeUnit.MILLISECONDS);
                } else {
                    // inside the transaction: once the journal is written, anywhere over a transaction's length
                    boolean journalled = awaitJournal(office);
                    long journalSeen = System.nanoTime();
                    finished = !journalled || office.waitFor((long) (random.nextDouble() * transactionMillis), TimeUnit.MILLISECONDS);
                    if (journalled && finished) {
                        // it ended before the kill: the window follows how long transactions take now
                        transactionMillis = 0.7 * transactionMillis + 0.3 * (System.nanoTime() - journalSeen) / 1e6;
                    }
                }
                if (!finished) {
                    office.destroyForcibly();
                    office.waitFor();
                    killed++;
                }
                Stage stage = stage(command);
                if (!finished) {
                    killedAt.merge(stage, 1, Integer::sum);
                }
                if (finished && office.exitValue() != 0) {
                    String text = output.text();
                    if (environmentTrouble(text)) {
                        interruptions++;
                        out.println("office crashtest: cycle " + cycle + ": the reader went away under the office: " + firstLine(text));
                    } else if (owed != null && text.contains("an interrupted operation is waiting")) {
                        out.println("office crashtest: cycle " + cycle + ": refused while the journal of an earlier operation waits (as it should)");
                    } else {
                        violations++;
                        out.println("VIOLATION cycle " + cycle + ": " + String.join(" ", command) + " failed before the kill:\n" + text);
                    }
                }
                violations += check(cycle, "after the kill", terminal, false);
                if (stage != Stage.COMPLETED) {
                    reruns++;
                    String failure = rerunUntilDone(command);
                    if (failure != null && owed == null) {
                        violations++;
                        owed = command;
                        out.println("VIOLATION cycle " + cycle + ": the rerun of " + String.join(" ", command) + " does not complete: " + failure);
                    }
                }
                awaitCard();
                violations += check(cycle, "after the rerun", terminal, owed == null);
                if (cycle % 25 == 0 || killed == kills) {
                    out.printf("office crashtest: %d cycles, %d kills, %d reruns, %d violations; stage at the kill %s; %.1f s per cycle%n",
                            cycle, killed, reruns, violations, killedAt, (System.nanoTime() - started) / 1e9 / cycle);
                    out.flush();
                }
            }
        } finally {
            serve.destroyForcibly();
            serve.waitFor();
        }
        return new Result(killed, cycle - 1, violations, reruns, interruptions, killedAt, (System.nanoTime() - started) / 1_000_000);
    }

    /** The cycle's office command: reissue, move, change of name, PIN reset in turn, each on its own day. */
    private List<String> operation(int cycle, LocalDate day) {
        List<String> command = new ArrayList<>(List.of("office"));
        switch (cycle % 4) {
            case 1 -> command.add("reissue");
            case 0 -> command.addAll(List.of("reset-pin", "--pin", "juki", "--new-pin", cycle % 8 == 0 ? "5678" : "8765"));
            case 2 -> command.addAll(List.of("change-address", "--address", "東京都千代田区千代田１－" + cycle));
            case 3 -> command.addAll(List.of("change-name", "--name", cycle % 8 == 3 ? "山田　花子" : persona.name()));
            default -> throw new IllegalStateException("cycle " + cycle);
        }
        command.addAll(List.of("--persona", persona.id(), "--reader", "Virtual PCD 00 0" + slot, "--today", day.toString(),
                "--ca-state", caState.toString()));
        return command;
    }

    private static CardEvent eventOf(List<String> command) {
        return switch (command.get(1)) {
            case "reissue" -> CardEvent.REISSUE;
            case "change-address" -> CardEvent.ADDRESS_CHANGE;
            case "change-name" -> CardEvent.NAME_CHANGE;
            default -> CardEvent.PIN_RESET;
        };
    }

    private static LocalDate dayOf(List<String> command) {
        return LocalDate.parse(command.get(command.indexOf("--today") + 1));
    }

    /** How far the operation got, from the ledger. */
    private Stage stage(List<String> command) {
        OfficeLedger ledger = new OfficeLedger(caState);
        LocalDate day = dayOf(command);
        if (ledger.history(persona.id()).stream().anyMatch(e -> e.on().equals(day) && e.event() == eventOf(command))) {
            return Stage.COMPLETED;
        }
        return ledger.pending().map(p -> p.phase() == OfficeLedger.Phase.CARD ? Stage.CARD : Stage.COMMIT).orElse(Stage.NOT_STARTED);
    }

    /** The invariants; returns the number of violations (each printed). */
    private int check(int cycle, String when, CardTerminal terminal, boolean settled) {
        List<String> problems = new ArrayList<>();
        TestCertificateAuthority ca = TestCertificateAuthority.open(Fixtures.get().pki(), caState);
        OfficeLedger ledger = new OfficeLedger(caState);
        List<CertificateRecord> records = ca.recordsOf(persona.id());
        for (CertificateRecord r : records) {
            if (r.state() == CertificateState.REVOKED && REPLACED.contains(r.reason())
                    && records.stream().noneMatch(n -> n.purpose() == r.purpose() && n.notBefore().equals(r.stateSince())
                            && !n.serialHex().equals(r.serialHex()))) {
                problems.add("the " + r.purpose() + " certificate " + r.serialHex() + " was revoked (" + r.reason().rfcName()
                        + ") on " + r.stateSince() + " with no replacement");
            }
        }
        List<OfficeLedger.Event> events = ledger.allEvents();
        List<OfficeLedger.Fee> fees = ledger.allFees();
        for (OfficeLedger.Fee fee : fees) {
            if (events.stream().noneMatch(e -> e.operation().equals(fee.operation()))) {
                problems.add("a fee of " + fee.yen() + " yen on " + fee.on() + " has no operation in the history");
            }
        }
        if (fees.stream().map(OfficeLedger.Fee::operation).distinct().count() != fees.size()) {
            problems.add("an operation was charged twice");
        }
        long reissues = events.stream().filter(e -> e.event() == CardEvent.REISSUE).count();
        if (reissues != fees.size() || fees.stream().anyMatch(f -> f.yen() != MunicipalOffice.REISSUE_FEE_YEN)) {
            problems.add(fees.size() + " fees for " + reissues + " reissues");
        }
        boolean journalled = ledger.pending().isPresent();
        if (settled && journalled) {
            problems.add("the journal still holds " + ledger.pending().get().command());
        }
        if (!journalled) {
            problems.addAll(cardAgrees(terminal, records, ledger));
        }
        for (String problem : problems) {
            out.println("VIOLATION cycle " + cycle + " " + when + ": " + problem);
        }
        return problems.size();
    }

    /** With no operation in progress the card holds the CA's good certificates and the ledger's address. */
    private List<String> cardAgrees(CardTerminal terminal, List<CertificateRecord> records, OfficeLedger ledger) {
        List<String> problems = new ArrayList<>();
        try (PcscTransport transport = PcscTransport.on(terminal)) {
            CardClient client = new CardClient(new GetResponseTransport(transport));
            X509Certificate auth = client.readCertificate(0x000A, ReadMethod.FOUR_BYTE_HEADER);
            requireGood(problems, records, CertificatePurpose.AUTH, auth);
            client.forgetSelection();
            CardResponse password = client.verify(Pin.SIGN, persona.pins().sign().orElseThrow());
            if (!password.ok()) {
                problems.add("the signature password is refused: " + String.format("%04X", password.sw()));
            } else {
                requireGood(problems, records, CertificatePurpose.SIGN, client.readCertificate(0x0001, ReadMethod.FOUR_BYTE_HEADER));
            }
            client.forgetSelection();
            CardResponse text = client.verify(Pin.TEXT, persona.pins().text());
            if (!text.ok()) {
                problems.add("the card-info PIN is refused: " + String.format("%04X", text.sw()));
            } else {
                Persona now = ledger.current(persona);
                CardInfoReader.BasicFour basic = new CardInfoReader(client).basicFour();
                if (!basic.address().equals(now.address()) || !basic.name().equals(now.name())) {
                    problems.add("the card shows " + basic.name() + " at " + basic.address() + ", the ledger " + now.name() + " at " + now.address());
                }
            }
            client.forgetSelection();
        }
        return problems;
    }

    /** An office failure that says the reader, the card or pcscd went away: the environment, not the office. */
    private static boolean environmentTrouble(String output) {
        return output.contains("pcscd") || output.contains("no card in reader") || output.contains("was removed or reset")
                || output.contains("SCARD_") || output.contains("PC/SC");
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }

    /**
     * Waits until pcscd shows the served card again: after a pcscd restart (by anyone) the PC/SC
     * context is dead, so a new one is taken; serve's bridge reconnects by itself.
     */
    private void awaitCard() throws Exception {
        long deadline = System.nanoTime() + 4 * READY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                if (terminal.waitForCardPresent(READY_TIMEOUT_MS)) {
                    return;
                }
            } catch (javax.smartcardio.CardException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the served card did not come back to " + readerName + ": " + e.getMessage(), e);
                }
                dev.mynasim.simulator.vpcd.PcscEnvironment.resetContext();
                try {
                    terminal = PcscReaders.choose(readerName);
                } catch (RuntimeException notYet) {
                    // pcscd not back yet: try again until the deadline
                }
                Thread.sleep(500);
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the served card did not come back to " + readerName);
            }
        }
    }

    private static void requireGood(List<String> problems, List<CertificateRecord> records, CertificatePurpose purpose, X509Certificate onCard) {
        String serial = onCard.getSerialNumber().toString(16);
        Optional<CertificateRecord> record = records.stream().filter(r -> r.purpose() == purpose && r.serialHex().equals(serial)).findFirst();
        if (record.isEmpty() || record.get().state() != CertificateState.GOOD) {
            problems.add("the card's " + purpose + " certificate " + serial + " is " + record.map(r -> r.state().toString()).orElse("unknown to the CA"));
        }
        long good = records.stream().filter(r -> r.purpose() == purpose && r.state() == CertificateState.GOOD).count();
        if (good != 1) {
            problems.add(good + " good " + purpose + " certificates at the CA");
        }
    }

    /**
     * One whole operation, not killed and not counted: measures how long a run takes (the kill
     * window) and leaves a class-data archive (AppCDS) that every later office start maps.
     */
    private void warmUp() throws Exception {
        Path archive = caState.resolveSibling("office.jsa");
        List<String> command = operation(0, FIRST_DAY);
        Process office = start(List.of("-XX:ArchiveClassesAtExit=" + archive), command);
        Output output = Output.of(office);
        if (!office.waitFor(120, TimeUnit.SECONDS) || office.exitValue() != 0) {
            office.destroyForcibly();
            throw new IllegalStateException("the first office run failed:\n" + output.text());
        }
        if (Files.exists(archive)) {
            archiveOption = "-XX:SharedArchiveFile=" + archive;
        }
        long t0 = System.nanoTime();
        office = startOffice(operation(0, FIRST_DAY));
        output = Output.of(office);
        if (!office.waitFor(120, TimeUnit.SECONDS) || office.exitValue() != 0) {
            office.destroyForcibly();
            throw new IllegalStateException("the second office run failed:\n" + output.text());
        }
        expectedMillis = (System.nanoTime() - t0) / 1e6;
        office = startOffice(operation(1, FIRST_DAY));
        output = Output.of(office);
        awaitJournal(office);
        t0 = System.nanoTime();
        if (!office.waitFor(120, TimeUnit.SECONDS) || office.exitValue() != 0) {
            office.destroyForcibly();
            throw new IllegalStateException("the first reissue failed:\n" + output.text());
        }
        transactionMillis = (System.nanoTime() - t0) / 1e6;
        out.printf("office crashtest: a whole office run takes %.0f ms, a reissue from its journal to the end %.0f ms%n",
                expectedMillis, transactionMillis);
    }

    private double transactionMillis = 1000;

    /** Polls the ledger until it holds a journal; false when the process ended first. */
    private boolean awaitJournal(Process office) throws InterruptedException {
        Path ledger = caState.resolve("office.json");
        while (office.isAlive()) {
            try {
                if (Files.exists(ledger) && Files.readString(ledger).contains("\"pending\" : {")) {
                    return true;
                }
            } catch (IOException e) {
                // replaced under the read: look again
            }
            Thread.sleep(2);
        }
        return false;
    }

    private String archiveOption;
    /** A command whose rerun did not complete: run again at the start of each cycle until it does. */
    private List<String> owed;

    /**
     * Runs the command again until the ledger records it: up to four times, waiting for the card
     * between tries when the reader went away (counted as interruptions). Null when done, else the
     * last failure.
     */
    private String rerunUntilDone(List<String> command) throws Exception {
        String failure = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            failure = rerun(command);
            if (failure == null && stage(command) == Stage.COMPLETED) {
                return null;
            }
            if (failure == null) {
                failure = "exit 0 but the operation is not recorded as done";
            } else if (environmentTrouble(failure)) {
                interruptions++;
            }
            awaitCard();
        }
        return failure;
    }

    /**
     * The same command run again, in this process through the same command line (a second JVM start
     * would only add time): null when it exits 0, else its exit code and output.
     */
    private String rerun(List<String> command) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        PrintStream savedErr = System.err;
        int exit;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            exit = dev.mynasim.cli.MynasimCommand.commandLine().execute(command.toArray(String[]::new));
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
        return exit == 0 ? null : "exit " + exit + ": " + captured.toString(StandardCharsets.UTF_8);
    }

    private Process startServe() throws IOException {
        return start(List.of("serve", "--persona", persona.id(), "--slot", String.valueOf(slot), "--state", cardState.toString()));
    }

    private Process startOffice(List<String> command) throws IOException {
        return start(archiveOption == null ? List.of() : List.of(archiveOption), command);
    }

    private Process start(List<String> arguments) throws IOException {
        return start(List.of(), arguments);
    }

    private Process start(List<String> extraJvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.mynasim.cli.MynasimCommand");
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitServe(Process serve, CardTerminal terminal) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null && !line.contains("is in reader")) {
            seen.append(line).append('\n');
        }
        if (line == null) {
            throw new IllegalStateException("serve ended before the card was in the reader:\n" + seen);
        }
        Output.drain(serve);
        if (!terminal.waitForCardPresent(READY_TIMEOUT_MS)) {
            throw new IllegalStateException("pcscd did not see the card within " + READY_TIMEOUT_MS + " ms");
        }
    }

    /** A child's output, collected on a daemon thread (the office prints no PIN value). */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        static Output of(Process process) {
            Output output = new Output();
            Thread t = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(output.bytes);
                } catch (IOException e) {
                    // the process is gone
                }
            }, "office-crashtest-output");
            t.setDaemon(true);
            t.start();
            return output;
        }

        static void drain(Process process) {
            of(process);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}

package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.cli.audit.SecretScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 14: the CLI's contract, walked from picocli's model. Every option and positional parameter
 * of every subcommand gets values outside what it accepts (empty, negative, zero, huge, malformed
 * dates and times, unknown words, missing files, folders for files, non-ASCII); each must be refused
 * with exit 2 and one line on standard error that names the option, with nothing on standard output
 * and no stack trace. A value kind the test does not know fails the test, so a new option cannot
 * slip past. Failed operations exit 1, options that would be ignored are refused, and the secrets
 * audit runs over everything the CLI printed.
 */
class CliContractTest {

    @TempDir
    static Path dir;
    static Path aFile;
    static Path aFolder;
    static Path trace;
    static final StringBuilder EVERYTHING_PRINTED = new StringBuilder();

    @BeforeAll
    static void files() throws Exception {
        aFile = Files.writeString(dir.resolve("a-file.txt"), "x");
        aFolder = Files.createDirectories(dir.resolve("a-folder"));
        trace = Files.writeString(dir.resolve("t.trace"), "> 00 A4 04 0C 0A D392F000260100000001  < 90 00\n");
    }

    /** Values that every option of this kind must refuse; the key is the option's converter. */
    static List<String> hostile(Class<?> converter) {
        String missing = dir.resolve("no-such-folder").resolve("x").toString();
        String underAFile = aFile.resolve("sub").toString();
        return switch (converter.getSimpleName()) {
            case "Count", "LongCount", "Threads", "Cards", "WholeSeconds", "Port" ->
                List.of("", "-5", "0", "99999999999999999999", "5000000000000", "1e3", "５", "ten");
            case "Seed" -> List.of("", "abc", "99999999999999999999", "５", "1.5");
            case "Slot" -> List.of("", "-1", "2", "abc", "０");
            case "ListenPort" -> List.of("", "-1", "65536", "abc", "８０８０");
            case "DataBytes" -> List.of("", "-1", "65536", "abc", "５");
            case "Seconds", "Minutes" -> List.of("", "-1", "0", "NaN", "Infinity", "1e400", "abc", "99999999", "３");
            case "Day" -> List.of("", "2026-02-30", "1899-12-31", "1900-01-00", "3000-01-01", "2026-1-1", "２０２６-01-01", "yesterday");
            case "TimeOfDay" -> List.of("", "24:00", "7:5", "12:60", "noon", "１２:００");
            case "PersonaId" -> List.of("", "nobody", "はなこ", "HANAKO ");
            case "Text" -> List.of("", "   ", "two\nlines");
            case "Host" -> List.of("", "ホスト", "a b");
            case "ProfileName" -> List.of("", "FOO", "接触");
            case "LayoutName" -> List.of("", "FOO", "長形式", "short form");
            case "Lang" -> List.of("", "fr", "日本語", "e n");
            case "ShardOf" -> List.of("", "0/3", "4/3", "1/0", "-1/3", "a/b", "1-3");
            case "Latency" -> List.of("", "FOO", "command=-1");
            case "Purpose" -> List.of("", "FOO", "ａｕｔｈ");
            case "PinWord" -> List.of("", "FOO", "暗証");
            case "PinValue" -> List.of("", "123", "１２３４", "12345678901234567", "12 34");
            case "Folder" -> List.of("", aFile.toString(), underAFile);
            case "StateFile" -> List.of("", aFolder.toString(), underAFile);
            case "NewFile" -> List.of("", aFolder.toString(), missing);
            case "ExistingFile" -> List.of("", missing, aFolder.toString());
            case "ExistingFileOrFolder" -> List.of("", missing);
            default -> throw new AssertionError("the contract test does not know the value kind " + converter.getName()
                    + ": add its hostile values here");
        };
    }

    /** Valid values for the options a command requires, so the option under test is what is judged. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "mynasim office reset-pin", List.of("--pin", "auth"),
            "mynasim office change-address", List.of("--address", "x"),
            "mynasim office change-name", List.of("--name", "x"),
            "mynasim ca crl", List.of("--purpose", "auth"),
            "mynasim serve", List.of("--slot", "1"));

    record Run(int exit, String out, String err) {
    }

    static synchronized Run run(String... args) {
        CommandLine cl = MynasimCommand.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            exit = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Run r = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        EVERYTHING_PRINTED.append("$ mynasim ").append(String.join(" ", args)).append('\n').append(r.out).append(r.err);
        return r;
    }

    static void assertNoJavaLeak(String what, Run r) {
        String all = r.out + r.err;
        for (String leak : List.of("Exception", "\tat ", "dev.mynasim.", "java.lang", "null")) {
            assertTrue(!all.contains(leak), what + ": the output holds \"" + leak.strip() + "\":\n" + all);
        }
    }

    static void assertUsageError(String what, Run r, String mustName) {
        assertNoJavaLeak(what, r);
        assertEquals(2, r.exit, what + " exit code; stderr: " + r.err);
        assertEquals("", r.out, what + " prints nothing on standard output");
        List<String> lines = r.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), what + ": one line on standard error, not:\n" + r.err);
        assertTrue(lines.get(0).contains(mustName), what + ": the line names " + mustName + ": " + lines.get(0));
    }

    static void walk(CommandLine cl, List<String> path, Map<List<String>, CommandSpec> into) {
        into.put(path, cl.getCommandSpec());
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                walk(sub, longer, into);
            }
        });
    }

    @Test
    void everyOptionRefusesValuesOutsideWhatItAcceptsInOneLineWithExit2() {
        int checked = hostileWalk(false);
        assertTrue(checked > 300, "hostile values tried: " + checked);
    }

    /** Issue 18: the same contract holds for every command that speaks Japanese, run with --lang ja. */
    @Test
    void theContractHoldsInJapaneseToo() {
        int checked = hostileWalk(true);
        assertTrue(checked > 50, "hostile values tried with --lang ja: " + checked);
    }

    /** Every option of every command (with --lang ja: of the commands that take it) given hostile values. */
    private int hostileWalk(boolean japanese) {
        Map<List<String>, CommandSpec> commands = new LinkedHashMap<>();
        walk(MynasimCommand.commandLine(), List.of(), commands);
        int checked = 0;
        int options = 0;
        for (Map.Entry<List<String>, CommandSpec> command : commands.entrySet()) {
            CommandSpec spec = command.getValue();
            if (japanese && spec.findOption("--lang") == null) {
                continue;
            }
            List<String> base = new ArrayList<>(command.getKey());
            base.addAll(REQUIRED.getOrDefault(spec.qualifiedName(), List.of()));
            if (japanese) {
                base.addAll(List.of("--lang", "ja"));
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.typeInfo().isBoolean() || (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp()))) {
                    continue; // flags take no value
                }
                if (arg.typeInfo().isMultiValue() && arg.type() == Map.class) {
                    continue; // read --pin KIND=VALUE: its own cases below
                }
                options++;
                assertTrue(arg.converters() != null && arg.converters().length > 0,
                        spec.qualifiedName() + " " + name(arg) + " takes any value unchecked: give it a converter from OptionValues");
                String required = base.contains(name(arg)) ? name(arg) : null;
                for (String value : hostile(arg.converters()[0].getClass())) {
                    List<String> line = new ArrayList<>(base);
                    if (required != null) {
                        int at = line.indexOf(required);
                        line.remove(at + 1);
                        line.remove(at);
                    }
                    if (arg instanceof OptionSpec o) {
                        line.add(o.longestName());
                        line.add(value);
                    } else {
                        line.add(value);
                    }
                    String what = String.join(" ", line).replace("\n", "\\n");
                    Run r = run(line.toArray(String[]::new));
                    String mustName = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
                    assertUsageError(what, r, mustName);
                    checked++;
                }
            }
        }
        System.out.printf("CLI contract%s: %d commands, %d options with values, %d hostile values refused%n",
                japanese ? " (--lang ja)" : "", commands.size(), options, checked);
        return checked;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    @Test
    void optionsThatWouldDoNothingAreRefused() {
        for (String[] line : List.of(
                new String[] {"callcenter", "suspend", "--reader", "sim"},
                new String[] {"office", "card-found", "--reader", "sim"},
                new String[] {"ca", "list", "--reader", "sim"},
                new String[] {"ca", "crl", "--purpose", "auth", "--reader", "sim"},
                new String[] {"ca", "crl", "--purpose", "auth", "--persona", "hanako"},
                new String[] {"ca", "list", "--today", "2026-06-01"},
                new String[] {"bench", "--slot", "1"},
                new String[] {"bench", "--data-bytes", "100"})) {
            Run r = run(line);
            assertUsageError(String.join(" ", line), r, line[line.length - 2]);
        }
    }

    @Test
    void readPinKindsAndValuesAreChecked() {
        assertUsageError("read --pin foo=1", run("read", "--pin", "foo=1"), "--pin");
        assertUsageError("read --pin text=", run("read", "--pin", "text="), "--pin");
        assertUsageError("read --pin text=９９９９", run("read", "--pin", "text=９９９９"), "--pin");
    }

    /** Issue 14 item 8: an operation that did not do what was asked never exits 0. */
    @Test
    void failedOperationsExit1() throws Exception {
        Run wrongPin = run("read", "--reader", "sim", "--pin", "text=9999");
        assertNoJavaLeak("read --pin text=9999", wrongPin);
        assertEquals(1, wrongPin.exit, "read with a refused PIN:\n" + wrongPin.out + wrongPin.err);
        assertTrue(wrongPin.out.contains("63 C2") || wrongPin.out.contains("63C2"), wrongPin.out);

        Path home = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(home.resolve("features"))) {
            home = home.getParent();
        }
        Path features = home.resolve("features");
        Path empty = Files.createDirectories(dir.resolve("no-features"));
        Run none = run("check", "--report-dir", dir.resolve("r1").toString(), empty.toString());
        assertNoJavaLeak("check on an empty folder", none);
        assertEquals(1, none.exit, none.out + none.err);
        assertTrue(none.err.contains("no scenario matched"), none.err);

        Run typo = run("check", "--report-dir", dir.resolve("r2").toString(), "--tags", "@typo", features.toString());
        assertNoJavaLeak("check --tags @typo", typo);
        assertEquals(1, typo.exit, typo.out + typo.err);
        assertTrue(typo.err.contains("no scenario matched"), typo.err);
    }

    /** Issue 14 item 9: an unknown step is named, with a snippet, not only "undefined:". */
    @Test
    void anUndefinedStepIsNamedWithASnippet() throws Exception {
        Path feature = Files.writeString(Files.createDirectories(dir.resolve("undefined")).resolve("u.feature"),
                "Feature: x\n  Scenario: y\n    Given the moon is made of \"cheese\"\n");
        Run r = run("check", "--report-dir", dir.resolve("r3").toString(), feature.toString());
        assertEquals(1, r.exit, r.out + r.err);
        assertTrue(r.out.contains("undefined step \"the moon is made of \"cheese\"\""), r.out);
        assertTrue(r.out.contains("@Given(\"the moon is made of {string}\")"), r.out);
    }

    /** Issue 14: a second serve on a card state file already in use is refused, before anything is served. */
    @Test
    void aSecondServeOnTheSameStateFileIsRefused() throws Exception {
        Path state = dir.resolve("served.json");
        dev.mynasim.fixtures.io.StateLock.Claim first = new dev.mynasim.simulator.state.CardStateFile(state, "hanako").claim();
        try {
            Run second = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> run("serve", "--slot", "1", "--state", state.toString()));
            assertNoJavaLeak("a second serve", second);
            assertEquals(1, second.exit, second.out + second.err);
            assertTrue(second.err.contains("in use") && second.err.contains(state.toString()), second.err);
        } finally {
            first.close();
        }
    }

    /**
     * Issue 14 item 12: replay shows a hand-written trace's PIN masked (the secrets audit over this
     * class's output would find it otherwise), and a replay that compared nothing is not a success.
     */
    @Test
    void replayMasksHandWrittenPinsAndFailsWhenNothingWasCompared() throws Exception {
        String pin = PersonaRepository.load().byId("hanako").pins().text();
        StringBuilder hex = new StringBuilder();
        for (byte b : pin.getBytes(StandardCharsets.US_ASCII)) {
            hex.append(String.format(" %02X", b));
        }
        Path handWritten = Files.writeString(dir.resolve("hand.trace"), "# persona: hanako\n"
                + "> 00 A4 04 0C 0A D3921000310001010408  < 90 00\n"
                + "> 00 A4 02 0C 02 0011  < 90 00\n"
                + "> 00 20 00 80 04" + hex + "  < 63 C2\n");
        Run differs = run("replay", handWritten.toString());
        assertNoJavaLeak("replay of a hand-written trace", differs);
        assertEquals(1, differs.exit, differs.out + differs.err);
        assertTrue(differs.out.contains("00 20 00 80 04 ** ** ** **"), differs.out);

        Path onlyMasked = Files.writeString(dir.resolve("masked.trace"), "> 00 20 00 80 04 ** ** ** **  < 90 00\n");
        Run nothing = run("replay", onlyMasked.toString());
        assertNoJavaLeak("replay with every exchange skipped", nothing);
        assertEquals(1, nothing.exit, nothing.out + nothing.err);
        assertTrue(nothing.err.contains("nothing was compared"), nothing.err);
    }

    /** Issue 14 item 4: a feature that does not parse leaves the last reports as they were. */
    @Test
    void aBrokenFeatureLeavesTheLastReports() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("kept"));
        for (String name : List.of("cucumber.html", "cucumber.xml", "cucumber.ndjson")) {
            Files.writeString(reports.resolve(name), "the last good " + name);
        }
        Path broken = Files.writeString(Files.createDirectories(dir.resolve("broken")).resolve("b.feature"),
                "Feature: x\n  Scenario: y\n    Given a step\n   not gherkin\n  Scenariox\n");
        Run r = run("check", "--report-dir", reports.toString(), broken.toString());
        assertNoJavaLeak("check on a broken feature", r);
        assertEquals(1, r.exit, r.err);
        for (String name : List.of("cucumber.html", "cucumber.xml", "cucumber.ndjson")) {
            assertEquals("the last good " + name, Files.readString(reports.resolve(name)));
        }
        try (var left = Files.list(reports)) {
            assertEquals(3, left.count(), "no temporary folder left behind");
        }
    }

    /** The secrets audit over everything the CLI printed in this class (run last by name order is not needed: it scans at the end). */
    @org.junit.jupiter.api.AfterAll
    static void nothingPrintedHoldsAPersonaSecret() {
        SecretScanner scanner = new SecretScanner(SecretScanner.of(PersonaRepository.load().all()));
        List<String> findings = scanner.scan("the CLI contract test's output", EVERYTHING_PRINTED.toString(), false)
                .stream().map(Object::toString).toList();
        System.out.printf("CLI contract: secrets audit over %,d characters of output, %d findings%n", EVERYTHING_PRINTED.length(), findings.size());
        assertEquals(List.of(), findings, "persona secrets in the CLI's output");
    }
}

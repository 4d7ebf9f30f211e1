package dev.mynasim.cli;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.World;
import dev.mynasim.client.backend.Backend;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.backend.CardHands;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.world.kiosk.CardPresence;
import dev.mynasim.world.kiosk.CertificateKind;
import dev.mynasim.world.kiosk.Choice;
import dev.mynasim.world.kiosk.EnteredPin;
import dev.mynasim.world.kiosk.Kiosk;
import dev.mynasim.world.kiosk.KioskData;
import dev.mynasim.world.kiosk.KioskNotice;
import dev.mynasim.world.kiosk.KioskStep;
import dev.mynasim.world.kiosk.Municipality;
import dev.mynasim.world.kiosk.PcscCardPresence;
import dev.mynasim.world.kiosk.PrintedCertificate;
import dev.mynasim.world.relyingparty.RevocationMethod;
import dev.mynasim.client.transport.GetResponseTransport;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mynasim kiosk}: the reference convenience-store kiosk in the terminal, against any reader.
 * Menus are numbered choices read from standard input; the PIN is read without echo when there is a
 * terminal. The certificate's status is checked against the test CA's OCSP responder on loopback.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = {"Runs the reference convenience-store kiosk (the 14 steps of convenience-store issuance) against a card in a reader,"
            + " and writes the printed certificate as a PDF.",
            "Exit status: 0 a certificate was printed, 1 the kiosk ended without one (the reason is shown), 2 an error."})
public final class KioskCommand implements Callable<Integer> {

    static final int PRINTED = 0;
    static final int ENDED_WITHOUT_CERTIFICATE = 1;
    /** Sharp enough to read the smallest (8 pt) line, small enough for a README. */
    private static final float PREVIEW_DPI = 100;

    @Mixin
    ReaderOption reader = new ReaderOption();

    /** Whose card on sim/vpcd; on any reader, the holder data the kiosk prints (see docs/kiosk.md). */
    @Mixin
    PersonaOption persona = new PersonaOption();

    @Mixin
    TodayOption today = new TodayOption();

    @Option(names = "--time", converter = OptionValues.TimeOfDay.class, paramLabel = "HH:MM", description = "The kiosk's time of day (default: now in Japan).")
    LocalTime time;

    @Option(names = "--out", converter = OptionValues.Folder.class, paramLabel = "DIR", defaultValue = "kiosk-out",
            description = "Where the printed certificates go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--png", description = "Also write the first page as a PNG next to the PDF (a print preview).")
    boolean png;

    @Option(names = "--removal-timeout", converter = OptionValues.WholeSeconds.class, paramLabel = "SECONDS", defaultValue = "30",
            description = "How long step 7 waits for the card to be taken out before reminding. Default: ${DEFAULT-VALUE}.")
    int removalTimeoutSeconds;

    private final InputStream input;
    @Mixin
    LanguageOption language;

    private final PrintStream screen;
    private final boolean interactive;
    /** The screen's texts: Japanese with English (as kiosks in Japan show them), or Japanese only with --lang ja. */
    private Messages messages = Messages.of(Language.EN);
    private BufferedReader lines;

    public KioskCommand() {
        this(System.in, System.out, Terminal.console().isPresent());
    }

    /** For tests: the kiosk reads {@code input} and writes {@code screen}; the PIN comes from {@code input} too. */
    KioskCommand(InputStream input, PrintStream screen, boolean interactive) {
        this.input = input;
        this.screen = screen;
        this.interactive = interactive;
    }

    @Override
    public Integer call() throws Exception {
        messages = language.messages();
        if (removalTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--removal-timeout must be at least 1 second, not " + removalTimeoutSeconds);
        }
        Persona persona = this.persona.persona();
        prepareOut(); // before anything is paid: a certificate paid for must be writable
        KioskData data = KioskData.load();
        Clock clock = clock();
        LocalDate day = LocalDateTime.now(clock).toLocalDate();
        lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        Path caDirectory = Files.createTempDirectory("mynasim-kiosk-ca-");
        try (GuardedBackend backend = Backends.open(reader.name(), persona)) {
            try (World world = World.open(Fixtures.get().pki(), caDirectory, () -> day)) {
                Kiosk kiosk = new Kiosk(data, new GetResponseTransport(backend.transport()), presence(backend),
                        world.portal(RevocationMethod.OCSP),
                        world.residentRegistry(Fixtures.get().personas()::byId, data::permanentDomicileOf), clock,
                        Duration.ofSeconds(removalTimeoutSeconds));
                screen.println(messages.get("kiosk.header",
                        backend.name(), LocalDateTime.now(clock).withSecond(0).withNano(0).toString(), persona.id()));
                return run(kiosk, backend.hands().orElse(null));
            }
        } finally {
            deleteTree(caDirectory);
        }
    }

    private Clock clock() {
        if ((today.date == null) != (time == null)) {
            throw new IllegalArgumentException("give both --today and --time, or neither (then the kiosk uses the time in Japan now)");
        }
        if (today.date == null) {
            return Clock.system(CardRules.JST);
        }
        return Clock.fixed(today.date.atTime(time).atZone(CardRules.JST).toInstant(), CardRules.JST);
    }

    private CardPresence presence(Backend backend) {
        return backend.hands().map(CardPresence::of).orElseGet(() -> PcscCardPresence.of(reader.name()));
    }

    private int run(Kiosk kiosk, CardHands hands) {
        while (!kiosk.step().isFinal()) {
            KioskStep step = kiosk.step();
            screen.println();
            screen.println("[" + step + "]");
            kiosk.notice().ifPresent(this::show);
            switch (step) {
                case SERVICE_SELECTION -> {
                    choose(List.of(messages.get("kiosk.menu.government")));
                    kiosk.chooseGovernmentService();
                    if (kiosk.step() == KioskStep.SERVICE_SELECTION) {
                        kiosk.notice().ifPresent(this::show);
                        return ENDED_WITHOUT_CERTIFICATE;
                    }
                }
                case GOVERNMENT_SERVICE_MENU -> {
                    choose(List.of(messages.get("kiosk.menu.certificates")));
                    kiosk.chooseCertificateIssuance();
                }
                case ADVANCED_MENU -> {
                    choose(List.of(messages.get("kiosk.menu.myNumberCard")));
                    kiosk.chooseMyNumberCard();
                }
                case CARD_READING -> {
                    readLine(messages.get("kiosk.placeCard"));
                    kiosk.readCard();
                }
                case MUNICIPALITY_SELECTION -> {
                    List<Municipality> municipalities = kiosk.data().municipalities();
                    int chosen = choose(municipalities.stream().map(Municipality::toString).toList());
                    kiosk.chooseMunicipality(municipalities.get(chosen).code());
                }
                case PIN_ENTRY -> kiosk.enterPin(readPin());
                case CARD_REMOVAL -> {
                    if (hands != null && hands.isPresent()) {
                        readLine(messages.get("kiosk.takeCard"));
                        hands.remove();
                    }
                    kiosk.awaitCardRemoval();
                }
                case CERTIFICATE_SELECTION -> {
                    List<CertificateKind> kinds = kiosk.data().certificates();
                    int chosen = choose(kinds.stream().map(k -> k + "  " + k.storeFee() + "円").toList());
                    kiosk.chooseCertificate(kinds.get(chosen).id());
                }
                case TYPE_SELECTION -> {
                    List<Choice> types = kiosk.offeredTypes();
                    kiosk.chooseType(types.get(choose(types.stream().map(Choice::toString).toList())).ja());
                }
                case INFORMATION_SELECTION -> kiosk.chooseDetails(chooseDetails(kiosk.offeredDetails()));
                case COPIES -> kiosk.chooseCopies(readNumber(messages.get("kiosk.copies", String.valueOf(kiosk.data().maxCopies()))));
                case CONFIRMATION -> confirmOrCorrect(kiosk);
                case PAYMENT -> kiosk.pay(readNumber(messages.get("kiosk.payment", String.valueOf(kiosk.amountDue()))));
                case PRINTING -> {
                    PrintedCertificate printed = kiosk.print();
                    Path file = save(printed);
                    kiosk.notice().ifPresent(this::show);
                    screen.println(messages.get("kiosk.printed", file.toString()));
                    return PRINTED;
                }
                default -> throw new IllegalStateException("no screen for " + step);
            }
        }
        kiosk.notice().ifPresent(this::show);
        return kiosk.step() == KioskStep.COMPLETED ? PRINTED : ENDED_WITHOUT_CERTIFICATE;
    }

    private void confirmOrCorrect(Kiosk kiosk) {
        var request = kiosk.request();
        screen.println("  " + request.kind() + " / " + request.variant()
                + (request.details().isEmpty() ? "" : " / " + request.details()));
        screen.println("  " + request.copies() + "部 × " + request.kind().storeFee() + "円 = " + request.fee() + "円");
        int chosen = choose(List.of(messages.get("kiosk.confirm"), messages.get("kiosk.change.certificate"),
                messages.get("kiosk.change.type"), messages.get("kiosk.change.information"), messages.get("kiosk.change.copies")));
        switch (chosen) {
            case 0 -> kiosk.confirm();
            case 1 -> kiosk.correct(KioskStep.CERTIFICATE_SELECTION);
            case 2 -> kiosk.correct(KioskStep.TYPE_SELECTION);
            case 3 -> kiosk.correct(KioskStep.INFORMATION_SELECTION);
            default -> kiosk.correct(KioskStep.COPIES);
        }
    }

    private List<String> chooseDetails(List<Choice> offered) {
        if (offered.isEmpty()) {
            screen.println("  " + messages.get("kiosk.noDetails"));
            return List.of();
        }
        for (int i = 0; i < offered.size(); i++) {
            screen.printf("  %d) %s%n", i + 1, offered.get(i));
        }
        while (true) {
            String answer = readLine(messages.get("kiosk.detailsPrompt")).trim();
            List<String> chosen = new ArrayList<>();
            boolean valid = true;
            for (String token : answer.isEmpty() ? new String[0] : answer.split("[ ,]+")) {
                int index = parseChoice(token, offered.size());
                if (index < 0) {
                    valid = false;
                    break;
                }
                chosen.add(offered.get(index).ja());
            }
            if (valid) {
                return chosen;
            }
            screen.println("  " + messages.get("kiosk.answerNumbers", String.valueOf(offered.size())));
        }
    }

    private void show(KioskNotice notice) {
        screen.println("  " + notice.ja());
        if (messages.language() != Language.JA) {
            screen.println("  " + notice.en());
        }
    }

    /** A numbered menu; returns the 0-based index of the choice. */
    private int choose(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            screen.printf("  %d) %s%n", i + 1, options.get(i));
        }
        while (true) {
            int index = parseChoice(readLine(messages.get("kiosk.number")).trim(), options.size());
            if (index >= 0) {
                return index;
            }
            screen.println("  " + messages.get("kiosk.answerNumber", String.valueOf(options.size())));
        }
    }

    private static int parseChoice(String text, int count) {
        try {
            int number = Integer.parseInt(text);
            return number >= 1 && number <= count ? number - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int readNumber(String prompt) {
        while (true) {
            String text = readLine(prompt).trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                screen.println("  " + messages.get("kiosk.notANumber", text));
            }
        }
    }

    /** The --out folder, made and proven writable before the kiosk takes money (a usage error otherwise). */
    private void prepareOut() {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".mynasim-kiosk-", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--out " + out + " is not a folder the kiosk can write to ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** Without echo on a terminal; from standard input otherwise (scripts, tests). Never printed. */
    private EnteredPin readPin() {
        String prompt = messages.get("kiosk.pin");
        Optional<Console> console = interactive ? Terminal.console() : Optional.empty();
        if (console.isPresent()) {
            char[] typed = console.get().readPassword("%s: ", prompt);
            if (typed == null) {
                throw new IllegalStateException("standard input ended while the kiosk asked for the PIN");
            }
            return EnteredPin.of(typed);
        }
        screen.print(prompt + ": ");
        screen.flush();
        return EnteredPin.of(nextLine(prompt));
    }

    private String readLine(String prompt) {
        screen.print(prompt + ": ");
        screen.flush();
        return nextLine(prompt);
    }

    private String nextLine(String prompt) {
        try {
            String line = lines.readLine();
            if (line == null) {
                throw new IllegalStateException("standard input ended while the kiosk asked: " + prompt);
            }
            if (!interactive) {
                screen.println();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    private Path save(PrintedCertificate printed) {
        try {
            Files.createDirectories(out);
            Path file = out.resolve(printed.fileName());
            Files.write(file, printed.pdf());
            if (png) {
                Path image = out.resolve(printed.fileName().replaceFirst("\\.pdf$", ".png"));
                Files.write(image, printed.firstPagePng(PREVIEW_DPI));
                screen.println(messages.get("kiosk.preview", image.toString()));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate to " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

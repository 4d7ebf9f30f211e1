package dev.mynasim.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.CallCentre;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.world.issuer.CaStateDirectory;
import dev.mynasim.client.transport.ApduTrace;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.serve.CardServer;
import dev.mynasim.simulator.serve.ControlConsole;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The live model behind the console page: it hears the served card ({@link ObservedCard.Listener}),
 * keeps the decoded, masked APDU stream, computes the card's state (reader, presence, ATR, faults,
 * PINs, certificates, face) and pushes both to the page's event streams. Controls go through
 * {@code serve}'s own control vocabulary ({@link ControlConsole}), so the page and standard input
 * do exactly the same things; the call centre's suspend and release act on the CA state that the
 * {@code office} and {@code callcenter} commands use.
 */
public final class CardConsole implements ObservedCard.Listener, VpcdBridge.Listener, AutoCloseable {

    /** Exchanges kept for the page's backlog and for the downloaded trace. */
    static final int KEPT_EXCHANGES = 10_000;
    /** Exchanges a page that opens late receives at once. */
    static final int BACKLOG = 300;
    /** The page's controls: serve's control commands the page may run (never quit) and the call centre's. */
    public static final Set<String> ACTIONS = Set.of("remove", "insert", "reset", "pull-out", "power-loss", "garble",
            "slow", "mute", "clear", "latency", "short-apdus", "atr", "suspend", "release");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One exchange of the stream, as the page and the trace get it (secrets and My Number data already masked). */
    public record Exchange(long seq, String time, String application, String name, String command, String response,
            long micros, boolean failed, boolean withheld) {
    }

    private final CardServer server;
    private final Persona persona;
    private final TestPki pki;
    private final Path caDirectory;
    private final Consumer<String> notices;
    private final ApduDecoder decoder = new ApduDecoder();
    private final ObjectMapper json = new ObjectMapper();
    private final Deque<Exchange> exchanges = new ArrayDeque<>();
    private final List<BlockingQueue<String>> subscribers = new CopyOnWriteArrayList<>();
    /** The periodic refresh, once started; cancelled on close. */
    private volatile ScheduledFuture<?> periodicRefresh;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mynasim-console-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final Object controlLock = new Object();
    private long nextSeq = 1;
    private String lastState = "";
    private CardSnapshot snapshot;
    private TestCertificateAuthority ca;
    private FileTime caStamp;

    /** An event for the page's stream: poison that ends a subscription. */
    static final String END = "";

    /**
     * @param notices where the console's own messages go (refusals, controls run): serve prints them
     */
    public CardConsole(CardServer server, Persona persona, TestPki pki, Path caDirectory, Consumer<String> notices) {
        this.server = server;
        this.persona = persona;
        this.pki = pki;
        this.caDirectory = caDirectory;
        this.notices = notices;
        this.ca = CaStateDirectory.open(pki, caDirectory);
        this.caStamp = stamp(ca.stateFile());
        server.bridge().addListener(this);
    }

    /** Starts the periodic refresh (presence, CA state changed by other processes). */
    public CardConsole start() {
        periodicRefresh = refresher.scheduleWithFixedDelay(this::refresh, 0, 500, TimeUnit.MILLISECONDS);
        return this;
    }

    public Persona persona() {
        return persona;
    }

    // ------------------------------------------------------------------ what the card does

    @Override
    public void exchanged(long startedMillis, byte[] command, byte[] response, String failure, long nanos) {
        ApduDecoder.Decoded decoded = decoder.decode(command, response, failure);
        Exchange exchange;
        synchronized (exchanges) {
            exchange = new Exchange(nextSeq++, LocalTime.ofInstant(Instant.ofEpochMilli(startedMillis), ZoneId.systemDefault()).format(CLOCK),
                    decoded.application(), decoded.name(), decoded.command(), decoded.response(), nanos / 1000,
                    response == null, decoded.withheld());
            exchanges.addLast(exchange);
            if (exchanges.size() > KEPT_EXCHANGES) {
                exchanges.removeFirst();
            }
        }
        publish("apdu", exchange);
        refreshSoon();
    }

    @Override
    public void powerChanged(String what) {
        decoder.powerCycled();
        refreshSoon();
    }

    @Override
    public void connected(String host, int port) {
        refreshSoon();
    }

    @Override
    public void disconnected(String reason) {
        decoder.powerCycled();
        refreshSoon();
    }

    // ------------------------------------------------------------------ state

    private void refreshSoon() {
        if (refreshQueued.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                refreshQueued.set(false);
            }
        }
    }

    private void refresh() {
        refreshQueued.set(false);
        try {
            String state = json.writeValueAsString(state());
            boolean changed;
            synchronized (this) {
                changed = !state.equals(lastState);
                lastState = state;
            }
            if (changed) {
                broadcast(frame("state", state));
            }
        } catch (RuntimeException | JsonProcessingException e) {
            notices.accept("console: cannot read the card's state (" + e.getMessage() + ")");
        }
    }

    /** The state the page shows, as one JSON-ready map: reader, card, controls, PINs, certificates, face. */
    public synchronized Map<String, Object> state() {
        VpcdBridge bridge = server.bridge();
        ControlledCard controls = server.controls();
        snapshot = CardSnapshot.of(server.card().exportState());
        CardProfile profile = server.card().profile();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("persona", persona.id());
        out.put("reader", server.readerName());
        out.put("vpcd", bridge.host() + ":" + bridge.port());
        out.put("present", bridge.isInserted() && bridge.isConnected());
        out.put("presence", !bridge.isInserted() ? "removed" : bridge.isConnected() ? "in the reader" : "waiting for pcscd");
        out.put("powered", server.card().isPowered());
        out.put("atr", Apdus.toHex(profile.atr()));
        out.put("profile", profile.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.put("profileLabel", profile.label() + (profile.isContact() ? ", contact" : ", contactless"));
        out.put("profiles", Arrays.stream(CardProfile.values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        out.put("latency", controls.latency().profile().toString());
        out.put("shortApdusOnly", controls.reader().isLimited());
        out.put("faults", faults(controls));
        out.put("apdus", bridge.apduCount());
        out.put("pins", snapshot.pins());
        out.put("certificates", snapshot.certificates(currentCa(), today()));
        out.put("face", snapshot.face());
        out.put("caState", ca.stateFile().toString());
        return out;
    }

    private static List<String> faults(ControlledCard controls) {
        List<String> active = new ArrayList<>();
        if (controls.faults().armed() != null) {
            active.add(controls.faults().armed().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (armed)");
        }
        if (!controls.faults().slowBy().isZero()) {
            active.add("slow: " + controls.faults().slowBy().toMillis() + " ms per command");
        }
        if (controls.faults().isMute()) {
            active.add("mute until power-off");
        }
        return active;
    }

    /** The CA as the office and call centre left it: read again whenever its state file changed. */
    private synchronized TestCertificateAuthority currentCa() {
        FileTime now = stamp(ca.stateFile());
        if (now != null && !now.equals(caStamp)) {
            ca = TestCertificateAuthority.open(pki, caDirectory);
            caStamp = now;
        }
        return ca;
    }

    private static FileTime stamp(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static LocalDate today() {
        return LocalDate.now(CardRules.JST);
    }

    /** A card-face image for the page, or empty (unknown name, or no face on the card). */
    public Optional<byte[]> faceImage(String name) {
        CardSnapshot current;
        synchronized (this) {
            current = snapshot != null ? snapshot : CardSnapshot.of(server.card().exportState());
        }
        return current.faceImage(name);
    }

    // ------------------------------------------------------------------ controls

    /**
     * Runs one control from the page; returns what happened, in serve's words. Unknown actions and
     * bad arguments are answered with a message, never an exception.
     */
    public String control(String action, String argument) {
        String what = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
        String arg = argument == null ? "" : argument.trim();
        if (!ACTIONS.contains(what)) {
            throw new IllegalArgumentException("unknown control \"" + action + "\"; known: " + ACTIONS.stream().sorted().toList());
        }
        String message;
        synchronized (controlLock) {
            message = switch (what) {
                case "suspend" -> callCentre(true);
                case "release" -> callCentre(false);
                default -> serveControl(what, arg);
            };
            if (what.equals("reset") || what.equals("remove")) {
                decoder.powerCycled();
            }
        }
        notices.accept("console: " + what + (arg.isEmpty() ? "" : " " + arg) + ": " + message);
        refreshSoon();
        return message;
    }

    private String serveControl(String action, String argument) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            new ControlConsole(server, java.io.InputStream.nullInputStream(), out, () -> { })
                    .execute(argument.isEmpty() ? action : action + " " + argument);
        }
        return captured.toString(StandardCharsets.UTF_8).strip().replaceFirst("^serve: ", "");
    }

    private String callCentre(boolean suspend) {
        TestCertificateAuthority fresh = TestCertificateAuthority.open(pki, caDirectory);
        try {
            List<CertificateRecord> changed = suspend
                    ? new CallCentre(fresh).reportLoss(persona, today())
                    : new MunicipalOffice(fresh).cancelSuspension(persona, today());
            return (suspend ? "loss reported: " : "suspension cancelled: ") + changed.stream()
                    .map(r -> r.purpose() + " certificate " + r.serialHex() + " is " + r.state()).toList();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    // ------------------------------------------------------------------ event streams and trace

    /** A new subscription: the current state and the recent exchanges first, then everything as it happens. */
    public BlockingQueue<String> subscribe() {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        try {
            String state = json.writeValueAsString(state());
            queue.add(frame("state", state));
            List<Exchange> recent;
            synchronized (exchanges) {
                recent = new ArrayList<>(exchanges);
            }
            for (Exchange exchange : recent.subList(Math.max(0, recent.size() - BACKLOG), recent.size())) {
                queue.add(frame("apdu", json.writeValueAsString(exchange)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        subscribers.add(queue);
        return queue;
    }

    public void unsubscribe(BlockingQueue<String> queue) {
        subscribers.remove(queue);
    }

    private void publish(String event, Object payload) {
        try {
            broadcast(frame(event, json.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void broadcast(String frame) {
        for (BlockingQueue<String> queue : subscribers) {
            queue.add(frame);
        }
    }

    private static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    /** The current state as JSON (for {@code GET /api/state}). */
    public String stateJson() {
        try {
            return json.writeValueAsString(state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The stream so far as a trace that {@code mynasim replay} reads: a header, then one line per
     * exchange; with {@code application} (an application name or MF) only that application's lines.
     */
    public String trace(String application) {
        String only = application == null || application.isBlank() || application.equalsIgnoreCase("all")
                ? null : application.trim().toUpperCase(Locale.ROOT);
        ApduTrace trace = new ApduTrace();
        trace.note("reader: " + server.readerName());
        trace.note("ATR: " + Apdus.toHex(server.card().atr()));
        trace.note("card: MynaSim virtual card, recorded by serve --console");
        trace.note("persona: " + persona.id());
        if (only != null) {
            trace.note("application: " + only);
        }
        StringBuilder out = new StringBuilder(trace.render());
        List<Exchange> all;
        synchronized (exchanges) {
            all = new ArrayList<>(exchanges);
        }
        for (Exchange exchange : all) {
            if (only == null || only.equals(exchange.application())) {
                out.append(new ApduTrace.Exchange(exchange.command(), exchange.response(), exchange.micros()).line())
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.bridge().removeListener(this);
        ScheduledFuture<?> periodic = periodicRefresh;
        if (periodic != null) {
            periodic.cancel(false);
        }
        refresher.shutdownNow();
        for (BlockingQueue<String> queue : subscribers) {
            queue.add(END);
        }
        subscribers.clear();
    }
}

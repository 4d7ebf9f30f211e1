package dev.mynasim.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.backend.Backend;
import dev.mynasim.cli.MynasimCommand;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.cli.audit.SecretScanner;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.TraceFile;
import dev.mynasim.client.transport.TraceReplay;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code mynasim serve --console} as a user runs it (a separate process on vpcd slot 0), watched and
 * driven in headless Chromium through Selenium, while this JVM acts on the card through pcscd as
 * another client would. Uses Debian's chromium and chromedriver (never a downloaded driver).
 */
@RequiresPcsc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String READER = "Virtual PCD 00 00";
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PRESENCE = Duration.ofSeconds(15);
    /** The PIN typed wrong in these tests (never hanako's). */
    private static final String WRONG_PIN = "9876";
    /** Where the README's screenshot comes from: scripts/console-screenshot.sh copies it to docs/images/. */
    static final Path SCREENSHOT = Path.of("harness", "cli", "target", "console", "console.png");

    private final Persona hanako = Fixtures.get().personas().byId("hanako");
    private Path dir;
    private Process serve;
    private Path log;
    private String url;
    private String base;
    private String token;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServeAndBrowser() throws Exception {
        requireBrowser();
        dir = Files.createTempDirectory("mynasim-console-test");
        log = dir.resolve("serve.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmynasim.home=" + Path.of("").toAbsolutePath(),
                MynasimCommand.class.getName(), "serve", "--persona", "hanako", "--slot", "0",
                "--state", dir.resolve("hanako.json").toString(), "--ca-state", dir.resolve("ca").toString(), "--console");
        serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern printed = Pattern.compile("serve: console at (http://127\\.0\\.0\\.1:\\d+)/\\?token=(\\S+)");
        await("serve to print the console URL").atMost(Duration.ofSeconds(60)).until(() -> printed.matcher(output()).find());
        Matcher m = printed.matcher(output());
        assertTrue(m.find());
        base = m.group(1);
        token = m.group(2);
        url = base + "/?token=" + token;
        awaitCard(true);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1360,1400",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** No browser: skipped loudly on a developer's machine, a failure where the PC/SC tests are required (CI). */
    private static void requireBrowser() {
        if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)) {
            return;
        }
        String reason = "the console's browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if (PcscEnvironment.required()) {
            fail(PcscEnvironment.REQUIRE_ENV + "=1 but " + reason);
        }
        System.err.println("SKIPPED " + reason);
        Assumptions.abort("SKIPPED " + reason);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null && serve.isAlive()) {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (serve != null) {
            awaitCard(false);
        }
    }

    @BeforeEach
    void openThePage() {
        awaitCard(true); // a test that failed half-way may have left it out
        browser.get(url);
        await("the page to show the card").atMost(PRESENCE)
                .until(() -> "true".equals(browser.findElement(By.id("presence")).getAttribute("data-present"))
                        && pinRows().size() == 11);
    }

    @Test
    void thePageShowsTheCard() {
        assertEquals("hanako", text("persona"));
        assertEquals(READER, text("reader"));
        assertEquals("3B E0 00 FF 81 31 FE 45 14", text("atr"));
        assertTrue(text("profile").startsWith("contact"), text("profile"));
        assertEquals(11, pinRows().size(), "all 11 PINs");
        List<WebElement> certificates = browser.findElements(By.cssSelector("#certificates .cert"));
        assertEquals(2, certificates.size());
        for (WebElement certificate : certificates) {
            assertTrue(certificate.getText().contains("Subject"), certificate.getText());
            assertEquals("good", certificate.findElement(By.cssSelector(".ca-status")).getText());
        }
        for (String image : new String[] {"face-name", "face-address", "face-photo"}) {
            await(image + " to load").atMost(PRESENCE).until(() -> imageWidth(image) > 0);
        }
        assertTrue(text("face-withheld").contains("My Number"), text("face-withheld"));
    }

    @Test
    void wrongPinsFromAnotherClientShowUpLockedWithinASecond() {
        try (PcscTransport card = PcscTransport.open(READER)) {
            select(card, "D3 92 F0 00 26 01 00 00 00 01", "00 18");
            for (int left = 2; left >= 0; left--) {
                assertEquals(0x63C0 | left, verify(card, WRONG_PIN));
            }
        }
        await("the user-proof PIN to show 0 tries and locked").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    WebElement row = pinRow("user-proof PIN");
                    return "0".equals(row.findElement(By.cssSelector(".tries")).getAttribute("data-left"))
                            && "locked".equals(row.findElement(By.cssSelector(".state")).getText());
                });
        assertTrue(streamText().contains("VERIFY user-proof PIN → 63C0, 0 tries left (locked)"), streamText());
    }

    @Test
    void removeTakesTheCardOutOfTheReaderAndInsertPutsItBack() throws Exception {
        assertTrue(openScSeesCard(), "before: " + openScList());
        click("remove");
        await("opensc-tool -l to show no card in " + READER).atMost(PRESENCE).until(() -> !openScSeesCard());
        await("the page to show no card").atMost(PRESENCE).until(() -> text("presence").equals("no card"));
        click("insert");
        await("opensc-tool -l to show the card again").atMost(PRESENCE).until(this::openScSeesCard);
        await("the page to show the card").atMost(PRESENCE).until(() -> text("presence").equals("card present"));
    }

    @Test
    void aPullOutFailsTheNextCommand() {
        try (PcscTransport card = PcscTransport.open(READER)) {
            click("pull-out");
            await("the fault to be armed").atMost(PRESENCE).until(() -> text("faults").contains("pulled out during command"));
            byte[] select = Apdus.fromHex("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08");
            // Through pcscd and javax.smartcardio the interrupted command comes back without even a status word.
            byte[] answer;
            try {
                answer = card.transceive(select);
            } catch (TransportException e) {
                answer = new byte[0];
            }
            assertTrue(answer.length < 2, "the pulled-out command got an answer: " + Apdus.toHex(answer));
            assertThrows(TransportException.class, () -> card.transceive(select), "the card is gone for the next command");
            awaitCard(false);
            await("the stream to show the command without an answer").atMost(PRESENCE)
                    .until(() -> streamText().contains("(no response: the card was pulled out during the command)"));
            await("the page to show no card").atMost(PRESENCE).until(() -> text("presence").equals("no card"));
        } finally {
            click("insert");
            awaitCard(true);
        }
    }

    @Test
    void noPinPasswordOrMyNumberReachesTheDomOrTheEventStream() throws Exception {
        StringBuilder events = new StringBuilder();
        Thread listener = listen(events);
        String text = hanako.pins().text();
        try (PcscTransport card = PcscTransport.open(READER)) {
            // The real card-info PIN, then the My Number itself (text EF 0001) and its image (surface EF 0005).
            select(card, "D3 92 10 00 31 00 01 01 04 08", "00 11");
            assertEquals(0x9000, verify(card, text));
            select(card, null, "00 01");
            byte[] myNumber = card.transceive(Apdus.fromHex("00 B0 00 00 00"));
            assertEquals(0x9000, Apdus.sw(myNumber));
            assertTrue(new String(myNumber, StandardCharsets.US_ASCII).contains(hanako.myNumber()), "the card did answer with it");
            select(card, "D3 92 10 00 31 00 01 01 04 02", "00 13");
            assertEquals(0x9000, verify(card, hanako.myNumber()));
            select(card, null, "00 05");
            assertEquals(0x9000, Apdus.sw(card.transceive(Apdus.fromHex("00 B0 00 00 00"))));
            select(card, "D3 92 F0 00 26 01 00 00 00 01", "00 1B");
            verify(card, "WRONGPASS1");
        }
        await("the page to show the withheld reads").atMost(PRESENCE)
                .until(() -> streamText().contains("READ BINARY 0005 offset 0") && streamText().contains("VERIFY signature password"));
        await("the event stream to carry them too").atMost(PRESENCE).until(() -> snapshot(events).contains("READ BINARY 0005"));
        listener.interrupt();
        String dom = (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.outerHTML");
        String trace = get("/api/trace?token=" + token, null).body();

        List<SecretScanner.Secret> secrets = new ArrayList<>(SecretScanner.of(Fixtures.get().personas().all()));
        secrets.add(new SecretScanner.Secret("typed wrong PIN", "test", WRONG_PIN));
        secrets.add(new SecretScanner.Secret("typed wrong password", "test", "WRONGPASS1"));
        SecretScanner scanner = new SecretScanner(secrets);
        assertEquals(List.of(), scanner.scan("DOM", dom, true));
        assertEquals(List.of(), scanner.scan("event stream", snapshot(events), true));
        assertEquals(List.of(), scanner.scan("trace", trace, true));
        assertFalse(dom.contains(hanako.myNumber()) || snapshot(events).contains(hanako.myNumber()) || trace.contains(hanako.myNumber()));
        assertTrue(streamText().contains("VERIFY card-info PIN → 9000, verified"), "the stream is not empty: " + streamText());
        assertTrue(trace.contains("00 20 00 80 04 ** ** ** **"), trace);
    }

    @Test
    void withoutTheTokenOrFromAForeignOriginNothingHappens() throws Exception {
        browser.get(base + "/");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("refused: no token"));

        HttpResponse<String> foreign = get("/api/state?token=" + token, "http://attacker.example");
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("foreign Origin"), foreign.body());
        HttpResponse<String> foreignRemove = http.send(HttpRequest.newBuilder(URI.create(base + "/api/control?action=remove&token=" + token))
                .header("Origin", "http://attacker.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreignRemove.statusCode());
        HttpResponse<String> noToken = get("/api/state", null);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("no token"), noToken.body());

        // A page of another site, in the same browser, that even knows the URL with its token: its POST is refused.
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><p>another site</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        elsewhere.start();
        String foreignOrigin = "http://127.0.0.1:" + elsewhere.getAddress().getPort();
        try {
            browser.get(foreignOrigin + "/");
            Object sent = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {method: 'POST', mode: 'no-cors'}).then(() => done('sent'), e => done('failed: ' + e));",
                    base + "/api/control?action=remove&token=" + token);
            await("serve to log the refusal (" + sent + ")").atMost(PRESENCE)
                    .until(() -> output().contains("POST /api/control refused: requests from the foreign Origin \"" + foreignOrigin + "\""));
        } finally {
            elsewhere.stop(0);
        }
        assertTrue(PcscReaders.choose(READER).isCardPresent(), "the card is still in the reader");
        assertTrue(openScSeesCard(), openScList());
    }

    @Test
    void theCallCentreSuspendsAndReleasesTheCertificates() {
        click("suspend");
        await("both certificates on hold").atMost(PRESENCE).until(() -> caStatuses().stream().allMatch(s -> s.startsWith("on hold")));
        click("release");
        await("both certificates good again").atMost(PRESENCE).until(() -> caStatuses().equals(List.of("good", "good")));
    }

    private List<String> caStatuses() {
        return browser.findElements(By.cssSelector("#certificates .ca-status")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theDownloadedTraceReplays() throws Exception {
        try (PcscTransport card = PcscTransport.open(READER)) {
            select(card, "D3 92 F0 00 26 01 00 00 00 01", "00 0A");
            assertEquals(0x9000, Apdus.sw(card.transceive(Apdus.fromHex("00 B0 00 00 00"))));
        }
        await("the read in the stream").atMost(PRESENCE).until(() -> streamText().contains("READ BINARY 000A offset 0"));
        browser.findElement(By.cssSelector("#filter option[value='JPKI']")).click();
        String href = browser.findElement(By.id("download")).getAttribute("href");
        assertTrue(href.contains("app=JPKI"), href);
        HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        Path file = dir.resolve("console.trace");
        Files.writeString(file, download.body());
        TraceFile trace = TraceFile.read(file);
        assertEquals("hanako", trace.header().get("persona"));
        try (Backend sim = Backends.open("sim", hanako)) {
            TraceReplay.Result result = new TraceReplay(sim.transport(), line -> Optional.empty()).replay(trace);
            assertEquals(List.of(), result.differences(), result.summary());
            assertTrue(result.count(TraceReplay.Outcome.Kind.SAME) >= 3, result.summary());
        }
    }

    @Test
    void aScreenshotOfTheConsoleIsWritten() throws Exception {
        try (PcscTransport card = PcscTransport.open(READER)) {
            select(card, "D3 92 F0 00 26 01 00 00 00 01", "00 0A");
            card.transceive(Apdus.fromHex("00 B0 00 00 00"));
            select(card, null, "00 1B");
            verify(card, "WRONGPASS1");
            card.transceive(Apdus.fromHex("00 20 00 80"));
        }
        await("the stream to show the exchanges").atMost(PRESENCE).until(() -> streamText().contains("VERIFY signature password (tries left?)"));
        await("the face to load").atMost(PRESENCE).until(() -> imageWidth("face-photo") > 0 && imageWidth("face-name") > 0);
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 1200 && image.getHeight() >= 900, image.getWidth() + "x" + image.getHeight());
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
    }

    // ------------------------------------------------------------------ helpers

    private String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private List<WebElement> pinRows() {
        return browser.findElements(By.cssSelector("#pins tbody tr"));
    }

    private WebElement pinRow(String label) {
        return browser.findElement(By.cssSelector("#pins tr[data-pin='" + label + "']"));
    }

    private String streamText() {
        return browser.findElement(By.id("stream")).getText();
    }

    private long imageWidth(String id) {
        Object width = ((JavascriptExecutor) browser).executeScript("return document.getElementById(arguments[0]).naturalWidth", id);
        return width instanceof Number n ? n.longValue() : 0;
    }

    private HttpResponse<String> get(String path, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the raw event stream into {@code into} on a thread of its own, as a second page would. */
    private Thread listen(StringBuilder into) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events?token=" + token)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        Thread thread = new Thread(() -> {
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[8192];
                int n;
                while (!Thread.currentThread().isInterrupted() && (n = in.read(buffer)) >= 0) {
                    synchronized (into) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException ignored) {
                // the test is done with the stream
            }
        }, "console-event-listener");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String snapshot(StringBuilder events) {
        synchronized (events) {
            return events.toString();
        }
    }

    private static void select(PcscTransport card, String aid, String fid) {
        if (aid != null) {
            byte[] name = Apdus.fromHex(aid);
            assertEquals(0x9000, Apdus.sw(card.transceive(Apdus.fromHex("00 A4 04 0C " + String.format("%02X ", name.length) + aid))));
        }
        assertEquals(0x9000, Apdus.sw(card.transceive(Apdus.fromHex("00 A4 02 0C 02 " + fid))));
    }

    private static int verify(PcscTransport card, String secret) {
        byte[] value = secret.getBytes(StandardCharsets.US_ASCII);
        byte[] command = new byte[5 + value.length];
        System.arraycopy(Apdus.fromHex("00 20 00 80"), 0, command, 0, 4);
        command[4] = (byte) value.length;
        System.arraycopy(value, 0, command, 5, value.length);
        return Apdus.sw(card.transceive(command));
    }

    private boolean openScSeesCard() {
        for (String line : openScList().lines().toList()) {
            if (line.trim().endsWith(READER)) {
                return line.trim().split("\\s+", -1)[1].equals("Yes");
            }
        }
        return false;
    }

    private static String openScList() {
        try {
            Process process = new ProcessBuilder("opensc-tool", "-l").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("opensc-tool is needed (apt-get install opensc)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void awaitCard(boolean present) {
        await("a card " + (present ? "in " : "gone from ") + READER).atMost(PRESENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        return PcscReaders.choose(READER).isCardPresent() == present;
                    } catch (javax.smartcardio.CardException | RuntimeException e) {
                        return false;
                    }
                });
    }
}

package dev.mynasim.glue.steps;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.world.kiosk.CardPresence;
import dev.mynasim.world.kiosk.Kiosk;
import dev.mynasim.world.kiosk.KioskData;
import dev.mynasim.world.kiosk.PcscCardPresence;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.kiosk.ResidentRegistry;
import dev.mynasim.world.kiosk.PrintedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The kiosk of one scenario, built on first use from what the scenario said: the persona's card in
 * the configured reader, "today", the time of day, the revocation method, the removal timeout and
 * the holder's permanent domicile. Its clock is fixed at that moment: nothing reads the system clock.
 */
public class KioskWorld {

    private static final KioskData DATA = KioskData.load();

    private final CardWorld cardWorld;
    private final LifecycleWorld lifecycle;
    private LocalTime timeOfDay;
    private Duration removalTimeout = Kiosk.DEFAULT_REMOVAL_TIMEOUT;
    private Optional<String> permanentDomicileOverride = Optional.empty();
    private Kiosk kiosk;
    private CompletableFuture<Void> removalWait;
    private String printedText;
    private int printedPages;

    public KioskWorld(CardWorld cardWorld, LifecycleWorld lifecycle) {
        this.cardWorld = cardWorld;
        this.lifecycle = lifecycle;
    }

    public static KioskData data() {
        return DATA;
    }

    public void setTimeOfDay(LocalTime time) {
        requireNotBuilt("the time of day");
        this.timeOfDay = time;
    }

    public void setRemovalTimeout(Duration timeout) {
        requireNotBuilt("the card-removal timeout");
        this.removalTimeout = timeout;
    }

    public void setPermanentDomicile(String municipalityCode) {
        requireNotBuilt("the holder's permanent domicile");
        DATA.municipality(municipalityCode);
        this.permanentDomicileOverride = Optional.of(municipalityCode);
    }

    private void requireNotBuilt(String what) {
        if (kiosk != null) {
            throw new IllegalStateException(what + " must be given before the first kiosk step");
        }
    }

    public Kiosk kiosk() {
        if (kiosk == null) {
            if (timeOfDay == null) {
                throw new IllegalStateException("the kiosk needs the time of day: add  Given the time is HH:MM");
            }
            Clock clock = Clock.fixed(cardWorld.today().atTime(timeOfDay).atZone(CardRules.JST).toInstant(), CardRules.JST);
            ResidentRegistry registry = lifecycle.world().residentRegistry(Fixtures.get().personas()::byId,
                    id -> permanentDomicileOverride.or(() -> DATA.permanentDomicileOf(id)));
            kiosk = new Kiosk(DATA, cardWorld.client().transport(), presence(), lifecycle.portal(), registry, clock, removalTimeout);
        }
        return kiosk;
    }

    /** The simulator's hands where there are some, else the PC/SC reader's own presence detection. */
    private CardPresence presence() {
        return cardWorld.backend().hands().map(CardPresence::of)
                .orElseGet(() -> PcscCardPresence.of(cardWorld.settings().reader()));
    }

    /** Step 7's wait, running while the scenario acts (takes the card or leaves it). */
    public void startRemovalWait() {
        Kiosk waiting = kiosk();
        removalWait = CompletableFuture.runAsync(waiting::awaitCardRemoval, runnable -> {
            Thread thread = new Thread(runnable, "mynasim-kiosk-removal-wait");
            thread.setDaemon(true);
            thread.start();
        });
    }

    public CompletableFuture<Void> removalWait() {
        if (removalWait == null) {
            throw new IllegalStateException("the kiosk is not waiting for the card: it waits after the PIN (step 7)");
        }
        return removalWait;
    }

    public void printed(PrintedCertificate certificate) {
        try (PDDocument document = Loader.loadPDF(certificate.pdf())) {
            printedText = new PDFTextStripper().getText(document);
            printedPages = document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("the kiosk's PDF cannot be read back: " + e.getMessage(), e);
        }
    }

    public int printedPages() {
        printedText();
        return printedPages;
    }

    /** The printed PDF's text, as PDFBox extracts it. */
    public String printedText() {
        if (printedText == null) {
            throw new IllegalStateException("the kiosk has printed nothing in this scenario");
        }
        return printedText;
    }
}

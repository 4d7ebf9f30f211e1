package dev.mynasim.glue.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.backend.CardHands;
import dev.mynasim.world.kiosk.CertificateKind;
import dev.mynasim.world.kiosk.EnteredPin;
import dev.mynasim.world.kiosk.Kiosk;
import dev.mynasim.world.kiosk.KioskNotice;
import dev.mynasim.world.kiosk.KioskStep;
import dev.mynasim.world.kiosk.PrintedCertificate;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import io.cucumber.java.ja.前提;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The convenience-store kiosk, as a holder uses it: the steps of docs/card-reference.md §12.3 one by one, or a whole
 * issuance in one step for the fee table. Checks read the kiosk's screen (step and message) and
 * the printed PDF's text.
 */
public class KioskSteps {

    /** Long enough for any reader to see a removal; the kiosk's own timeout is what scenarios test. */
    private static final Duration REMOVAL_SEEN_WITHIN = Duration.ofSeconds(10);

    private final CardWorld world;
    private final KioskWorld kioskWorld;

    public KioskSteps(CardWorld world, KioskWorld kioskWorld) {
        this.world = world;
        this.kioskWorld = kioskWorld;
    }

    private Kiosk kiosk() {
        return kioskWorld.kiosk();
    }

    @ParameterType("(?:[01]\\d|2[0-3]):[0-5]\\d")
    public LocalTime timeOfDay(String text) {
        return LocalTime.parse(text);
    }

    /** Japanese: "キオスク端末は利用できる / 利用できない". */
    static final Vocabulary<Boolean> KIOSK_OPEN = new Vocabulary<Boolean>()
            .add(true, "open", "利用できる")
            .add(false, "closed", "利用できない");

    @ParameterType(value = "open|closed|利用できる|利用できない", useForSnippets = true)
    public Boolean kioskOpen(String words) {
        return KIOSK_OPEN.of(words);
    }

    @Given("the time is {timeOfDay}")
    @前提("時刻は{timeOfDay}である")
    public void theTimeIs(LocalTime time) {
        kioskWorld.setTimeOfDay(time);
    }

    @Given("the kiosk waits at most {int} second(s) for the card to be taken out")
    @前提("キオスク端末はカードが取り出されるのを最大{int}秒待つ")
    public void theKioskWaitsAtMost(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("the kiosk's removal timeout is at least 1 second, not " + seconds);
        }
        kioskWorld.setRemovalTimeout(Duration.ofSeconds(seconds));
    }

    @Given("the holder's permanent domicile is in municipality {string}")
    @前提("本人の本籍地は市区町村{string}にある")
    public void thePermanentDomicileIsIn(String municipalityCode) {
        kioskWorld.setPermanentDomicile(municipalityCode);
    }

    @When("I choose 行政サービス on the kiosk")
    @もし("キオスク端末で行政サービスを選ぶ")
    public void iChooseGovernmentService() {
        kiosk().chooseGovernmentService();
    }

    @Then("the kiosk is {kioskOpen}")
    @ならば("キオスク端末は{kioskOpen}")
    public void theKioskIs(boolean open) {
        KioskStep expected = open ? KioskStep.GOVERNMENT_SERVICE_MENU : KioskStep.SERVICE_SELECTION;
        assertEquals(expected, kiosk().step(), "the kiosk's screen; it shows " + kiosk().notice().map(KioskNotice::toString).orElse("no message"));
    }

    /** Steps 1 to 4: 行政サービス, certificate issuance, My Number Card, the card read. */
    @When("I start certificate issuance with my card at the kiosk")
    @もし("キオスク端末でカードを使って証明書の交付を始める")
    public void iStartCertificateIssuance() {
        Kiosk kiosk = kiosk();
        kiosk.chooseGovernmentService();
        requireStep(KioskStep.GOVERNMENT_SERVICE_MENU);
        kiosk.chooseCertificateIssuance();
        kiosk.chooseMyNumberCard();
        kiosk.readCard();
    }

    /** Step 5 with the municipality of the persona's resident registration. */
    @When("I choose the municipality I live in")
    @もし("住んでいる市区町村を選ぶ")
    public void iChooseMyMunicipality() {
        kiosk().chooseMunicipality(world.persona().municipalityCode());
    }

    @When("I choose municipality {string} at the kiosk")
    @もし("キオスク端末で市区町村{string}を選ぶ")
    public void iChooseMunicipality(String code) {
        kiosk().chooseMunicipality(code);
    }

    @When("I enter the correct user-proof PIN at the kiosk")
    @もし("キオスク端末で正しい利用者証明用暗証番号を入力する")
    public void iEnterTheCorrectPin() {
        kiosk().enterPin(EnteredPin.of(world.pin(dev.mynasim.model.Pin.AUTH)));
    }

    @When("I enter a wrong user-proof PIN at the kiosk")
    @もし("キオスク端末で誤った利用者証明用暗証番号を入力する")
    public void iEnterAWrongPin() {
        kiosk().enterPin(EnteredPin.of(wrongPin()));
    }

    @When("I enter a wrong user-proof PIN at the kiosk {int} times")
    @もし("キオスク端末で誤った利用者証明用暗証番号を{int}回入力する")
    public void iEnterAWrongPinTimes(int times) {
        for (int i = 0; i < times; i++) {
            iEnterAWrongPin();
        }
    }

    /** Four digits that are not the persona's PIN (its digits each moved on by one). */
    private String wrongPin() {
        StringBuilder wrong = new StringBuilder();
        for (char c : world.pin(dev.mynasim.model.Pin.AUTH).toCharArray()) {
            wrong.append((char) ('0' + (c - '0' + 1) % 10));
        }
        return wrong.toString();
    }

    /** Steps 5 to 7 the usual way: my municipality, my PIN, and the card taken out when asked. */
    @When("I identify myself at the kiosk")
    @もし("キオスク端末で本人確認をする")
    public void iIdentifyMyself() {
        iChooseMyMunicipality();
        iEnterTheCorrectPin();
        requireStep(KioskStep.CARD_REMOVAL);
        iTakeTheCardOutWhenAsked();
    }

    @When("I take the card out when the kiosk asks")
    @もし("キオスク端末に求められたらカードを取り出す")
    public void iTakeTheCardOutWhenAsked() {
        requireStep(KioskStep.CARD_REMOVAL);
        kioskWorld.startRemovalWait();
        hands().remove();
        world.client().forgetSelection();
        world.trace().note("card taken out at the kiosk");
        awaitRemovalWaitEnds(REMOVAL_SEEN_WITHIN);
    }

    @When("I leave the card on the kiosk's reader")
    @もし("カードをキオスク端末のリーダーに置いたままにする")
    public void iLeaveTheCardOnTheReader() {
        requireStep(KioskStep.CARD_REMOVAL);
        hands();
        kioskWorld.startRemovalWait();
    }

    @Then("the kiosk is still waiting at step 7 after {int} second(s)")
    @ならば("{int}秒後もキオスク端末は手順7で待っている")
    public void theKioskIsStillWaiting(int seconds) {
        await("the kiosk to keep waiting for the card").during(Duration.ofSeconds(seconds)).atMost(Duration.ofSeconds(seconds + 2))
                .until(() -> !kioskWorld.removalWait().isDone() && kiosk().step() == KioskStep.CARD_REMOVAL);
    }

    @Then("within {int} seconds the kiosk reminds me to take the card")
    @ならば("{int}秒以内にキオスク端末がカードの取り忘れを知らせる")
    public void withinSecondsTheKioskReminds(int seconds) {
        awaitRemovalWaitEnds(Duration.ofSeconds(seconds));
        requireStep(KioskStep.CARD_REMOVAL);
        assertTrue(kiosk().notice().map(n -> n.shows("カードが置かれたままです")).orElse(false),
                "the kiosk's reminder; it shows " + kiosk().notice().map(KioskNotice::toString).orElse("nothing"));
    }

    private void awaitRemovalWaitEnds(Duration within) {
        try {
            kioskWorld.removalWait().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the kiosk was still waiting for the card after " + within.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the kiosk waited for the card", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the kiosk failed while waiting for the card: " + e.getCause(), e.getCause());
        }
    }

    private CardHands hands() {
        return world.backend().hands().orElseThrow(() -> new IllegalStateException(
                "reader " + world.backend().name() + " cannot take the card out on command; tag the scenario @sim-only"));
    }

    /** Steps 8 to 11: the certificate by name, its first type, no extra items, the copies. */
    @When("I ask for {int} cop(y)(ies) of the {string}")
    @もし("{int}通の{string}を請求する")
    public void iAskForCopiesOf(int copies, String certificate) {
        Kiosk kiosk = kiosk();
        CertificateKind kind = KioskWorld.data().certificateNamed(certificate);
        kiosk.chooseCertificate(kind.id());
        if (kiosk.step() != KioskStep.TYPE_SELECTION) {
            return;
        }
        kiosk.chooseType(kiosk.offeredTypes().get(0).ja());
        kiosk.chooseDetails(List.of());
        kiosk.chooseCopies(copies);
    }

    @When("I go back to step {int} to correct the request")
    @もし("請求内容を直すために手順{int}に戻る")
    public void iGoBackToStep(int number) {
        kiosk().correct(KioskStep.numbered(number));
    }

    @When("I choose {int} cop(y)(ies)")
    @もし("{int}通を選ぶ")
    public void iChooseCopies(int copies) {
        kiosk().chooseCopies(copies);
    }

    @When("I confirm the request")
    @もし("請求内容を確定する")
    public void iConfirm() {
        kiosk().confirm();
    }

    @When("I pay {int} yen")
    @もし("{int}円を入れる")
    public void iPay(int yen) {
        kiosk().pay(yen);
    }

    @When("I pay the fee")
    @もし("手数料を払う")
    public void iPayTheFee() {
        kiosk().pay(kiosk().amountDue());
    }

    @When("the kiosk prints the certificate")
    @もし("キオスク端末が証明書を印刷する")
    public void theKioskPrints() {
        PrintedCertificate certificate = kiosk().print();
        world.trace().note("kiosk printed " + certificate.fileName());
        kioskWorld.printed(certificate);
    }

    /** The whole flow of docs/card-reference.md §12.3, steps 1 to 14, for a holder whose PIN is right. */
    @When("I get {int} cop(y)(ies) of the {string} at the kiosk")
    @もし("キオスク端末で{int}通の{string}を取得する")
    public void iGetCopiesAtTheKiosk(int copies, String certificate) {
        iStartCertificateIssuance();
        requireStep(KioskStep.MUNICIPALITY_SELECTION);
        iIdentifyMyself();
        requireStep(KioskStep.CERTIFICATE_SELECTION);
        iAskForCopiesOf(copies, certificate);
        requireStep(KioskStep.CONFIRMATION);
        iConfirm();
        iPayTheFee();
        theKioskPrints();
    }

    private void requireStep(KioskStep expected) {
        assertEquals(expected, kiosk().step(),
                "the kiosk's screen; it shows " + kiosk().notice().map(KioskNotice::toString).orElse("no message"));
    }

    @Then("the kiosk is at step {int}")
    @ならば("キオスク端末は手順{int}にある")
    public void theKioskIsAtStep(int number) {
        requireStep(KioskStep.numbered(number));
    }

    @Then("the kiosk shows {string}")
    @ならば("キオスク端末に{string}と表示される")
    public void theKioskShows(String text) {
        KioskNotice notice = kiosk().notice().orElseThrow(() -> new AssertionError(
                "the kiosk shows no message at " + kiosk().step() + "; expected \"" + text + "\""));
        assertTrue(notice.shows(text), "the kiosk's message at " + kiosk().step() + " is \"" + notice + "\"; expected \"" + text + "\"");
    }

    @Then("the kiosk ends the session with {string}")
    @ならば("キオスク端末は{string}と表示して終了する")
    public void theKioskEndsWith(String text) {
        requireStep(KioskStep.ENDED);
        theKioskShows(text);
    }

    @Then("the kiosk asks for {int} yen")
    @ならば("キオスク端末は{int}円を求める")
    public void theKioskAsksFor(int yen) {
        assertEquals(yen, kiosk().request().fee(), "the fee for " + kiosk().request());
    }

    @Then("the kiosk has issued the certificate")
    @ならば("キオスク端末が証明書を交付した")
    public void theKioskHasIssued() {
        requireStep(KioskStep.COMPLETED);
    }

    @Then("the printed certificate says {string}")
    @ならば("印刷された証明書に{string}と書かれている")
    public void thePrintedCertificateSays(String text) {
        String printed = kioskWorld.printedText();
        assertTrue(printed.contains(text), "the printed certificate should say \"" + text + "\"; it says:\n" + printed);
    }

    @Then("the printed certificate shows my name and address")
    @ならば("印刷された証明書に自分の氏名と住所がある")
    public void thePrintedCertificateShowsMyNameAndAddress() {
        thePrintedCertificateSays(world.persona().name());
        thePrintedCertificateSays(world.persona().address());
    }

    @Then("the printed certificate has {int} page(s)")
    @ならば("印刷された証明書は{int}ページである")
    public void thePrintedCertificateHasPages(int pages) {
        assertEquals(pages, kioskWorld.printedPages(), "pages (one per copy) of the printed certificate");
    }
}

package dev.mynasim.glue.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.backend.SimBackend;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.simulator.fault.FaultInjectingCard;
import dev.mynasim.simulator.fault.LatencyProfile;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import io.cucumber.java.ja.前提;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Steps that drive the simulator's controls (faults, latency, reader limits, ATR profiles) and that
 * send a command expecting it may get no response. They need a simulated card: tag the scenario
 * {@code @sim-only} (sim or vpcd) or {@code @in-process} (sim only) so other readers skip it with a reason.
 */
public class FaultSteps {

    private static final int INS_VERIFY = 0x20;

    private final CardWorld world;
    private TransportException noResponse;

    public FaultSteps(CardWorld world) {
        this.world = world;
    }

    private ControlledCard controls() {
        return world.backend().controls().orElseThrow(() -> new IllegalStateException(
                "this step needs a simulated card (--reader sim or vpcd); tag the scenario @sim-only"));
    }

    private SimBackend inProcessReader() {
        if (world.backend().unguarded() instanceof SimBackend sim) {
            return sim;
        }
        throw new IllegalStateException("this step needs the in-process reader (--reader sim); tag the scenario @in-process");
    }

    // ---- faults ----

    @When("the card is pulled out during the next command")
    @もし("次のコマンドの途中でカードが抜かれる")
    public void theCardIsPulledOutDuringTheNextCommand() {
        controls().faults().arm(Fault.PULLED_OUT_DURING_COMMAND);
    }

    @When("the card is pulled out during the next VERIFY")
    @もし("次のVERIFYの途中でカードが抜かれる")
    public void theCardIsPulledOutDuringTheNextVerify() {
        controls().faults().arm(Fault.PULLED_OUT_DURING_COMMAND, FaultInjectingCard.instruction(INS_VERIFY));
    }

    @When("the card loses power during the next command")
    @もし("次のコマンドの途中でカードの電源が切れる")
    public void theCardLosesPowerDuringTheNextCommand() {
        controls().faults().arm(Fault.POWER_LOST_AFTER_PROCESSING);
    }

    @When("the card loses power during the next VERIFY")
    @もし("次のVERIFYの途中でカードの電源が切れる")
    public void theCardLosesPowerDuringTheNextVerify() {
        controls().faults().arm(Fault.POWER_LOST_AFTER_PROCESSING, FaultInjectingCard.instruction(INS_VERIFY));
    }

    @When("the next response is garbled")
    @もし("次の応答が化ける")
    public void theNextResponseIsGarbled() {
        controls().faults().arm(Fault.GARBLED_RESPONSE);
    }

    @When("the card goes mute")
    @もし("カードが応答しなくなる")
    public void theCardGoesMute() {
        controls().faults().goMute();
    }

    @When("the card takes {int} ms to answer each command")
    @もし("カードは各コマンドに{int}ミリ秒かけて応答する")
    public void theCardTakesMsToAnswer(int millis) {
        controls().faults().slowDown(Duration.ofMillis(millis));
    }

    @Given("the reader waits at most {int} ms for an answer")
    @前提("リーダーは応答を最大{int}ミリ秒待つ")
    public void theReaderWaitsAtMost(int millis) {
        inProcessReader().setReaderTimeout(Duration.ofMillis(millis));
    }

    @When("I try to send APDU {string}")
    @もし("APDU {string}を送ろうとする")
    public void iTryToSendApdu(String hex) {
        byte[] command = Apdus.fromHex(hex);
        attempt(() -> world.client().send(command));
    }

    @When("I try to enter a wrong {pin}")
    @もし("誤った{pin}を入力しようとする")
    public void iTryToEnterAWrongPin(Pin pin) {
        String wrong = pin == Pin.AUTH ? "0000" : "WRONG0PASS";
        String right = pin == Pin.AUTH ? world.pin(Pin.AUTH) : world.pin(Pin.SIGN);
        attempt(() -> world.client().verify(pin, wrong.equals(right) ? (pin == Pin.AUTH ? "9999" : "WRONG1PASS") : wrong));
    }

    private void attempt(Supplier<CardResponse> command) {
        noResponse = null;
        try {
            world.setLast(command.get());
        } catch (TransportException e) {
            noResponse = e;
            world.trace().note("no response: " + e.getMessage());
        }
    }

    @Then("the client gets no response")
    @ならば("クライアントは応答を受け取らない")
    public void theClientGetsNoResponse() {
        assertNotNull(noResponse, "the command should have got no response, but it was answered");
    }

    @Then("the client gets no response, saying {string}")
    @ならば("クライアントは応答を受け取らず、{string}と報告される")
    public void theClientGetsNoResponseSaying(String words) {
        theClientGetsNoResponse();
        assertTrue(noResponse.getMessage().contains(words),
                "the transport error should say \"" + words + "\" but says: " + noResponse.getMessage());
    }

    // ---- latency ----

    @Given("the card's latency profile is {string}")
    @前提("カードの遅延プロファイルは{string}である")
    public void theCardsLatencyProfileIs(String profile) {
        controls().latency().setProfile(LatencyProfile.parse(profile));
        world.trace().note("latency profile: " + controls().latency().profile());
    }

    @Then("the latency model gave the last command {int} ms")
    @ならば("遅延モデルは最後のコマンドに{int}ミリ秒を与えた")
    public void theLatencyModelGaveTheLastCommand(int millis) {
        assertEquals(millis, controls().latency().lastDelay().toMillis(), "modelled delay of the last command");
    }

    // ---- reader and card profiles ----

    @Given("the reader cannot carry extended APDUs")
    @前提("リーダーは拡張APDUを扱えない")
    public void theReaderCannotCarryExtendedApdus() {
        controls().reader().setLimited(true);
        world.trace().note("reader: short APDUs only (extended commands answered 6700 by the reader)");
    }

    @Given("the card presents the {string} ATR")
    @前提("カードは{string}のATRを返す")
    public void theCardPresentsTheAtr(String profileName) {
        if (!(controls().latency().card() instanceof VirtualCard card)) {
            throw new IllegalStateException("the card in the reader is not a VirtualCard; its ATR cannot be chosen");
        }
        card.setProfile(CardProfile.named(profileName));
        world.backend().reset();
        world.client().forgetSelection();
    }

    @Then("the ATR is {string}")
    @ならば("ATRは{string}である")
    public void theAtrIs(String hex) {
        assertEquals(Apdus.toHex(Apdus.fromHex(hex)), Apdus.toHex(world.backend().atr()), "ATR");
    }
}

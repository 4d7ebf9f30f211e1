package dev.mynasim.glue.steps;

import dev.mynasim.model.CommandApdus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mynasim.client.backend.CardHands;
import dev.mynasim.model.CardApplication;
import dev.mynasim.client.transport.TransportException;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Taking the card out of the reader and putting it back, as a person at a kiosk does. */
public class CardPresenceSteps {

    private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(5);

    private final CardWorld world;

    public CardPresenceSteps(CardWorld world) {
        this.world = world;
    }

    private CardHands hands() {
        return world.backend().hands().orElseThrow(() -> new IllegalStateException(
                "reader " + world.backend().name() + " cannot remove or insert a card; tag the scenario @sim-only"));
    }

    @When("the card is taken out of the reader")
    public void theCardIsTakenOut() {
        hands().remove();
        world.client().forgetSelection();
        world.trace().note("card removed");
    }

    /** Putting the card back also ends any fault armed on it: it is a fresh insertion. */
    @When("the card is put back( into the reader)")
    public void theCardIsPutBack() {
        world.backend().controls().ifPresent(controls -> controls.faults().clear());
        hands().insert();
        world.client().forgetSelection();
        world.trace().note("card inserted");
    }

    @When("the card is pulled out and put back")
    public void theCardIsPulledOutAndPutBack() {
        theCardIsTakenOut();
        theCardIsPutBack();
    }

    @Then("the reader reports no card")
    public void theReaderReportsNoCard() {
        await("the reader to report no card").atMost(PRESENCE_TIMEOUT).until(() -> !hands().isPresent());
    }

    @Then("the reader reports a card")
    public void theReaderReportsACard() {
        await("the reader to report a card").atMost(PRESENCE_TIMEOUT).until(() -> hands().isPresent());
    }

    @Then("a command to the card fails because it was removed")
    public void aCommandFails() {
        byte[] select = CommandApdus.selectApplication(CardApplication.JPKI.aid());
        assertThrows(TransportException.class, () -> world.client().send(select),
                "a command sent with no card in the reader must fail, not be answered");
    }
}

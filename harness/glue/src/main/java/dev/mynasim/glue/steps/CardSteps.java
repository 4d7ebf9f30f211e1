package dev.mynasim.glue.steps;

import dev.mynasim.model.CardApplication;
import dev.mynasim.client.backend.Fixtures;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.LocalDate;

/** The card, the reader and the date a scenario starts from. */
public class CardSteps {

    private final CardWorld world;

    public CardSteps(CardWorld world) {
        this.world = world;
    }

    @Given("a card for persona {string}")
    public void aCardForPersona(String personaId) {
        world.insertCardFor(Fixtures.get().personas().byId(personaId));
    }

    @Given("a card for the default persona")
    public void aCardForTheDefaultPersona() {
        world.insertCardFor(Fixtures.get().personas().defaultPersona());
    }

    @Given("today is {date}")
    public void todayIs(LocalDate date) {
        world.setToday(date);
    }

    @Given("the JPKI application is selected")
    public void theJpkiApplicationIsSelected() {
        world.client().select(CardApplication.JPKI);
    }

    @When("the card is reset")
    public void theCardIsReset() {
        world.backend().reset();
        world.client().forgetSelection();
        world.trace().note("card reset");
    }
}

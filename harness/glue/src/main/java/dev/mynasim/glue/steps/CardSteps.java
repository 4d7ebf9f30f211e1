package dev.mynasim.glue.steps;

import dev.mynasim.model.CardApplication;
import dev.mynasim.client.backend.Fixtures;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.もし;
import io.cucumber.java.ja.前提;
import java.time.LocalDate;

/** The card, the reader and the date a scenario starts from. */
public class CardSteps {

    private final CardWorld world;

    public CardSteps(CardWorld world) {
        this.world = world;
    }

    @Given("a card for persona {string}")
    @前提("ペルソナ{string}のカードがある")
    public void aCardForPersona(String personaId) {
        world.insertCardFor(Fixtures.get().personas().byId(personaId));
    }

    @Given("a card for the default persona")
    @前提("既定のペルソナのカードがある")
    public void aCardForTheDefaultPersona() {
        world.insertCardFor(Fixtures.get().personas().defaultPersona());
    }

    @Given("today is {date}")
    @前提("今日は{date}である")
    public void todayIs(LocalDate date) {
        world.setToday(date);
    }

    @Given("the JPKI application is selected")
    @前提("公的個人認証アプリケーションが選択されている")
    public void theJpkiApplicationIsSelected() {
        world.client().select(CardApplication.JPKI);
    }

    @When("the card is reset")
    @もし("カードをリセットする")
    public void theCardIsReset() {
        world.backend().reset();
        world.client().forgetSelection();
        world.trace().note("card reset");
    }
}

package dev.mynasim.glue.steps;

import dev.mynasim.model.CardApplication;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.CardLayout;
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
        world.insertCardFor(world.settings().onRunLayout(Fixtures.get().personas().byId(personaId)));
    }

    @Given("a card for the default persona")
    @前提("既定のペルソナのカードがある")
    public void aCardForTheDefaultPersona() {
        world.insertCardFor(world.settings().onRunLayout(Fixtures.get().personas().defaultPersona()));
    }

    /** The persona's card in a named layout (short-form, long-form), whatever the persona file or --layout say. */
    @Given("a {cardLayout} card for persona {string}")
    @前提("{cardLayout}のペルソナ{string}のカードがある")
    public void aCardOfLayoutForPersona(CardLayout layout, String personaId) {
        world.insertCardFor(Fixtures.get().personas().byId(personaId).withLayout(layout));
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

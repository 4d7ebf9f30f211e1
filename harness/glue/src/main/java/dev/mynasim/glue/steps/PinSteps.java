package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import java.util.EnumMap;
import java.util.Map;
import dev.mynasim.fixtures.PinRules;
import java.util.Optional;

/** Domain steps for PIN entry, try counters, locks and PIN changes. */
public class PinSteps {

    private final CardWorld world;
    /** Why the holder's software refused the last change (the card never saw it); null after a change it sent. */
    private String refusal;

    public PinSteps(CardWorld world) {
        this.world = world;
    }

    private String currentValue(Pin pin) {
        return world.pin(pin);
    }

    /** A value of the right format that is not the PIN, so it spends exactly one try. */
    private String wrongValue(Pin pin) {
        String right = currentValue(pin);
        if (pin != Pin.SIGN) {
            // All other PINs are fixed-length digits: same length, other digits.
            String zeros = "0".repeat(right.length());
            return zeros.equals(right) ? "9".repeat(right.length()) : zeros;
        }
        String candidate = "WRONG0PASS";
        String alternative = "WRONG1PASS";
        return candidate.equals(right) ? alternative : candidate;
    }

    @When("I enter a wrong {pin} {int} time(s)")
    @もし("誤った{pin}を{int}回入力する")
    public void iEnterAWrongPinTimes(Pin pin, int times) {
        String wrong = wrongValue(pin);
        for (int i = 0; i < times; i++) {
            world.setLast(world.client().verify(pin, wrong));
        }
    }

    @When("I enter the correct {pin}")
    @もし("正しい{pin}を入力する")
    public void iEnterTheCorrectPin(Pin pin) {
        world.setLast(world.client().verify(pin, currentValue(pin)));
    }

    @When("I enter the {pin} {string}")
    @もし("{pin}に{string}を入力する")
    public void iEnterThePin(Pin pin, String value) {
        world.setLast(world.client().verify(pin, value));
    }

    @When("I enter the previous {pin}")
    @もし("以前の{pin}を入力する")
    public void iEnterThePreviousPin(Pin pin) {
        String old = world.previousPin(pin).orElseThrow(
                () -> new IllegalStateException("the " + pin.label() + " has not been changed in this scenario"));
        world.setLast(world.client().verify(pin, old));
    }

    @When("I ask for the {pin} tries {int} times")
    @もし("{pin}の残り回数を{int}回問い合わせる")
    public void iAskForTheTries(Pin pin, int times) {
        for (int i = 0; i < times; i++) {
            world.client().triesLeft(pin);
        }
    }

    /**
     * A change as the holder's software makes it (the JPKI client, a kiosk): the setting rule is
     * applied first (card-spec §3: the signature password needs a letter and a digit), and a value
     * it refuses never reaches the card. Byte-level scenarios show the card itself is permissive.
     */
    @When("I change the {pin} to {string}")
    @もし("{pin}を{string}に変更する")
    public void iChangeThePinTo(Pin pin, String newValue) {
        Optional<String> problem = switch (pin) {
            case SIGN -> PinRules.signPasswordProblem(newValue);
            case AUTH, TEXT, JUKI, COMMON -> PinRules.fourDigitPinProblem(newValue);
            default -> Optional.empty();
        };
        if (problem.isPresent()) {
            refusal = "the new " + pin.label() + " " + problem.get();
            return;
        }
        refusal = null;
        CardResponse response = world.client().changePin(pin, currentValue(pin), newValue);
        world.setLast(response);
        if (response.ok()) {
            world.setPin(pin, newValue);
        }
    }

    @Then("the change is refused before it reaches the card: {string}")
    @ならば("変更はカードに届く前に拒否される: {string}")
    public void theChangeIsRefused(String expected) {
        assertEquals(expected, refusal, "the holder software's refusal");
    }

    @Then("{int} {pin} try/tries remain(s)")
    @ならば("あと{int}回{pin}を入力できる")
    public void triesRemain(int expected, Pin pin) {
        assertEquals(expected, world.client().triesLeft(pin), "tries left on the " + pin.label());
    }

    @Then("the {pin} is locked")
    @ならば("{pin}がロックされている")
    public void thePinIsLocked(Pin pin) {
        assertEquals(0, world.client().triesLeft(pin), "the " + pin.label() + " should be locked (0 tries left)");
    }
}

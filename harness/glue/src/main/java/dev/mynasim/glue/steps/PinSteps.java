package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.EnumMap;
import java.util.Map;

/** Domain steps for PIN entry, try counters, locks and PIN changes. */
public class PinSteps {

    private final CardWorld world;
    /** The PIN values the card holds now: the persona's, until a scenario changes one. */
    private final Map<Pin, String> current = new EnumMap<>(Pin.class);
    /** The values a change replaced, so scenarios can try them without writing a PIN into the feature. */
    private final Map<Pin, String> previous = new EnumMap<>(Pin.class);

    public PinSteps(CardWorld world) {
        this.world = world;
    }

    private String currentValue(Pin pin) {
        return current.computeIfAbsent(pin, p -> switch (p) {
            case AUTH -> world.persona().pins().auth();
            case SIGN -> world.persona().pins().sign().orElseThrow(() -> new IllegalStateException(
                    "persona " + world.persona().id() + " has no signature password (no signature certificate)"));
            case TEXT -> world.persona().pins().text();
            case JUKI, COMMON -> world.persona().pins().juki();
            case TEXT_CODE_A, SURFACE_CODE_A -> world.persona().verificationCodeA();
            case TEXT_CODE_B, SURFACE_CODE_B -> world.persona().verificationCodeB();
            case BIRTH_DATE -> world.persona().birthDateEra6();
            // Blocked from issuance: no value opens it; any well-formed one shows the refusal.
            case TEXT_BLOCKED -> "0000";
        });
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
    public void iEnterAWrongPinTimes(Pin pin, int times) {
        String wrong = wrongValue(pin);
        for (int i = 0; i < times; i++) {
            world.setLast(world.client().verify(pin, wrong));
        }
    }

    @When("I enter the correct {pin}")
    public void iEnterTheCorrectPin(Pin pin) {
        world.setLast(world.client().verify(pin, currentValue(pin)));
    }

    @When("I enter the {pin} {string}")
    public void iEnterThePin(Pin pin, String value) {
        world.setLast(world.client().verify(pin, value));
    }

    @When("I enter the previous {pin}")
    public void iEnterThePreviousPin(Pin pin) {
        String old = previous.get(pin);
        if (old == null) {
            throw new IllegalStateException("the " + pin.label() + " has not been changed in this scenario");
        }
        world.setLast(world.client().verify(pin, old));
    }

    @When("I ask for the {pin} tries {int} times")
    public void iAskForTheTries(Pin pin, int times) {
        for (int i = 0; i < times; i++) {
            world.client().triesLeft(pin);
        }
    }

    @When("I change the {pin} to {string}")
    public void iChangeThePinTo(Pin pin, String newValue) {
        CardResponse response = world.client().changePin(pin, currentValue(pin), newValue);
        world.setLast(response);
        if (response.ok()) {
            previous.put(pin, currentValue(pin));
            current.put(pin, newValue);
        }
    }

    @Then("{int} {pin} try/tries remain(s)")
    public void triesRemain(int expected, Pin pin) {
        assertEquals(expected, world.client().triesLeft(pin), "tries left on the " + pin.label());
    }

    @Then("the {pin} is locked")
    public void thePinIsLocked(Pin pin) {
        assertEquals(0, world.client().triesLeft(pin), "the " + pin.label() + " should be locked (0 tries left)");
    }
}

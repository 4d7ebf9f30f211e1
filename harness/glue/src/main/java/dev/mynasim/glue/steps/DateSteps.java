package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.fixtures.CardRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.LocalDate;

/**
 * The card's date rules as holders are told them (docs/card-reference.md §12): a holder (birth date, issue date, maybe a
 * period of stay) and the dates that follow. No card is needed; the answers come from
 * {@link CardRules}, the one place for the rules, so these scenarios fail when it is wrong.
 */
public class DateSteps {

    private final CardWorld world;
    private LocalDate birthDate;
    private LocalDate issueDate;
    private LocalDate periodOfStayEnd;

    public DateSteps(CardWorld world) {
        this.world = world;
    }

    @Given("a holder born on {date} whose card was issued on {date}")
    public void aHolderWhoseCardWasIssuedOn(LocalDate born, LocalDate issued) {
        requireIssuedAfterBirth(born, issued);
        this.birthDate = born;
        this.issueDate = issued;
        this.periodOfStayEnd = null;
    }

    @Given("a holder born on {date} with a period of stay until {date} whose card was issued on {date}")
    public void aHolderWithAPeriodOfStay(LocalDate born, LocalDate stayEnd, LocalDate issued) {
        requireIssuedAfterBirth(born, issued);
        if (stayEnd.isBefore(issued)) {
            throw new IllegalArgumentException("the period of stay (until " + stayEnd + ") ends before the card is issued (" + issued + ")");
        }
        this.birthDate = born;
        this.issueDate = issued;
        this.periodOfStayEnd = stayEnd;
    }

    private static void requireIssuedAfterBirth(LocalDate born, LocalDate issued) {
        if (issued.isBefore(born)) {
            throw new IllegalArgumentException("the card is issued (" + issued + ") before the holder is born (" + born + ")");
        }
    }

    private void requireHolder() {
        if (birthDate == null) {
            throw new IllegalStateException("this step needs a holder: add  Given a holder born on YYYY-MM-DD whose card was issued on YYYY-MM-DD");
        }
    }

    private LocalDate cardExpiry() {
        requireHolder();
        return CardRules.cardExpiry(birthDate, issueDate, periodOfStayEnd);
    }

    private LocalDate certificateExpiry() {
        return CardRules.certificateExpiry(birthDate, issueDate, cardExpiry());
    }

    @Then("the card expires on {date}")
    public void theCardExpiresOn(LocalDate expected) {
        assertEquals(expected, cardExpiry(), "card expiry for a holder born " + birthDate + ", card issued " + issueDate
                + (periodOfStayEnd == null ? "" : ", period of stay until " + periodOfStayEnd));
    }

    @Then("the certificates expire on {date}")
    public void theCertificatesExpireOn(LocalDate expected) {
        assertEquals(expected, certificateExpiry(), "certificate expiry for a holder born " + birthDate + ", issued " + issueDate);
    }

    @Then("a signature certificate is issued")
    public void aSignatureCertificateIsIssued() {
        requireHolder();
        assertEquals(true, CardRules.signCertificateAllowed(birthDate, issueDate),
                "a holder born " + birthDate + " is 15 or over on " + issueDate + " and gets a signature certificate");
    }

    @Then("a signature certificate is not issued")
    public void aSignatureCertificateIsNotIssued() {
        requireHolder();
        assertEquals(false, CardRules.signCertificateAllowed(birthDate, issueDate),
                "a holder born " + birthDate + " is under 15 on " + issueDate + " and gets no signature certificate");
    }

    @Then("renewal of the card is {renewal}")
    public void renewalOfTheCardIs(ParameterTypes.Renewal expected) {
        assertEquals(expected, renewalOn(cardExpiry()), "card renewal on " + world.today() + " (card expires " + cardExpiry() + ")");
    }

    @Then("renewal of the certificates is {renewal}")
    public void renewalOfTheCertificatesIs(ParameterTypes.Renewal expected) {
        assertEquals(expected, renewalOn(certificateExpiry()),
                "certificate renewal on " + world.today() + " (certificates expire " + certificateExpiry() + ")");
    }

    private ParameterTypes.Renewal renewalOn(LocalDate expiry) {
        LocalDate today = world.today();
        if (CardRules.inRenewalWindow(expiry, today)) {
            return ParameterTypes.Renewal.POSSIBLE;
        }
        return today.isAfter(expiry) ? ParameterTypes.Renewal.NO_LONGER_POSSIBLE : ParameterTypes.Renewal.NOT_YET_POSSIBLE;
    }
}

@destructive
Feature: A card's history, from issue to reissue
  hanako's card moves through the events of its life at the municipal office and the call centre.
  Each event is written to the card through its issuer channel and recorded in the office's history;
  the dates are read back from the card. (docs/lifecycle.md tells the same history with the CLI.)

  Scenario: hanako's card from issue to reissue
    Given a card for persona "hanako"
    And today is 2026-06-01
    When "hanako" moves to "東京都千代田区霞が関１－１" and brings the card to the municipal office
    Then the signature certificate on the card is valid from 2026-06-01 through 2029-04-01
    Given today is 2029-04-02
    When "hanako" renews the certificates at the municipal office
    Then the user-proof certificate on the card is valid from 2029-04-02 through 2034-04-01
    And no fee is recorded for "hanako"
    Given today is 2033-05-20
    And "hanako" reports the card lost to the call centre
    Given today is 2033-05-25
    When the municipal office confirms the loss of the card of "hanako"
    Given today is 2033-06-01
    When "hanako" has the card reissued at the municipal office
    Then the card records the expiry 2043-04-01
    And the user-proof certificate on the card is valid from 2033-06-01 through 2038-04-01
    And a fee of 1000 yen is recorded for "hanako"
    And the office's history of "hanako" reads:
      | date       | event                            |
      | 2026-06-01 | change of address                |
      | 2029-04-02 | renewal of the certificates      |
      | 2033-05-20 | loss reported to the call centre |
      | 2033-05-25 | loss confirmed at the office     |
      | 2033-06-01 | reissue of the My Number Card    |

  Scenario: maria's period of stay is extended twice (the 5th birthday after 2030-03-01 is 2035-01-07)
    Given a card for persona "maria"
    And today is 2027-03-01
    When "maria" has the period of stay extended to 2030-04-14 at the municipal office
    Then the card records the expiry 2030-04-14
    And the user-proof certificate on the card is valid from 2027-03-01 through 2030-04-14
    Given today is 2030-03-01
    When "maria" has the period of stay extended to 2036-04-14 at the municipal office
    Then the card records the expiry 2036-04-14
    And the user-proof certificate on the card is valid from 2030-03-01 through 2035-01-07
    And the signature certificate on the card is valid from 2030-03-01 through 2035-01-07
    And the office's history of "maria" reads:
      | date       | event                           |
      | 2027-03-01 | extension of the period of stay |
      | 2030-03-01 | extension of the period of stay |

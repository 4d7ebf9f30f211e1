@sim-only
Feature: Taking the card out and putting it back
  Removal and insertion are what a person does at a kiosk or with a desk reader. The reader sees
  them, a session does not survive them, and a verified PIN is forgotten.

  Background:
    Given a card for persona "hanako"

  Scenario: The reader sees the card go and come back
    When the card is taken out of the reader
    Then the reader reports no card
    And a command to the card fails because it was removed
    When the card is put back into the reader
    Then the reader reports a card
    And 3 user-proof PIN tries remain

  Scenario: A removal in the middle of a session forces a new selection and a new VERIFY
    When I enter the correct user-proof PIN
    And the card is taken out of the reader
    And the card is put back into the reader
    And I sign "after removal" with the user-proof key
    Then the last status word is 69 82
    When I enter the correct user-proof PIN
    And I sign "after removal" with the user-proof key
    Then the signature verifies with the user-proof certificate

  Scenario: The signature password's verified state does not survive a removal
    When I enter the correct signature password
    And the card is taken out of the reader
    And the card is put back into the reader
    And the JPKI application is selected
    And I send APDU "00 A4 02 0C 02 00 01"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 69 82

  @destructive
  Scenario: Spent tries are not given back by a removal
    When I enter a wrong user-proof PIN 2 times
    And the card is taken out of the reader
    And the card is put back into the reader
    Then 1 user-proof PIN try remains

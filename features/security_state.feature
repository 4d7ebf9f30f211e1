Feature: The security state is cleared by a reset and by selecting an application
  A verified PIN stays verified while other EFs of the same application are selected, and is
  forgotten when the card is reset or the application is selected again.

  Background:
    Given a card for persona "hanako"

  Scenario: Selecting another EF keeps the PIN verified
    When I enter the correct signature password
    And I send APDU "00 A4 02 0C 02 00 02"
    And I send APDU "00 A4 02 0C 02 00 01"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 90 00

  Scenario: A reset clears the security state
    When I enter the correct signature password
    And the card is reset
    And I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 A4 02 0C 02 00 01"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 69 82

  Scenario: Selecting the application again clears the security state
    When I enter the correct user-proof PIN
    And I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I sign "after reselect" with the user-proof key
    Then the last status word is 69 82

@destructive
Feature: PIN reset at the municipal office
  A PIN locked by wrong entries (3 for the 4-digit PINs, 5 for the signature password) is reset at
  the municipal office. The office terminal opens the card's issuer channel in the PIN's
  application (GET CHALLENGE, then EXTERNAL AUTHENTICATE with the card's issuer key) and sends
  RESET RETRY COUNTER with the new value. Without that authentication the card refuses the reset
  with 69 82 and nothing changes.

  Scenario Outline: A locked <pin> is reset at the office and works again
    Given a card for persona "hanako"
    And today is 2026-06-01
    When I enter a wrong <pin> <limit> times
    Then the <pin> is locked
    When "hanako" has the <pin> reset to "<new value>" at the municipal office
    Then <limit> <pin> tries remain
    When I enter the correct <pin>
    Then the status word is 90 00

    Examples:
      | pin                    | limit | new value  |
      | user-proof PIN         | 3     | 4321       |
      | signature password     | 5     | RESET2026A |
      | card-info PIN          | 3     | 8642       |
      | resident-register PIN  | 3     | 1358       |
      | common AP PIN          | 3     | 2469       |

  Scenario: A forgotten PIN that is not locked is reset too; the old value stops working
    Given a card for persona "ren"
    And today is 2026-06-01
    When "ren" has the user-proof PIN reset to "9753" at the municipal office
    And I enter the previous user-proof PIN
    Then the status word is 63 C2
    When I enter the correct user-proof PIN
    Then the status word is 90 00

  Scenario: Without issuer authentication the reset is refused and changes nothing
    Given a card for persona "hanako"
    And today is 2026-06-01
    When I enter a wrong user-proof PIN 3 times
    And someone without the issuer key tries to reset the user-proof PIN to "4321"
    Then the status word is 69 82
    And the user-proof PIN is locked
    When I enter the user-proof PIN "4321"
    Then the status word is 69 84

  Scenario: The reset does not survive a change of application: the issuer channel is per DF session
    Given a card for persona "hanako"
    And today is 2026-06-01
    When I enter a wrong card-info PIN 3 times
    And "hanako" has the user-proof PIN reset to "4321" at the municipal office
    Then the card-info PIN is locked

  Scenario: The office sets a signature password only with a letter and a digit
    Given a card for persona "hanako"
    And today is 2026-06-01
    When I enter a wrong signature password 5 times
    Then resetting the signature password of "hanako" to "ABCDEF" at the municipal office is refused: "the new signature password must contain at least one letter and one digit"
    And resetting the signature password of "hanako" to "123456" at the municipal office is refused: "the new signature password must contain at least one letter and one digit"
    And the signature password is locked
    When "hanako" has the signature password reset to "ABCDE1" at the municipal office
    And I enter the correct signature password
    Then the status word is 90 00

  Scenario: After a reset the byte-level placeholders mean the new value
    Given a card for persona "hanako"
    And today is 2026-06-01
    When "hanako" has the user-proof PIN reset to "4321" at the municipal office
    And I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 A4 02 0C 02 00 18"
    And I send APDU "00 20 00 80 04 <user-proof PIN>"
    Then the status word is 90 00

Feature: The resident-register (住基) and common card applications
  Both hold a 4-digit PIN in IEF 001C with 3 tries. Unless the persona says otherwise the value is
  the user-proof PIN's, but each counter is its own. These PINs change with JICSAP CHANGE KEY
  (80 32 00 80). The common AP holds the card's serial number, municipality code and expiry as a
  record, and a key that answers INTERNAL AUTHENTICATE without a PIN.

  Background:
    Given a card for persona "hanako"

  Scenario: Both PINs start with 3 tries
    Then 3 resident-register PIN tries remain
    And 3 common AP PIN tries remain

  @destructive
  Scenario: Locking the resident-register PIN leaves every other PIN untouched
    When I enter a wrong resident-register PIN 3 times
    Then the resident-register PIN is locked
    And 3 common AP PIN tries remain
    And 3 user-proof PIN tries remain
    And 3 card-info PIN tries remain
    When I enter the correct common AP PIN
    Then the last status word is 90 00

  @destructive
  Scenario: The common AP PIN changes with CHANGE KEY, the resident-register PIN keeps its value
    When I change the common AP PIN to "5678"
    Then the last status word is 90 00
    When I enter the common AP PIN "5678"
    Then the last status word is 90 00
    When I enter the correct resident-register PIN
    Then the last status word is 90 00

  Scenario: CHANGE REFERENCE DATA is not this application's command
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01"
    And I send APDU "00 A4 02 0C 02 00 1C"
    And I send APDU "00 24 01 80 04 35 36 37 38"
    Then the status word is 6D 00

  Scenario: CHANGE KEY needs the PIN verified first
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01"
    And I send APDU "00 A4 02 0C 02 00 1C"
    And I send APDU "80 32 00 80 04 35 36 37 38"
    Then the status word is 69 82

  Scenario: The card record, read as jpki/myna reads it
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00"
    And I send APDU "00 B2 01 0C 00"
    Then the status word is 90 00
    And the response data starts with "01 1C"
    And the response data has 30 bytes
    And the common AP record holds the persona's serial number, municipality code and card expiry

  Scenario: The card record through the current EF
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00"
    And I send APDU "00 A4 02 0C 02 00 01"
    And I send APDU "00 B2 01 04 00"
    Then the status word is 90 00
    And the response data has 30 bytes
    When I send APDU "00 B2 02 04 00"
    Then the status word is 6A 83
    When I send APDU "00 B0 00 00 04"
    Then the status word is 69 81

  Scenario: INTERNAL AUTHENTICATE with key 0019 needs no PIN
    Then the common AP signs a random challenge with INTERNAL AUTHENTICATE, verifiable with the persona's key

  Scenario: Other keys refuse INTERNAL AUTHENTICATE
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02"
    And I send APDU "00 88 00 9A 04 01 02 03 04 00"
    Then the status word is 69 85
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 88 00 97 04 01 02 03 04 00"
    Then the status word is 69 82

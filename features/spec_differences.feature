Feature: What the card answers where probing found MynaSim differing from the public card reference
  Each scenario pins the answer docs/card-reference.md gives (or the choice docs/card-choices.md records) for a
  command that used to answer 6D00 or 6A82 on MynaSim.

  Background:
    Given a card for persona "hanako"

  Scenario: SET SESSION KEY answers per application, never 6D00
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "80 AE 00 00 04 A0 22 80 20"
    Then the status word is 69 82
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01"
    And I send APDU "80 AE 00 00 04 A0 22 80 20"
    Then the status word is 69 82
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00"
    And I send APDU "80 AE 00 00 04 A0 22 80 20"
    Then the status word is 66 F1
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02"
    And I send APDU "80 AE 00 00 04 A0 22 80 20"
    Then the status word is 66 F1

  Scenario: In the text AP SET SESSION KEY needs the PIN, then refuses a key block MynaSim cannot use
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
    And I send APDU "80 AE 00 00 04 A0 22 80 20"
    Then the status word is 69 82
    When I send APDU "00 A4 02 0C 02 00 11"
    And I send APDU "00 20 00 80 04 <text PIN>"
    And I send APDU "80 AE 00 00 04 A0 22 80 20"
    Then the status word is 6A 80

  Scenario: 80 A2 refuses a terminal certificate with 67 00, and other P1-P2 with 6A 86
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "80 A2 00 C1 04 7F 21 01 00"
    Then the status word is 67 00
    When I send APDU "80 A2 00 00 04 7F 21 01 00"
    Then the status word is 6A 86

  Scenario: The EFs the reference lists exist
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 A4 02 0C 02 00 09"
    Then the status word is 90 00
    When I send APDU "00 B0 00 00 00"
    Then the status word is 69 82
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
    And I send APDU "00 A4 02 0C 02 00 08"
    And I send APDU "00 B0 00 00 00"
    Then the response data is "FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF"
    When I send APDU "00 A4 02 0C 02 00 06"
    And I send APDU "00 B0 00 00 01"
    Then the status word is 69 82
    When I send APDU "00 A4 02 0C 02 00 11"
    And I send APDU "00 20 00 80 04 <text PIN>"
    And I send APDU "00 A4 02 0C 02 00 06"
    And I send APDU "00 B0 00 00 04"
    Then the response data is "A1 82 01 09"
    When I send APDU "00 A4 02 0C 02 00 07"
    And I send APDU "00 B0 00 00 05"
    Then the response data is "FF 50 82 02 13"
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02"
    And I send APDU "00 A4 02 0C 02 00 06"
    And I send APDU "00 B0 00 00 00"
    Then the response data has 16 bytes
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01"
    And I send APDU "00 A4 02 0C 02 00 02"
    And I send APDU "00 B0 00 00 00"
    Then the status word is 90 00
    And the response data has 16 bytes
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00"
    And I send APDU "00 A4 02 0C 02 00 02"
    And I send APDU "00 B0 00 00 00"
    Then the status word is 90 00
    And the response data has 16 bytes

  Scenario: At the MF level EF 001E can be selected and its READ answers 69 81
    When the card is reset
    And I send APDU "00 B0 00 00 01"
    Then the status word is 69 86
    When I send APDU "00 A4 02 0C 02 00 1E"
    Then the status word is 90 00
    When I send APDU "00 B0 00 00 01"
    Then the status word is 69 81
    When I send APDU "00 A4 02 0C 02 2F 10"
    Then the status word is 6A 82

  Scenario: GET DATA 5F51 answers the contact ATR the card presents
    When the card is reset
    And I send APDU "00 CA 5F 51 00"
    Then the response data is "E0 00 FF 81 31 FE 45 14"
    Given the card presents the "contact-02" ATR
    When I send APDU "00 CA 5F 51 00"
    Then the status word is 90 00
    And the response data is "DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B"

  Scenario: Classes 20-3F and A0-BF are no class the card knows, for every command
    When I send APDU "30 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    Then the status word is 6E 00
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "30 A4 02 0C 02 00 0A"
    Then the status word is 6E 00
    When I send APDU "B0 B0 00 00 01"
    Then the status word is 6E 00

  Scenario: A child's card answers for its never-set signature password as for a blocked one
    Given a card for persona "hikari"
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 A4 02 0C 02 00 1B"
    And I send APDU "00 20 00 80"
    Then the status word is 63 C0
    When I send APDU "00 20 00 80 06 41 42 43 31 32 33"
    Then the status word is 69 84
    When I send APDU "00 A4 02 0C 02 00 18"
    And I send APDU "00 20 00 80"
    Then the status word is 63 C3

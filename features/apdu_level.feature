Feature: The JPKI application byte by byte
  For vendors: the exact commands OpenSC's jpki driver and jpki/myna send, and the status words the
  card answers (docs/card-reference.md §2.6, §9, Appendix A).

  Background:
    Given a card for persona "hanako"
    And the JPKI application is selected

  Scenario: Selecting the application with and without an FCI
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    Then the status word is 90 00
    And the response data is ""
    When I send APDU "00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01 00"
    Then the status word is 90 00

  Scenario: Reading the user-proof certificate as tex2e's trace does
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 A4 02 0C 02 00 0A"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 90 00
    And the response data starts with "30 82"
    When I read the rest of the file with one extended READ BINARY
    Then the status word is 90 00

  Scenario: Reading with a short identifier and an extended Le of 65536
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 B0 8A 00 00 00 00"
    Then the status word is 90 00
    And the response data starts with "30 82"

  Scenario: A read that runs past the end returns what there is
    When I send APDU "00 A4 02 0C 02 00 08"
    And I send APDU "00 B0 00 01 10"
    Then the status word is 90 00
    And the response data is "8F 00"

  Scenario: A read at or beyond the end of the file
    When I send APDU "00 A4 02 0C 02 00 08"
    And I send APDU "00 B0 00 03 01"
    Then the status word is 6B 00

  Scenario: An empty VERIFY asks for the tries left
    When I send APDU "00 A4 02 0C 02 00 18"
    And I send APDU "00 20 00 80"
    Then the status word is 63 C3
    When I send APDU "00 20 00 9B"
    Then the status word is 63 C5

  Scenario Outline: Refused commands get the ISO status word
    When I send APDU "<apdu>"
    Then the status word is <sw>

    Examples: 
      | apdu                    | sw    | why                                   |
      | 00 A4 02 0C 02 00 55    | 6A 82 | unknown FID                           |
      | 00 A4 02 0C 01 00       | 67 00 | SELECT EF with a 1-byte FID           |
      | 00 A4 02 0C 02 00 17    | 90 00 | the auth key can be selected          |
      | 00 FE 00 00             | 6D 00 | unknown instruction                   |
      | 0C B0 00 00 04          | 69 FC | secure messaging                      |
      | 0C A4 02 0C 02 00 0A    | 68 82 | secure messaging on SELECT            |
      | D0 B0 00 00 04          | 6E 00 | unsupported class                     |
      | 00 A4 04 0C 05 D3 92 F0 00 27 | 6A 82 | unknown application             |
      | 80 2A 06 97 01 00 00    | 6A 86 | unknown signature scheme              |
      | 80 2A 00 80 01 00 00    | 69 86 | no key EF selected                    |

  @raw-cla
  Scenario: A logical channel other than 0 is refused
    When I send APDU "01 B0 00 00 04"
    Then the status word is 68 81
    When I send APDU "41 B0 00 00 04"
    Then the status word is 68 81

  Scenario: Keys and PINs cannot be read
    When I send APDU "00 A4 02 0C 02 00 17"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 69 81
    When I send APDU "00 A4 02 0C 02 00 1B"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 69 81

  Scenario: Personalisation commands are closed on an issued card
    When I send APDU "80 DA 00 18 05 03 31 31 31 31"
    Then the status word is 69 82

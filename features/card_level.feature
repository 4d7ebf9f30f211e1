Feature: The card as a whole, before and between applications
  At power-on no application is selected: the "MF level" answers GET DATA and GET CHALLENGE but
  holds no readable file. SELECT MF is refused right after a reset and accepted (changing nothing)
  once an application was selected; selecting the GlobalPlatform card manager returns to the
  power-on state. Secure messaging and logical channels other than 0 are refused everywhere.

  Background:
    Given a card for persona "hanako"

  Scenario: GET DATA at the MF level
    When I send APDU "00 CA 5F 51 00"
    Then the status word is 90 00
    And the response data is "E0 00 FF 81 31 FE 45 14"
    When I send APDU "00 CA 00 F0 00"
    Then the response data as text is "13101"
    When I send APDU "00 CA 00 F2 00"
    Then the status word is 90 00
    And the response data has 8 bytes
    When I send APDU "00 CA 00 42 00"
    Then the status word is 6A 88

  Scenario: GET CHALLENGE gives fresh bytes each time, at the MF and in an application
    When I ask for a challenge of 8 bytes
    And I ask for a challenge of 8 bytes
    Then the last two challenges differ
    Given the text AP is selected
    When I ask for a challenge of 16 bytes
    And I ask for a challenge of 16 bytes
    Then the last two challenges differ

  Scenario: GET CHALLENGE lengths
    When I send APDU "00 84 00 00 00"
    Then the status word is 90 00
    And the response data has 256 bytes
    When I send APDU "00 84 00 00 00 01 00"
    Then the status word is 69 85

  Scenario: SELECT MF is refused after a reset and accepted inside an application
    When the card is reset
    And I send APDU "00 A4 00 00"
    Then the status word is 6A 86
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
    And I send APDU "00 A4 00 00"
    Then the status word is 90 00
    When I send APDU "00 A4 02 0C 02 00 05"
    And I send APDU "00 B0 00 00 02"
    Then the response data is "FF 40"

  Scenario: Selecting the card manager returns to the power-on state
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
    And I send APDU "00 A4 04 0C 07 A0 00 00 01 51 00 00"
    Then the status word is 90 00
    When I send APDU "00 A4 00 00"
    Then the status word is 6A 86
    When I send APDU "00 B0 00 00 04"
    Then the status word is 69 86

  Scenario: An unknown application is not found and the current one stays selected
    When I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    And I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 99"
    Then the status word is 6A 82
    When I send APDU "00 B0 86 00 0F"
    Then the response data as text is "JPKIAPICCTOKEN2"

  Scenario Outline: Secure messaging is refused
    When I send APDU "<apdu>"
    Then the status word is <sw>

    Examples:
      | apdu                                           | sw    |
      | 08 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08   | 68 82 |
      | 0C CA 5F 51 00                                 | 69 FC |
      | 08 84 00 00 08                                 | 69 FC |

  @raw-cla
  Scenario Outline: Logical channels other than 0 are refused
    When I send APDU "<apdu>"
    Then the status word is 68 81

    Examples:
      | apdu                                           |
      | 01 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08   |
      | 02 CA 5F 51 00                                 |
      | 03 84 00 00 08                                 |

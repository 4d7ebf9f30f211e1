Feature: Reader and card profiles
  The same card behind different readers: the contact ATRs and contactless (Type B) ATRs of
  docs/card-reference.md §8, a contactless reader that cannot carry extended APDUs, and the card's latency.

  Background:
    Given a card for the default persona

  @in-process
  Scenario Outline: The card can present each known ATR
    Given the card presents the "<profile>" ATR
    Then the ATR is "<atr>"

    Examples:
      | profile        | atr                                                        |
      | contact        | 3B E0 00 FF 81 31 FE 45 14                                 |
      | contact-02     | 3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B   |
      | contact-03     | 3B C5 FF 81 31 FB 45 80 73 C6 01 00 00                     |
      | contact-04     | 3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6         |
      | contact-05     | 3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 B3 A1 15         |
      | contactless    | 3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F                     |
      | contactless-07 | 3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B                     |
      | contactless-08 | 3B 88 80 01 00 4B 51 FF 00 81 D1 00 BC                     |
      | contactless-09 | 3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F                     |

  @sim-only
  Scenario: Behind a reader without extended APDUs, a naive extended read fails and chunked reads work
    Given the reader cannot carry extended APDUs
    And the JPKI application is selected
    When I send APDU "00 A4 02 0C 02 00 0A"
    And I send APDU "00 B0 00 00 04"
    And I send APDU "00 B0 00 04 00 06 00"
    Then the status word is 67 00
    When I read the user-proof certificate using the 4-byte header method
    Then the user-proof certificate chains to the user-proof CA

  @sim-only @slow
  Scenario: The latency model charges a signature, a VERIFY and each 256 bytes read
    Given the card's latency profile is "contact,sign=700"
    And the JPKI application is selected
    When I send APDU "00 A4 02 0C 02 00 0A"
    And I send APDU "00 B0 00 00 00"
    Then the latency model gave the last command 15 ms
    When I enter the correct user-proof PIN
    Then the latency model gave the last command 28 ms
    When I sign "latency" with the user-proof key
    Then the latency model gave the last command 703 ms

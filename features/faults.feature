@sim-only
Feature: Faults a reader integration must survive
  The card can be pulled out or lose power in the middle of a command, answer too slowly, fall
  silent, or send back a garbled response. Each scenario shows what the client sees. They need the
  simulator's controls: on a plain PC/SC reader they are skipped with the reason.

  Background:
    Given a card for the default persona

  @destructive
  Scenario: A card pulled out during a VERIFY gives no response, and the VERIFY has no effect
    Given I enter a wrong user-proof PIN 1 time
    When the card is pulled out during the next VERIFY
    And I try to enter a wrong user-proof PIN
    Then the client gets no response
    And the reader reports no card
    When the card is put back
    Then 2 user-proof PIN tries remain

  @destructive
  Scenario: Power lost during a VERIFY still spends the try
    The applet counts the try down before it compares the PIN, so a card that loses power after
    processing the VERIFY but before answering has already spent the try.
    When the card loses power during the next VERIFY
    And I try to enter a wrong user-proof PIN
    Then the client gets no response
    And the reader reports no card
    When the card is put back
    Then 2 user-proof PIN tries remain

  Scenario: A garbled response reaches the client as a status word nobody sent
    When the next response is garbled
    And I try to send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    Then the status word is 6F FF

  @in-process @slow
  Scenario: A card slower than the reader's timeout gives no response
    Given the reader waits at most 200 ms for an answer
    When the card takes 1000 ms to answer each command
    And I try to send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    Then the client gets no response, saying "did not answer within the reader's timeout of 200 ms"

  @in-process
  Scenario: A mute card has an ATR but answers nothing until it is power-cycled
    Given the reader waits at most 200 ms for an answer
    When the card goes mute
    And I try to send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    Then the client gets no response, saying "did not answer"
    # The 200 ms are for detecting the mute card; the card that answers again gets the reader's
    # usual 5 s (under load a SELECT can take longer than 200 ms: that made this scenario flaky).
    When the card is pulled out and put back
    And the reader waits at most 5000 ms for an answer
    And I send APDU "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
    Then the status word is 90 00

Feature: Signatures with the JPKI keys
  The card signs a DigestInfo the host supplies with PKCS#1 v1.5 (80 2A 00 80), only after the
  key's PIN has been verified in this session.

  Background:
    Given a card for persona "hanako"

  Scenario: A user-proof signature verifies with the user-proof certificate
    When I enter the correct user-proof PIN
    And I sign "login challenge 0001" with the user-proof key
    Then the signature verifies with the user-proof certificate

  Scenario: A digital signature verifies with the signature certificate
    When I enter the correct signature password
    And I sign "e-Tax return 2026" with the signature key
    Then the signature verifies with the signature certificate

  Scenario: The same input gives the same signature
    When I enter the correct user-proof PIN
    And I sign "deterministic" with the user-proof key
    And I sign "deterministic" with the user-proof key again
    Then both signatures are identical

  Scenario Outline: Signing without the PIN is refused
    When I sign "no pin" with the <key> key
    Then the last status word is 69 82

    Examples:
      | key        |
      | user-proof |
      | signature  |

  Scenario: The user-proof PIN does not open the signature key
    When I enter the correct user-proof PIN
    And I sign "wrong pin" with the signature key
    Then the last status word is 69 82

  @destructive
  Scenario: Nothing can be signed while the PIN is locked
    When I enter a wrong user-proof PIN 3 times
    And I enter the correct user-proof PIN
    And I sign "locked" with the user-proof key
    Then the last status word is 69 82

  Scenario: The key can be named by its short identifier
    When I enter the correct user-proof PIN
    And I send APDU "80 2A 00 97 33 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 00"
    Then the status word is 90 00
    And the response data has 256 bytes

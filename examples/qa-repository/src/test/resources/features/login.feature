Feature: Our login server accepts My Number Card logins
  Our web login asks the card to sign a nonce with the user-proof key; the server checks the signature
  against the user-proof certificate read from the same card. (Uses our own step: run it with mvn verify.)

  Background:
    Given a card for persona "hanako"
    And today is 2026-11-29

  Scenario: hanako logs in with her user-proof PIN
    When I enter the correct user-proof PIN
    And I sign "acme-login nonce 8812" with the user-proof key
    Then our login server accepts the signature as "hanako"'s login

  Scenario: Without the PIN the card signs nothing, so nothing reaches the server
    When I sign "acme-login nonce 8813" with the user-proof key
    Then the last status word is 69 82

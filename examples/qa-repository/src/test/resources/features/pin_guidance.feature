Feature: What our help desk tells callers about the user-proof PIN
  MynaSim's steps only: this file also runs with  ./mynasim check <this folder>/pin_guidance.feature

  Scenario: Three wrong user-proof PINs in a row lock it
    Given a card for persona "maria"
    When I enter a wrong user-proof PIN 3 times
    Then the user-proof PIN is locked

  Scenario: A correct PIN resets the count
    Given a card for persona "ren"
    When I enter a wrong user-proof PIN 2 times
    And I enter the correct user-proof PIN
    Then 3 user-proof PIN tries remain

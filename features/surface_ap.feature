Feature: The card-face confirmation application (券面事項確認AP)
  The surface AP holds the card face as images (name, address, face photo, security code), signed
  by the issuer, and an image of the My Number. Verification code A or B opens the card face; only
  code A opens the My Number image; the birth-date key (era YYMMDD) opens the age record. Note
  the swap against the text AP: here code A is key 0013 and code B is key 0012.

  Background:
    Given a card for persona "hanako"

  Scenario: Verification code B opens the card face, whose images are PNG
    When I enter the correct surface AP verification code B
    Then the card face holds decodable PNG images of the name, the address, the face and the security code
    And reading the My Number image is refused with 69 82

  Scenario: The card-face signature verifies
    When I enter the correct surface AP verification code B
    Then the card-face signature verifies with the key in EF 0004

  Scenario: Verification code A opens the card face and the My Number image
    When I enter the correct surface AP verification code A
    Then the card face holds decodable PNG images of the name, the address, the face and the security code
    And the My Number image is a 72x12 PNG

  Scenario: Nothing is readable before a code
    Given the surface AP is selected
    Then reading the card face is refused with 69 82
    And reading the My Number image is refused with 69 82
    And reading the age record is refused with 69 82

  Scenario: Code A is key 0013 here, not 0014 as in the text AP
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02"
    And I send APDU "00 20 00 93 0C <code A>"
    Then the status word is 90 00
    When I send APDU "00 20 00 94"
    Then the status word is 6A 82

  Scenario: The birth-date key opens the age record only
    When I enter the correct birth-date key
    Then the age record holds the persona's birth date
    And reading the card face is refused with 69 82

  Scenario: The card-face images can be saved to files
    When I enter the correct surface AP verification code A
    And I save the card-face images to "target/card-face-hanako"
    Then the folder "target/card-face-hanako" holds 4 PNG files

  Scenario: The application's own key signs without a code
    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02"
    And I send APDU "80 2A 00 00 20 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 00"
    Then the status word is 90 00
    And the response data has 256 bytes

  @destructive
  Scenario: A wrong birth-date key spends its own tries
    When I enter a wrong birth-date key 2 times
    Then the last status word is 63 C8
    And 8 birth-date key tries remain
    And 10 surface AP verification code A tries remain

Feature: Certificates of the JPKI application
  The user-proof (authentication) certificate and both CA certificates are free to read; the
  signature certificate needs the signature password. Clients read them with a 4-byte or 7-byte
  header first, in short chunks or in one extended read.

  Background:
    Given a card for persona "hanako"

  Scenario Outline: The user-proof certificate is free to read, whatever the read method
    When I read the user-proof certificate using the <method> method
    Then the user-proof certificate chains to the user-proof CA
    And the user-proof certificate carries no personal data

    Examples:
      | method           |
      | 4-byte header    |
      | 7-byte header    |
      | extended read    |

  Scenario: The signature certificate needs the signature password
    Given the JPKI application is selected
    When I send APDU "00 A4 02 0C 02 00 01"
    And I send APDU "00 B0 00 00 04"
    Then the status word is 69 82
    When I enter the correct signature password
    And I read the signature certificate using the 4-byte header method
    Then the signature certificate chains to the signature CA
    And the signature certificate carries the persona's name, address, birth date and sex

  Scenario: The CA certificates are free to read and are the test roots
    When I read the user-proof CA certificate using the 7-byte header method
    Then it is the MynaSim TEST user-proof root CA
    When I read the signature CA certificate using the 7-byte header method
    Then it is the MynaSim TEST signature root CA

  Scenario: The certificates are valid on the scenario's date
    Given today is 2026-04-01
    When I read the user-proof certificate using the 4-byte header method
    Then the user-proof certificate is valid today
    And the user-proof certificate expires on the date the card rules give

  Scenario: Token information and certificate availability
    Given the JPKI application is selected
    When I send APDU "00 A4 02 0C 02 00 06"
    And I send APDU "00 B0 00 00 20"
    Then the status word is 90 00
    And the response data as text is "JPKIAPICCTOKEN2                 "
    When I send APDU "00 A4 02 0C 02 00 08"
    And I send APDU "00 B0 00 00 03"
    Then the response data is "8F 8F 00"

  Scenario: A child's card has no signature certificate
    Given a card for persona "hikari"
    And the JPKI application is selected
    When I send APDU "00 A4 02 0C 02 00 08"
    And I send APDU "00 B0 00 00 03"
    Then the response data is "00 8F 00"

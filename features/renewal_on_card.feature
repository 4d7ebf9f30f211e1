@destructive
Feature: Certificate renewal at the municipal office writes new keys and certificates to the card
  Renewal is possible from 3 months before the certificates expire (hanako's expire on 2029-04-01).
  The office has the card generate new key pairs (they never leave the card), the test CA certifies
  them, and the office writes the certificates to the card; the old ones are revoked as superseded.

  Scenario: Renewal inside the window: new keys on the card, old certificates superseded
    Given a card for persona "hanako"
    And today is 2029-02-01
    And relying parties check revocation by OCSP
    When "hanako" renews the certificates at the municipal office
    Then the CA lists the user-proof certificate of "hanako" as revoked because of superseded
    And the CA lists the signature certificate of "hanako" as revoked because of superseded
    And the user-proof certificate on the card is a new one
    When I log in to the portal with the user-proof PIN
    Then the login is accepted
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted

  Scenario: Before the window the office refuses and the card keeps its keys and certificates
    Given a card for persona "hanako"
    And today is 2028-12-31
    And relying parties check revocation by CRL
    Then renewing the certificates of "hanako" at the municipal office is refused
    And the CA lists the user-proof certificate of "hanako" as good
    When I log in to the portal with the user-proof PIN
    Then the login is accepted

  Scenario Outline: A first signature certificate at 15 verifies what the new key signs with the password set (<method>)
    hikari's card was issued at 5 without a signature certificate; reissued at 14, it has the empty
    signature key slot and certificate file. On her 15th birthday the office generates the key on
    the card, sets the password she chose and writes the certificate.
    Given a card for persona "hikari"
    And today is 2033-06-01
    And "hikari" has the card reissued at the municipal office
    And today is 2034-05-01
    And relying parties check revocation by <method>
    When "hikari" gets the first signature certificate with the password "HIKARI15" at the municipal office
    And I file an e-Tax return signed with the signature password
    Then the signature is accepted

    Examples:
      | method |
      | CRL    |
      | OCSP   |

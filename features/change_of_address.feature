@destructive
Feature: Change of address or name at the municipal office, with the card
  Guidebook: a move or a marriage invalidates the signature certificate automatically; the holder
  brings the card to the municipal office, which writes the new data on the card and issues a new
  signature certificate. The user-proof certificate carries no personal data and keeps working.
  The office writes through the card's issuer channel: the text AP's basic 4 (EF 0002) and its
  integrity record (EF 0003), the surface AP's card face (EF 0002, images and signature), and a new
  signature key pair generated on the card with its new certificate.

  Scenario Outline: After a move the old signature certificate is revoked, the new one works (<method>)
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted
    When "hanako" moves to "東京都千代田区霞が関１－１" and brings the card to the municipal office
    Then the CA lists the signature certificate of "hanako" as revoked because of affiliationChanged
    And the CA lists the user-proof certificate of "hanako" as good
    When I log in to the portal with the user-proof PIN
    Then the login is accepted
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted
    And the signature certificate on the card is a new one
    And the signature certificate on the card carries the address "東京都千代田区霞が関１－１"
    And the basic 4 on the card show the address "東京都千代田区霞が関１－１" and the integrity record verifies
    And the card face shows the address "東京都千代田区霞が関１－１" and its signature verifies

    Examples:
      | method |
      | CRL    |
      | OCSP   |

  Scenario: A move registered without the card stops the old signature certificate until the card is brought in
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by CRL
    And "hanako" registers a move to "東京都千代田区霞が関１－１" at the municipal office
    When I file an e-Tax return signed with the signature password
    Then the signature is rejected as revoked (affiliationChanged)
    When "hanako" moves to "東京都千代田区霞が関１－１" and brings the card to the municipal office
    And I file an e-Tax return signed with the signature password
    Then the signature is accepted

  Scenario: A change of name writes the new name to the card and issues a new signature certificate
    Given a card for persona "maria"
    And today is 2026-06-01
    And relying parties check revocation by OCSP
    When "maria" changes name to "MARIA SANTOS SATO" and brings the card to the municipal office
    Then the CA lists the signature certificate of "maria" as revoked because of affiliationChanged
    And the basic 4 on the card show the name "MARIA SANTOS SATO" and the integrity record verifies
    And the card face shows the name "MARIA SANTOS SATO" and its signature verifies
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted
    When I log in to the portal with the user-proof PIN
    Then the login is accepted

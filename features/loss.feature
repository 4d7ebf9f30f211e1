Feature: A lost card: suspension, card found, reissue
  Guidebook: call the call centre to suspend the card's functions; if the card is found the
  suspension is cancelled at the municipal office; otherwise the office reissues the card for a fee
  of 1,000 yen. The suspension is the certificates put on hold at the CA: the lost card itself is
  out of reach, so it is not changed, and relying parties refuse it as suspended.

  Scenario Outline: Suspended after the loss report, working again once the card is found (<method>)
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    And "hanako" reports the card lost to the call centre
    When I log in to the portal with the user-proof PIN
    Then the login is rejected as suspended
    When I file an e-Tax return signed with the signature password
    Then the signature is rejected as suspended
    Given today is 2026-06-03
    When "hanako" tells the municipal office the card was found
    And I log in to the portal with the user-proof PIN
    Then the login is accepted
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted

    Examples:
      | method |
      | CRL    |
      | OCSP   |

  @destructive
  Scenario: A card that stays lost is reissued for 1,000 yen with new keys and certificates
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by CRL
    And "hanako" reports the card lost to the call centre
    Given today is 2026-06-10
    When "hanako" has the card reissued at the municipal office
    Then the CA lists the user-proof certificate of "hanako" as revoked because of cessationOfOperation
    And the CA lists the signature certificate of "hanako" as revoked because of cessationOfOperation
    And a fee of 1000 yen is recorded for "hanako"
    And the user-proof certificate on the card is a new one
    When I log in to the portal with the user-proof PIN
    Then the login is accepted
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted
    And the signature certificate on the card is a new one

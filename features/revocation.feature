Feature: Revocation, suspension and expiry at relying parties
  A relying party checks the holder's certificate before it accepts anything: the portal (in the
  style of Mynaportal) has the card sign a random challenge with the user-proof key; the tax office
  (in the style of e-Tax) checks a return signed with the signature key. Both check the chain to
  the right test root, the signature, the validity on the scenario's date and revocation, through
  the test CA's CRL or OCSP responder on loopback. The CA and its answers are dated by
  "Given today is ...": nothing reads the clock.

  Scenario Outline: A valid card is accepted everywhere (<method>)
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    When I log in to the portal with the user-proof PIN
    Then the login is accepted
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted

    Examples:
      | method |
      | CRL    |
      | OCSP   |

  Scenario Outline: A move revokes the signature certificate; the user-proof certificate keeps working (<method>)
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    And "hanako" registers a move to "東京都千代田区霞が関１－１" at the municipal office
    When I file an e-Tax return signed with the signature password
    Then the signature is rejected as revoked (affiliationChanged)
    When I log in to the portal with the user-proof PIN
    Then the login is accepted

    Examples:
      | method |
      | CRL    |
      | OCSP   |

  Scenario Outline: A change of name revokes the signature certificate (<method>)
    Given a card for persona "maria"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    And "maria" registers a change of name to "MARIA SANTOS SATO" at the municipal office
    When I file an e-Tax return signed with the signature password
    Then the signature is rejected as revoked (affiliationChanged)
    And the CA lists the user-proof certificate of "maria" as good

    Examples:
      | method |
      | CRL    |
      | OCSP   |

  Scenario Outline: A lost card is suspended, and found again (<method>)
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

  Scenario Outline: A certificate on hold is suspended until the hold is released (<method>)
    Given a card for persona "ren"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    And the signature certificate of "ren" was put on hold
    When I file an e-Tax return signed with the signature password
    Then the signature is rejected as suspended
    And the CA lists the signature certificate of "ren" as on hold
    When the hold on the signature certificate of "ren" is released
    And I file an e-Tax return signed with the signature password
    Then the signature is accepted

    Examples:
      | method |
      | CRL    |
      | OCSP   |

  Scenario Outline: Each revocation reason reaches the relying party (<reason> by <method>)
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by <method>
    And the user-proof certificate of "hanako" was revoked because <cause>
    When I log in to the portal with the user-proof PIN
    Then the login is rejected as revoked (<reason>)

    Examples:
      | cause                   | reason               | method |
      | the key was compromised | keyCompromise        | CRL    |
      | the key was compromised | keyCompromise        | OCSP   |
      | it was renewed          | superseded           | CRL    |
      | it was renewed          | superseded           | OCSP   |
      | the card was reissued   | cessationOfOperation | CRL    |
      | the card was reissued   | cessationOfOperation | OCSP   |

  Scenario Outline: Certificates are valid from the issue day through the expiry day (<today>, <method>)
    Given a card for persona "hanako"
    And today is <today>
    And relying parties check revocation by <method>
    When I log in to the portal with the user-proof PIN
    Then the login <answer>

    Examples: hanako's certificates are valid from 2024-06-10 through 2029-04-01
      | today      | method | answer                         |
      | 2024-06-09 | CRL    | is rejected as not yet valid   |
      | 2024-06-09 | OCSP   | is rejected as not yet valid   |
      | 2024-06-10 | OCSP   | is accepted                    |
      | 2029-04-01 | CRL    | is accepted                    |
      | 2029-04-02 | CRL    | is rejected as expired         |
      | 2029-04-02 | OCSP   | is rejected as expired         |

  Scenario: A certificate that was good expires on a later day
    Given a card for persona "hanako"
    And today is 2029-03-31
    And relying parties check revocation by OCSP
    When I file an e-Tax return signed with the signature password
    Then the signature is accepted
    Given today is 2029-04-02
    When I file an e-Tax return signed with the signature password
    Then the signature is rejected as expired

  Scenario: The tax office does not take a return signed with the user-proof key
    Given a card for persona "hanako"
    And today is 2026-06-01
    And relying parties check revocation by CRL
    When I file an e-Tax return signed with the user-proof PIN
    Then the signature is rejected as wrong chain

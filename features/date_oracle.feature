@destructive
Feature: The card's dates through its life, worked out by hand
  Every date below was worked out by hand from the guidebook's rules, not by MynaSim's code:
  - a person reaches an age at the end of the day before the birthday; someone born on 29 February
    reaches it at the end of 28 February in a common year (on 28 February still the younger age);
  - the card expires on the 10th birthday after issue (18 or over on the issue day) or the 5th
    (under 18), counted strictly after the issue day; with a period of stay, on its last day;
  - a certificate expires on the 5th birthday after its issue or with the card, whichever is
    earlier; the signature certificate never after the user-proof certificate;
  - a birthday on 29 February falls on 28 February in a common year.
  Each row reads the dates back from the card through its reader: the expiry from the common AP's
  card record and the card face (DF29, opened with 照合番号B, which carries the expiry year), and
  both certificates' validity (the signature certificate after the signature password).

  The personas: hanako born 1985-04-01, card issued 2024-06-10; maria born 1989-01-07, period of
  stay to 2027-04-14, card issued 2024-04-15; ren born 2008-02-29, card issued 2024-10-01 at 16;
  hikari born 2019-05-01, card issued 2024-08-01 at 5 (no signature certificate until the office
  issues her first one, from her 15th birthday).

  Scenario Outline: <persona>, <what>
    Given a card for persona "<persona>"
    And today is <today>
    When <event>
    Then the card records the expiry <card expiry>
    And the user-proof certificate on the card is valid from <auth from> through <auth to>
    And the signature certificate on the card is valid from <sign from> through <sign to>

    Examples: at issue
      | persona | what                                   | today      | event                                          | card expiry | auth from  | auth to    | sign from  | sign to    |
      | hanako  | 39 at issue: 10 birthdays              | 2024-06-10 | the card of "hanako" stays as it was issued    | 2034-04-01  | 2024-06-10 | 2029-04-01 | 2024-06-10 | 2029-04-01 |
      | maria   | the card ends with the stay            | 2024-04-15 | the card of "maria" stays as it was issued     | 2027-04-14  | 2024-04-15 | 2027-04-14 | 2024-04-15 | 2027-04-14 |
      | ren     | 16 at issue: 5 birthdays, 29 February  | 2024-10-01 | the card of "ren" stays as it was issued       | 2029-02-28  | 2024-10-01 | 2029-02-28 | 2024-10-01 | 2029-02-28 |

    Examples: reissue, renewals, moves
      | persona | what                                              | today      | event                                                              | card expiry | auth from  | auth to    | sign from  | sign to    |
      | hanako  | reissued at 48: a new card from the reissue day   | 2033-06-01 | "hanako" has the card reissued at the municipal office             | 2043-04-01  | 2033-06-01 | 2038-04-01 | 2033-06-01 | 2038-04-01 |
      | hanako  | certificates renewed inside the window            | 2029-01-15 | "hanako" renews the certificates at the municipal office           | 2034-04-01  | 2029-01-15 | 2033-04-01 | 2029-01-15 | 2033-04-01 |
      | hanako  | certificates renewed after they expired           | 2029-04-02 | "hanako" renews the certificates at the municipal office           | 2034-04-01  | 2029-04-02 | 2034-04-01 | 2029-04-02 | 2034-04-01 |
      | hanako  | a move: the sign certificate ends with the auth   | 2026-06-01 | "hanako" moves to "東京都千代田区霞が関１－１" and brings the card to the municipal office | 2034-04-01 | 2024-06-10 | 2029-04-01 | 2026-06-01 | 2029-04-01 |
      | hanako  | a change of name                                  | 2027-01-10 | "hanako" changes name to "山田　花子" and brings the card to the municipal office | 2034-04-01 | 2024-06-10 | 2029-04-01 | 2027-01-10 | 2029-04-01 |
      | hanako  | the card renewed at its expiry                    | 2034-02-01 | "hanako" renews the card at the municipal office                   | 2043-04-01  | 2034-02-01 | 2038-04-01 | 2034-02-01 | 2038-04-01 |
      | hanako  | a PIN reset changes no date                       | 2026-06-01 | "hanako" has the user-proof PIN reset to "4321" at the municipal office | 2034-04-01 | 2024-06-10 | 2029-04-01 | 2024-06-10 | 2029-04-01 |
      | ren     | reissued on 28 Feb 2026, still 17: 5 birthdays    | 2026-02-28 | "ren" has the card reissued at the municipal office                | 2031-02-28  | 2026-02-28 | 2031-02-28 | 2026-02-28 | 2031-02-28 |
      | ren     | reissued on 1 Mar 2026, 18: 10 birthdays          | 2026-03-01 | "ren" has the card reissued at the municipal office                | 2036-02-29  | 2026-03-01 | 2031-02-28 | 2026-03-01 | 2031-02-28 |
      | ren     | the card renewed after the 18th birthday          | 2029-01-15 | "ren" renews the card at the municipal office                      | 2038-02-28  | 2029-01-15 | 2033-02-28 | 2029-01-15 | 2033-02-28 |
      | maria   | reissued: the card still ends with the stay       | 2026-01-10 | "maria" has the card reissued at the municipal office              | 2027-04-14  | 2026-01-10 | 2027-04-14 | 2026-01-10 | 2027-04-14 |
      | maria   | a move: the sign certificate ends with the stay   | 2025-06-01 | "maria" moves to "愛知県豊橋市今橋町１" and brings the card to the municipal office | 2027-04-14 | 2024-04-15 | 2027-04-14 | 2025-06-01 | 2027-04-14 |

    Examples: period of stay extended (the 5th birthday after 2027-03-01 is 2032-01-07)
      | persona | what                                   | today      | event                                                                            | card expiry | auth from  | auth to    | sign from  | sign to    |
      | maria   | stay ends before the 5th birthday      | 2027-03-01 | "maria" has the period of stay extended to 2030-04-14 at the municipal office    | 2030-04-14  | 2027-03-01 | 2030-04-14 | 2027-03-01 | 2030-04-14 |
      | maria   | stay ends on the 5th birthday          | 2027-03-01 | "maria" has the period of stay extended to 2032-01-07 at the municipal office    | 2032-01-07  | 2027-03-01 | 2032-01-07 | 2027-03-01 | 2032-01-07 |
      | maria   | stay ends after the 5th birthday       | 2027-03-01 | "maria" has the period of stay extended to 2035-04-14 at the municipal office    | 2035-04-14  | 2027-03-01 | 2032-01-07 | 2027-03-01 | 2032-01-07 |

  Scenario Outline: hikari (no signature certificate), <what>
    Given a card for persona "hikari"
    And today is <today>
    When <event>
    Then the card records the expiry <card expiry>
    And the user-proof certificate on the card is valid from <auth from> through <auth to>
    And the card has no signature certificate

    Examples:
      | what                                          | today      | event                                                | card expiry | auth from  | auth to    |
      | at issue, 5: 5 birthdays                      | 2024-08-01 | the card of "hikari" stays as it was issued          | 2029-05-01  | 2024-08-01 | 2029-05-01 |
      | reissued at 7                                 | 2027-03-01 | "hikari" has the card reissued at the municipal office | 2031-05-01 | 2027-03-01 | 2031-05-01 |
      | the card renewed at its expiry                | 2029-03-01 | "hikari" renews the card at the municipal office     | 2033-05-01  | 2029-03-01 | 2033-05-01 |
      | reissued the day before the 15th birthday     | 2034-04-30 | "hikari" has the card reissued at the municipal office | 2038-05-01 | 2034-04-30 | 2038-05-01 |

  Scenario Outline: hikari's first signature certificate at 15, <what>
    hikari turns 15 at the start of 2034-05-01 (her birthday). Her first card ended on 2029-05-01, so
    the card is reissued at 14 on 2033-06-01: under 18, it runs to the 5th birthday after that day,
    the birthdays after it are 2034, 2035, 2036, 2037, 2038: 2038-05-01, and so does the user-proof
    certificate. The signature certificate runs to the earlier of the 5th birthday after its own
    issue (2039-05-01 or later) and the card's expiry, and never past the user-proof certificate:
    2038-05-01 in every row.
    Given a card for persona "hikari"
    And today is 2033-06-01
    And "hikari" has the card reissued at the municipal office
    And today is <today>
    When "hikari" gets the first signature certificate with the password "HIKARI15" at the municipal office
    Then the card records the expiry 2038-05-01
    And the user-proof certificate on the card is valid from 2033-06-01 through 2038-05-01
    And the signature certificate on the card is valid from <sign from> through <sign to>

    Examples:
      | what                         | today      | sign from  | sign to    |
      | on the 15th birthday         | 2034-05-01 | 2034-05-01 | 2038-05-01 |
      | two weeks after the birthday | 2034-05-15 | 2034-05-15 | 2038-05-01 |
      | at 16                        | 2035-08-20 | 2035-08-20 | 2038-05-01 |

  Scenario: hikari's first signature certificate is refused the day before her 15th birthday, and nothing changes
    Given a card for persona "hikari"
    And today is 2033-06-01
    And "hikari" has the card reissued at the municipal office
    And today is 2034-04-30
    Then getting the first signature certificate for "hikari" with the password "HIKARI15" at the municipal office is refused: "hikari turns 15 on 2034-05-01: a signature certificate is issued from that day, not on 2034-04-30"
    And the card has no signature certificate
    And the office's history of "hikari" reads:
      | date       | event                         |
      | 2033-06-01 | reissue of the My Number Card |
    Given today is 2034-05-01
    When "hikari" gets the first signature certificate with the password "HIKARI15" at the municipal office
    Then the signature certificate on the card is valid from 2034-05-01 through 2038-05-01
    And the office's history of "hikari" reads:
      | date       | event                         |
      | 2033-06-01 | reissue of the My Number Card |
      | 2034-05-01 | first signature certificate   |

  Scenario: hikari's first signature certificate, after two card renewals, ends with the renewed card
    hikari's first card ends 2029-05-01; renewed on 2029-03-01 (at 9) it runs to the 5th birthday
    after that day, 2033-05-01; renewed again on 2033-03-01 (at 13), to 2037-05-01. On her 15th
    birthday the signature certificate runs to the earlier of 2039-05-01 and 2037-05-01.
    Given a card for persona "hikari"
    And today is 2029-03-01
    And "hikari" renews the card at the municipal office
    And today is 2033-03-01
    And "hikari" renews the card at the municipal office
    And today is 2034-05-01
    When "hikari" gets the first signature certificate with the password "HIKARI15" at the municipal office
    Then the card records the expiry 2037-05-01
    And the user-proof certificate on the card is valid from 2033-03-01 through 2037-05-01
    And the signature certificate on the card is valid from 2034-05-01 through 2037-05-01

  Scenario: hikari's first signature certificate at 20 ends with the user-proof certificate, not at its own 5th birthday
    Her card reissued at 14 on 2033-06-01 runs to 2038-05-01. Renewed on 2038-03-01, when she is 18,
    the new card runs 10 birthdays, to 2047-05-01, and its user-proof certificate 5, to 2042-05-01
    (she has no signature password yet, so the renewed card has no signature certificate). A first
    signature certificate on 2039-06-01 would run to its own 5th birthday, 2044-05-01, but ends with
    the user-proof certificate.
    Given a card for persona "hikari"
    And today is 2033-06-01
    And "hikari" has the card reissued at the municipal office
    And today is 2038-03-01
    And "hikari" renews the card at the municipal office
    And the card has no signature certificate
    And today is 2039-06-01
    When "hikari" gets the first signature certificate with the password "HIKARI15" at the municipal office
    Then the card records the expiry 2047-05-01
    And the user-proof certificate on the card is valid from 2038-03-01 through 2042-05-01
    And the signature certificate on the card is valid from 2039-06-01 through 2042-05-01

  Scenario: A first signature certificate waits for a current user-proof certificate
    On the card renewed at 18 (to 2047-05-01) the user-proof certificate ended on 2042-05-01: the
    office renews it first (to the 5th birthday after 2042-06-01, 2047-05-01), then issues the
    signature certificate, which ends with it.
    Given a card for persona "hikari"
    And today is 2033-06-01
    And "hikari" has the card reissued at the municipal office
    And today is 2038-03-01
    And "hikari" renews the card at the municipal office
    And today is 2042-06-01
    Then getting the first signature certificate for "hikari" with the password "HIKARI15" at the municipal office is refused: "(it ended on 2042-05-01): renew the certificates first (office renew)"
    When "hikari" renews the certificates at the municipal office
    And "hikari" gets the first signature certificate with the password "HIKARI15" at the municipal office
    Then the user-proof certificate on the card is valid from 2042-06-01 through 2047-05-01
    And the signature certificate on the card is valid from 2042-06-01 through 2047-05-01

  Scenario: A lost card found again keeps its dates
    Given a card for persona "hanako"
    And today is 2026-06-01
    And "hanako" reports the card lost to the call centre
    And today is 2026-06-05
    When "hanako" tells the municipal office the card was found
    Then the card records the expiry 2034-04-01
    And the user-proof certificate on the card is valid from 2024-06-10 through 2029-04-01
    And the signature certificate on the card is valid from 2024-06-10 through 2029-04-01
    And the office's history of "hanako" reads:
      | date       | event                            |
      | 2026-06-01 | loss reported to the call centre |
      | 2026-06-05 | card found                       |

  Scenario: A loss confirmed at the office, then a reissue: a new card from the reissue day
    Given a card for persona "hanako"
    And today is 2026-06-01
    And "hanako" reports the card lost to the call centre
    And today is 2026-06-08
    When the municipal office confirms the loss of the card of "hanako"
    Then the CA lists the user-proof certificate of "hanako" as revoked because of keyCompromise
    And renewing the certificates of "hanako" at the municipal office is refused: "reissue it"
    Given today is 2026-06-10
    When "hanako" has the card reissued at the municipal office
    Then the card records the expiry 2036-04-01
    And the user-proof certificate on the card is valid from 2026-06-10 through 2031-04-01
    And the signature certificate on the card is valid from 2026-06-10 through 2031-04-01
    And a fee of 1000 yen is recorded for "hanako"
    And the office's history of "hanako" reads:
      | date       | event                            |
      | 2026-06-01 | loss reported to the call centre |
      | 2026-06-08 | loss confirmed at the office     |
      | 2026-06-10 | reissue of the My Number Card    |

  Scenario: Certificates renewed after expiry cost nothing
    Given a card for persona "hanako"
    And today is 2029-04-02
    When "hanako" renews the certificates at the municipal office
    Then no fee is recorded for "hanako"
    And the office's history of "hanako" reads:
      | date       | event                       |
      | 2029-04-02 | renewal of the certificates |

Feature: When a card and its certificates expire
  The rules holders are told (docs/card-reference.md §12): a card is valid until the 10th birthday after
  issue (18 or over on the issue date) or the 5th (under 18); with a period of stay, until the
  period's last day. Both certificates are valid until the 5th birthday after issue or the card's
  expiry, whichever is earlier. Only holders 15 or over get a signature certificate.
  "After issue" counts birthdays strictly after the issue date, and a 29 February birthday falls
  on 28 February in a common year. No card is needed: these are the rules alone.

  Scenario Outline: <holder>
    Given a holder born on <born> whose card was issued on <issued>
    Then the card expires on <card expiry>
    And the certificates expire on <certificate expiry>
    And a signature certificate <sign>

    Examples: Adults (18 or over on the issue date): 10 birthdays for the card, 5 for the certificates
      | holder                                          | born       | issued     | card expiry | certificate expiry | sign        |
      | an adult                                        | 1985-04-01 | 2024-06-10 | 2034-04-01  | 2029-04-01         | is issued   |
      | an adult whose card is issued on the birthday   | 1990-05-15 | 2025-05-15 | 2035-05-15  | 2030-05-15         | is issued   |
      | an adult whose card is issued the day before    | 1990-05-15 | 2025-05-14 | 2034-05-15  | 2029-05-15         | is issued   |
      | a holder who turns 18 on the issue date         | 2007-04-02 | 2025-04-02 | 2035-04-02  | 2030-04-02         | is issued   |

    Examples: Under 18 on the issue date: 5 birthdays for the card
      | holder                                          | born       | issued     | card expiry | certificate expiry | sign        |
      | a holder who turns 18 the day after issue       | 2007-04-02 | 2025-04-01 | 2029-04-02  | 2029-04-02         | is issued   |
      | a holder who turns 15 on the issue date         | 2010-07-01 | 2025-07-01 | 2030-07-01  | 2030-07-01         | is issued   |
      | a holder who turns 15 the day after issue       | 2010-07-01 | 2025-06-30 | 2029-07-01  | 2029-07-01         | is not issued |
      | a child of five                                 | 2019-05-01 | 2024-08-01 | 2029-05-01  | 2029-05-01         | is not issued |

    Examples: Born on a leap day: the birthday is 28 February in common years
      | holder                                          | born       | issued     | card expiry | certificate expiry | sign        |
      | an adult born on 29 February                    | 2000-02-29 | 2024-03-01 | 2034-02-28  | 2029-02-28         | is issued   |
      | issued on 29 February, the birthday itself      | 2000-02-29 | 2024-02-29 | 2034-02-28  | 2029-02-28         | is issued   |
      | issued on 28 February of a common year          | 2000-02-29 | 2023-02-28 | 2033-02-28  | 2028-02-29         | is issued   |
      | a teenager born on 29 February                  | 2008-02-29 | 2024-10-01 | 2029-02-28  | 2029-02-28         | is issued   |

  Scenario Outline: A resident with a period of stay: <holder>
    Given a holder born on <born> with a period of stay until <stay end> whose card was issued on <issued>
    Then the card expires on <card expiry>
    And the certificates expire on <certificate expiry>
    And a signature certificate is issued

    Examples:
      | holder                                               | born       | stay end   | issued     | card expiry | certificate expiry |
      | the stay ends before the 5th birthday                | 1989-01-07 | 2027-04-14 | 2024-04-15 | 2027-04-14  | 2027-04-14         |
      | the stay ends after the 5th birthday                 | 1989-01-07 | 2035-12-31 | 2024-04-15 | 2035-12-31  | 2029-01-07         |
      | the stay ends after the 10th birthday                | 1989-01-07 | 2036-06-30 | 2024-04-15 | 2036-06-30  | 2029-01-07         |
      | the stay ends on the day of issue                    | 1989-01-07 | 2024-04-15 | 2024-04-15 | 2024-04-15  | 2024-04-15         |

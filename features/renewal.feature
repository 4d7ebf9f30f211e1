Feature: When a card and its certificates can be renewed
  As holders are told (docs/card-reference.md §12.1): electronic certificates can be renewed at the municipal office from 3 months
  before their expiry date. MynaSim applies the same window to the card and counts it through the
  expiry date itself; from the next day the certificate has expired and a new one is issued
  instead.

  Background:
    Given a holder born on 1985-04-01 whose card was issued on 2024-06-10

  Scenario Outline: Certificates expiring on 2029-04-01, on <today>
    Given today is <today>
    Then renewal of the certificates is <renewal>

    Examples:
      | today      | renewal            |
      | 2024-06-10 | not yet possible   |
      | 2028-12-31 | not yet possible   |
      | 2029-01-01 | possible           |
      | 2029-02-15 | possible           |
      | 2029-04-01 | possible           |
      | 2029-04-02 | no longer possible |

  Scenario Outline: The card expiring on 2034-04-01, on <today>
    Given today is <today>
    Then renewal of the card is <renewal>

    Examples:
      | today      | renewal            |
      | 2029-01-01 | not yet possible   |
      | 2033-12-31 | not yet possible   |
      | 2034-01-01 | possible           |
      | 2034-04-02 | no longer possible |

  Scenario Outline: A window that opens at the end of a short month, on <today>
    Given a holder born on 1990-05-31 whose card was issued on 2024-06-01
    And today is <today>
    Then the certificates expire on 2029-05-31
    And renewal of the certificates is <renewal>

    Examples:
      | today      | renewal          |
      | 2029-02-27 | not yet possible |
      | 2029-02-28 | possible         |

  Scenario Outline: A leap-day holder's card expiring on 2034-02-28, on <today>
    Given a holder born on 2000-02-29 whose card was issued on 2024-03-01
    And today is <today>
    Then renewal of the card is <renewal>

    Examples:
      | today      | renewal          |
      | 2033-11-27 | not yet possible |
      | 2033-11-28 | possible         |

  Scenario Outline: A resident whose period of stay ends on 2027-04-14, on <today>
    Given a holder born on 1989-01-07 with a period of stay until 2027-04-14 whose card was issued on 2024-04-15
    And today is <today>
    Then renewal of the card is <renewal>
    And renewal of the certificates is <renewal>

    Examples:
      | today      | renewal          |
      | 2027-01-13 | not yet possible |
      | 2027-01-14 | possible         |

Feature: Certificates at a convenience store
  The reference kiosk walks the 14 steps of docs/card-reference.md §12.3: 行政サービス, the government service menu, the
  advanced menu, reading the card, the municipality, the user-proof PIN, taking the card out, the
  certificate, its type, its information, the copies, the confirmation (with corrections), payment
  and printing. It proves the holder with the user-proof certificate (a challenge signed after the
  PIN, checked by chain, validity on the day and OCSP), charges the convenience-store fee per copy,
  opens 06:30 to 23:00 except December 29 to January 3, and prints a PDF whose text the scenarios
  read. The day and the time are the scenario's; nothing reads the clock.

  Background:
    Given a card for persona "hanako"
    And relying parties check revocation by OCSP

  @sim-only
  Scenario Outline: <copies> × <certificate> costs <fee> yen
    Given today is 2026-06-01
    And the time is 10:00
    When I get <copies> copies of the "<certificate>" at the kiosk
    Then the kiosk has issued the certificate
    And the printed certificate says "<certificate>"
    And the printed certificate says "手数料 / Fee: <fee>円"
    And the printed certificate says "部数 / Copies: <copies>部"
    And the printed certificate has <copies> pages
    And the printed certificate shows my name and address

    Examples:
      | certificate                | copies | fee  |
      | 住民票の写し                 | 1      | 200  |
      | 住民票の写し                 | 3      | 600  |
      | 印鑑登録証明書               | 1      | 200  |
      | 印鑑登録証明書               | 2      | 400  |
      | 課税証明書・非課税証明書       | 1      | 200  |
      | 課税証明書・非課税証明書       | 10     | 2000 |
      | 戸籍全部・個人事項証明書       | 1      | 350  |
      | 戸籍全部・個人事項証明書       | 2      | 700  |
      | 戸籍の附票の写し              | 1      | 200  |
      | 戸籍の附票の写し              | 4      | 800  |

  @sim-only
  Scenario: The printed copy of the resident register carries the municipality, the date and a verification code
    Given today is 2026-06-01
    And the time is 10:00
    When I get 1 copy of the "住民票の写し" at the kiosk
    Then the printed certificate says "発行市区町村 / Issued by: 東京都千代田区"
    And the printed certificate says "発行日 / Date of issue: 2026年6月1日"
    And the printed certificate says "検証コード / Verification code: "
    And the printed certificate says "200円"

  Scenario Outline: Service hours: <date> at <time> the kiosk is <state>
    Given today is <date>
    And the time is <time>
    When I choose 行政サービス on the kiosk
    Then the kiosk is <state>

    Examples:
      | date       | time  | state  |
      | 2026-06-01 | 06:29 | closed |
      | 2026-06-01 | 06:30 | open   |
      | 2026-06-01 | 22:59 | open   |
      | 2026-06-01 | 23:00 | closed |
      | 2026-12-28 | 12:00 | open   |
      | 2026-12-29 | 12:00 | closed |
      | 2027-01-03 | 12:00 | closed |
      | 2027-01-04 | 12:00 | open   |

  Scenario: Outside the hours the kiosk says when it is open
    Given today is 2026-06-01
    And the time is 06:29
    When I choose 行政サービス on the kiosk
    Then the kiosk is at step 1
    And the kiosk shows "ご利用時間は06:30～23:00です"

  Scenario: Over the new year the kiosk says it is closed
    Given today is 2026-12-31
    And the time is 12:00
    When I choose 行政サービス on the kiosk
    Then the kiosk shows "12月29日から1月3日までは証明書を発行できません"

  @sim-only
  Scenario: A wrong PIN shows the tries left; the right one goes on
    Given today is 2026-06-01
    And the time is 10:00
    When I start certificate issuance with my card at the kiosk
    And I choose the municipality I live in
    And I enter a wrong user-proof PIN at the kiosk
    Then the kiosk is at step 6
    And the kiosk shows "暗証番号が違います。残り2回です。"
    And the kiosk shows "Wrong PIN. 2 tries left."
    When I enter the correct user-proof PIN at the kiosk
    Then the kiosk is at step 7
    And the kiosk shows "カードをお取りください"
    When I take the card out when the kiosk asks
    Then the kiosk is at step 8

  @destructive
  Scenario: The third wrong PIN locks it, and the kiosk sends the holder to the municipal office
    Given today is 2026-06-01
    And the time is 10:00
    When I start certificate issuance with my card at the kiosk
    And I choose the municipality I live in
    And I enter a wrong user-proof PIN at the kiosk 3 times
    Then the kiosk ends the session with "お住まいの市区町村窓口で暗証番号の再設定"
    And the kiosk shows "Your PIN is locked. Please go to your municipal office"

  @destructive
  Scenario: A card whose PIN is already locked is refused on reading
    Given today is 2026-06-01
    And the time is 10:00
    And I enter a wrong user-proof PIN 3 times
    When I start certificate issuance with my card at the kiosk
    Then the kiosk ends the session with "暗証番号がロックされています"

  Scenario: A card reported lost is suspended and refused
    Given today is 2026-06-01
    And the time is 10:00
    And "hanako" reports the card lost to the call centre
    When I start certificate issuance with my card at the kiosk
    And I choose the municipality I live in
    And I enter the correct user-proof PIN at the kiosk
    Then the kiosk ends the session with "利用者証明用電子証明書の利用が停止されています"
    And the kiosk shows "Your user-proof certificate is suspended"

  Scenario: An expired user-proof certificate is refused
    Given today is 2029-04-02
    And the time is 10:00
    When I start certificate issuance with my card at the kiosk
    And I choose the municipality I live in
    And I enter the correct user-proof PIN at the kiosk
    Then the kiosk ends the session with "有効期限が切れています"
    And the kiosk shows "Your user-proof certificate has expired"

  Scenario: The municipality must be the one of the resident registration
    Given today is 2026-06-01
    And the time is 10:00
    When I start certificate issuance with my card at the kiosk
    And I choose municipality "27127" at the kiosk
    And I enter the correct user-proof PIN at the kiosk
    Then the kiosk ends the session with "大阪府大阪市北区に住民登録がありません"

  @sim-only
  Scenario: A card left on the reader holds the kiosk at step 7 until its timeout, then it reminds the holder
    Given today is 2026-06-01
    And the time is 10:00
    And the kiosk waits at most 2 seconds for the card to be taken out
    When I start certificate issuance with my card at the kiosk
    And I choose the municipality I live in
    And I enter the correct user-proof PIN at the kiosk
    And I leave the card on the kiosk's reader
    Then the kiosk is still waiting at step 7 after 1 second
    And within 5 seconds the kiosk reminds me to take the card
    When I take the card out when the kiosk asks
    Then the kiosk is at step 8

  @sim-only
  Scenario: Going back from the confirmation to correct the number of copies
    Given today is 2026-06-01
    And the time is 10:00
    When I start certificate issuance with my card at the kiosk
    And I identify myself at the kiosk
    And I ask for 2 copies of the "住民票の写し"
    Then the kiosk is at step 12
    And the kiosk asks for 400 yen
    When I go back to step 11 to correct the request
    And I choose 3 copies
    Then the kiosk is at step 12
    And the kiosk asks for 600 yen
    When I confirm the request
    And I pay 500 yen
    Then the kiosk shows "あと100円を入れてください"
    When I pay 1000 yen
    And the kiosk prints the certificate
    Then the kiosk shows "おつり900円"
    And the printed certificate has 3 pages
    And the printed certificate says "手数料 / Fee: 600円 (200円 × 3)"

  @sim-only
  Scenario Outline: When the permanent domicile differs, the <certificate> ends with "contact the municipal office"
    Given today is 2026-06-01
    And the time is 10:00
    And the holder's permanent domicile is in municipality "27127"
    When I start certificate issuance with my card at the kiosk
    And I identify myself at the kiosk
    And I ask for 1 copy of the "<certificate>"
    Then the kiosk ends the session with "市区町村窓口にお問い合わせください"
    And the kiosk shows "Your resident registration and permanent domicile are different; please contact the municipal office."

    Examples:
      | certificate          |
      | 戸籍全部・個人事項証明書 |
      | 戸籍の附票の写し        |

  @sim-only
  Scenario: When the permanent domicile differs, a copy of the resident register is still issued
    Given today is 2026-06-01
    And the time is 10:00
    And the holder's permanent domicile is in municipality "27127"
    When I get 1 copy of the "住民票の写し" at the kiosk
    Then the kiosk has issued the certificate

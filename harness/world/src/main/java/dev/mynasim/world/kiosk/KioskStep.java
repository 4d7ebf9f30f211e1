package dev.mynasim.world.kiosk;

/**
 * The kiosk's screens: the 14 steps of convenience-store issuance (docs/card-reference.md §12.3), then the two ends of
 * a session. {@link #number()} is the step number of docs/card-reference.md §12.3 (0 for the ends).
 */
public enum KioskStep {
    SERVICE_SELECTION(1, "行政サービス", "Select government service"),
    GOVERNMENT_SERVICE_MENU(2, "行政サービスメニュー", "Government service menu"),
    ADVANCED_MENU(3, "証明書交付サービス", "Advanced menu"),
    CARD_READING(4, "カード読み取り", "Card reading"),
    MUNICIPALITY_SELECTION(5, "証明書の市区町村選択", "Select the city of the certificate"),
    PIN_ENTRY(6, "暗証番号入力", "Enter PIN"),
    CARD_REMOVAL(7, "カードの取り外し", "Remove card"),
    CERTIFICATE_SELECTION(8, "証明書の種類選択", "Certificate type selection"),
    TYPE_SELECTION(9, "種別選択", "Type selection"),
    INFORMATION_SELECTION(10, "記載事項選択", "Certificate information selection"),
    COPIES(11, "部数選択", "Number of copies"),
    CONFIRMATION(12, "内容確認", "Content confirmation"),
    PAYMENT(13, "料金支払い", "Payment"),
    PRINTING(14, "印刷", "Printing"),
    /** The certificates were printed. */
    COMPLETED(0, "発行完了", "Completed"),
    /** The session ended without a certificate; the notice says why. */
    ENDED(0, "終了", "Ended");

    private final int number;
    private final String ja;
    private final String en;

    KioskStep(int number, String ja, String en) {
        this.number = number;
        this.ja = ja;
        this.en = en;
    }

    public int number() {
        return number;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    public boolean isFinal() {
        return number == 0;
    }

    /** The step by its number in docs/card-reference.md §12.3, 1 to 14. */
    public static KioskStep numbered(int number) {
        for (KioskStep step : values()) {
            if (step.number == number && number > 0) {
                return step;
            }
        }
        throw new IllegalArgumentException("the kiosk's steps are numbered 1 to 14, not " + number);
    }

    @Override
    public String toString() {
        return number > 0 ? "step " + number + " (" + ja + " / " + en + ")" : ja + " / " + en;
    }
}

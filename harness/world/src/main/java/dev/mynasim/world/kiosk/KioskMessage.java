package dev.mynasim.world.kiosk;

import java.util.Locale;

/**
 * What the kiosk says to the person in front of it, in Japanese and English. The texts take
 * {@link String#format} arguments (tries left, yen, hours); none of them ever carries a PIN.
 */
public enum KioskMessage {
    OUTSIDE_HOURS("ただいまの時間は証明書を発行できません。ご利用時間は%s～%sです。",
            "Certificates are issued from %s to %s; the service is closed now."),
    YEAR_END_CLOSURE("12月29日から1月3日までは証明書を発行できません。",
            "No certificates are issued from December 29 to January 3."),
    PLACE_CARD("マイナンバーカードを置いてください。", "Please place your My Number Card on the reader."),
    CARD_NOT_READ("カードを読み取れませんでした。もう一度置いてください。", "The card could not be read. Please place it again."),
    NO_USER_PROOF_CERTIFICATE("このカードには利用者証明用電子証明書が搭載されていないため、ご利用になれません。",
            "This card has no user-proof certificate; it cannot be used for certificate issuance."),
    ENTER_PIN("利用者証明用電子証明書の暗証番号（数字4桁）を入力してください。",
            "Please enter the 4-digit PIN of your user-proof certificate."),
    PIN_FORMAT("暗証番号は数字4桁です。", "The PIN is 4 digits."),
    WRONG_PIN("暗証番号が違います。残り%d回です。", "Wrong PIN. %d tries left."),
    PIN_LOCKED("暗証番号がロックされています。お住まいの市区町村窓口で暗証番号の再設定を行ってください。",
            "Your PIN is locked. Please go to your municipal office to have it reset."),
    CERTIFICATE_EXPIRED("利用者証明用電子証明書の有効期限が切れています。市区町村窓口で更新してください。",
            "Your user-proof certificate has expired. Please renew it at your municipal office."),
    CERTIFICATE_SUSPENDED("利用者証明用電子証明書の利用が停止されています。市区町村窓口にお問い合わせください。",
            "Your user-proof certificate is suspended. Please contact your municipal office."),
    CERTIFICATE_REVOKED("利用者証明用電子証明書は失効しています。市区町村窓口にお問い合わせください。",
            "Your user-proof certificate has been revoked. Please contact your municipal office."),
    CERTIFICATE_NOT_TRUSTED("このカードの電子証明書を確認できませんでした。市区町村窓口にお問い合わせください。",
            "The certificate on this card could not be verified. Please contact your municipal office."),
    CENTRE_UNREACHABLE("ただいま証明書の確認ができません。しばらくしてから再度お試しください。",
            "The certificate status cannot be checked right now. Please try again later."),
    CARD_ERROR("カードとの通信でエラーが発生しました。最初からやり直してください。",
            "The card did not answer as expected. Please start again."),
    NOT_REGISTERED_THERE("%sに住民登録がありません。住民登録のある市区町村を選んでください。",
            "You are not registered as a resident of %s. Please choose the municipality you live in."),
    TAKE_CARD("カードをお取りください。", "Please take your card."),
    CARD_LEFT_IN_READER("カードが置かれたままです。カードをお取りください。", "Your card is still on the reader. Please take your card."),
    CONTACT_MUNICIPAL_OFFICE("住民登録地と本籍地が異なるため、この証明書は発行できません。市区町村窓口にお問い合わせください。",
            "Your resident registration and permanent domicile are different; please contact the municipal office."),
    COPIES_OUT_OF_RANGE("部数は1～%d部で選んでください。", "Please choose 1 to %d copies."),
    INSERT_MORE("料金が不足しています。あと%d円を入れてください。", "Please insert %d yen more."),
    TAKE_CERTIFICATES("証明書とおつり%d円をお受け取りください。", "Please take your certificates and %d yen change."),
    CANCELLED("取り消しました。", "Cancelled.");

    private final String ja;
    private final String en;

    KioskMessage(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String ja(Object... args) {
        return String.format(Locale.ROOT, ja, args);
    }

    public String en(Object... args) {
        return String.format(Locale.ROOT, en, args);
    }
}

package dev.mynasim.model;

/** The JPKI signing keys: the key, the PIN that unlocks it and its certificates. */
public enum KeyRef {
    AUTH(CardKey.JPKI_AUTH, Pin.AUTH, CardFile.AUTH_CERTIFICATE, CardFile.AUTH_CA_CERTIFICATE),
    SIGN(CardKey.JPKI_SIGN, Pin.SIGN, CardFile.SIGN_CERTIFICATE, CardFile.SIGN_CA_CERTIFICATE);

    private final CardKey key;
    private final Pin pin;
    private final CardFile certificate;
    private final CardFile caCertificate;

    KeyRef(CardKey key, Pin pin, CardFile certificate, CardFile caCertificate) {
        this.key = key;
        this.pin = pin;
        this.certificate = certificate;
        this.caCertificate = caCertificate;
    }

    public int fid() {
        return key.fid();
    }

    /** The short EF identifier form used in P2 (80|SFI). */
    public int sfiP2() {
        return 0x80 | (fid() & 0x1F);
    }

    public Pin pin() {
        return pin;
    }

    public CardFile certificate() {
        return certificate;
    }

    public CardFile caCertificate() {
        return caCertificate;
    }

    public int certificateFid() {
        return certificate.fid();
    }

    public int caCertificateFid() {
        return caCertificate.fid();
    }
}

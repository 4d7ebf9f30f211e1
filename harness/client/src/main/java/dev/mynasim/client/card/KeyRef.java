package dev.mynasim.client.card;

/** The JPKI private keys: their IEF and the PIN that unlocks them. */
public enum KeyRef {
    AUTH(0x0017, Pin.AUTH, 0x000A, 0x000B),
    SIGN(0x001A, Pin.SIGN, 0x0001, 0x0002);

    private final int fid;
    private final Pin pin;
    private final int certificateFid;
    private final int caCertificateFid;

    KeyRef(int fid, Pin pin, int certificateFid, int caCertificateFid) {
        this.fid = fid;
        this.pin = pin;
        this.certificateFid = certificateFid;
        this.caCertificateFid = caCertificateFid;
    }

    public int fid() {
        return fid;
    }

    /** The short EF identifier form used in P2 (80|SFI). */
    public int sfiP2() {
        return 0x80 | (fid & 0x1F);
    }

    public Pin pin() {
        return pin;
    }

    public int certificateFid() {
        return certificateFid;
    }

    public int caCertificateFid() {
        return caCertificateFid;
    }
}

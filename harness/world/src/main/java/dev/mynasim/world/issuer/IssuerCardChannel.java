package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.Persona;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;

/**
 * What the municipal office does to the card itself, over the authenticated issuer channel (GET
 * CHALLENGE + EXTERNAL AUTHENTICATE, docs/personalisation.md). The harness implements it over the
 * card's transport ({@code dev.mynasim.world.issuer.TransportIssuerChannel}), so it works on the
 * simulator, through vpcd or on a MynaSim applet in a physical reader. Private keys never leave the
 * card; implementations never log or trace PIN values or issuer keys.
 */
public interface IssuerCardChannel {

    /** Replaces the key of that purpose with a new pair generated on the card; returns its public key. */
    RSAPublicKey generateKeyPair(CertificatePurpose purpose);

    /** Writes a certificate into the JPKI application (the file's length follows it). */
    void writeCertificate(CertificatePurpose purpose, X509Certificate certificate);

    /**
     * Sets a PIN the card was issued without (the signature password of a holder who was under 15),
     * with its full counter: SET PIN over the issuer channel. Run again on a card where it is already
     * set (an interrupted operation), it sets the same value with RESET RETRY COUNTER.
     */
    void setFirstPin(String pinLabel, String value);

    /** Sets a locked or forgotten PIN (by its label, e.g. "user-proof PIN") to a new value with a full counter. */
    void resetPin(String pinLabel, String newValue);

    /**
     * Rewrites what the card records about its holder and itself: name and address in the text AP
     * (EF 0002, EF 0003) and the surface AP (card face EF 0002), the card's expiry in the card face
     * (DF29) and the common AP's card record, and 照合番号B (which carries the expiry year) in the text
     * and surface APs.
     */
    void rewritePersonalData(Persona holderNow);

    /**
     * Refuses, before anything is sent to the card, data that the card's files cannot hold: the
     * holder's records as {@link #rewritePersonalData} would write them, and a certificate of
     * {@code certificateBytes}. The message names the field and the limit.
     */
    void checkFits(Persona holderNow, int certificateBytes);
}

package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The municipal office's part in the card's life. Each life event of docs/card-reference.md §12 maps to one revocation reason
 * here and nowhere else (docs/lifecycle.md):
 * <ul>
 *   <li>card found after a loss report: the holds are released</li>
 *   <li>change of name or address: the sign certificate is revoked, affiliationChanged (the auth
 *       certificate carries no personal data and keeps working); with the card at the counter the
 *       new data are written to it and a new sign key and certificate issued onto it</li>
 *   <li>renewal: new keys on the card, new certificates, the old ones revoked as superseded</li>
 *   <li>reissue: the old card's certificates revoked as cessationOfOperation, 1,000 yen, a new card
 *       with new keys and certificates</li>
 *   <li>PIN reset: the locked PIN gets a new value and a full counter</li>
 * </ul>
 * Operations on the card itself go through an {@link IssuerCardChannel}; the holder's current name
 * and address and the fees are kept in the {@link OfficeLedger} next to the CA state.
 */
public final class MunicipalOffice {

    /** Guidebook: reissue after loss or damage costs 1,000 yen. */
    public static final int REISSUE_FEE_YEN = 1000;

    /** The certificates the office wrote onto a card. */
    public record IssuedCertificates(X509Certificate auth, Optional<X509Certificate> sign) {
    }

    private final TestCertificateAuthority ca;
    private final OfficeLedger ledger;

    public MunicipalOffice(TestCertificateAuthority ca) {
        this.ca = ca;
        this.ledger = new OfficeLedger(ca.stateFile().getParent());
    }

    public OfficeLedger ledger() {
        return ledger;
    }

    /** The card was found: every certificate of the holder on hold is good again. */
    public List<CertificateRecord> cancelSuspension(String personaId, LocalDate on) {
        List<CertificateRecord> held = ca.recordsOf(personaId).stream()
                .filter(r -> r.state() == CertificateState.ON_HOLD)
                .toList();
        if (held.isEmpty()) {
            throw new IllegalStateException("persona '" + personaId + "' has no suspended certificate (no loss was reported)");
        }
        return held.stream().map(r -> ca.releaseHold(r.purpose(), r.serial(), on)).toList();
    }

    /** A move registered without the card: the sign certificate (which carries the old address) is revoked. */
    public Persona registerAddressChange(Persona persona, String newAddress, LocalDate on) {
        revokeSignCertificates(persona.id(), on);
        Persona now = ledger.current(persona).withAddress(newAddress);
        ledger.register(now);
        return now;
    }

    /** A change of name registered without the card: the sign certificate (which carries the old name) is revoked. */
    public Persona registerNameChange(Persona persona, String newName, LocalDate on) {
        revokeSignCertificates(persona.id(), on);
        Persona now = ledger.current(persona).withName(newName);
        ledger.register(now);
        return now;
    }

    /**
     * A move with the card at the counter: registered (sign certificate revoked), the new address
     * written to the card's text and surface APs, and a new sign key and certificate put onto it.
     */
    public Persona changeAddress(Persona persona, String newAddress, LocalDate on, IssuerCardChannel card) {
        Persona now = registerAddressChange(persona, newAddress, on);
        updateCard(now, on, card);
        return now;
    }

    /** A change of name with the card at the counter, as {@link #changeAddress}. */
    public Persona changeName(Persona persona, String newName, LocalDate on, IssuerCardChannel card) {
        Persona now = registerNameChange(persona, newName, on);
        updateCard(now, on, card);
        return now;
    }

    private void updateCard(Persona now, LocalDate on, IssuerCardChannel card) {
        card.rewritePersonalData(now);
        if (CardRules.signCertificateAllowed(now.birthDate(), on)) {
            issueOntoCard(now, CertificatePurpose.SIGN, on, card);
        }
    }

    private void revokeSignCertificates(String personaId, LocalDate on) {
        ca.recordsOf(personaId).stream()
                .filter(r -> r.purpose() == CertificatePurpose.SIGN && r.state() != CertificateState.REVOKED)
                .forEach(r -> ca.revoke(r.purpose(), r.serial(), RevocationReason.AFFILIATION_CHANGED, on));
    }

    /**
     * Renews the holder's certificates inside the renewal window of the current auth certificate
     * ({@link CardRules#inRenewalWindow}): new key pairs generated on the card, new certificates
     * written to it, then the old certificates revoked as superseded.
     */
    public IssuedCertificates renewCertificates(Persona persona, LocalDate on, IssuerCardChannel card) {
        List<CertificateRecord> current = currentRecords(persona.id(), on);
        CertificateRecord auth = current.stream().filter(r -> r.purpose() == CertificatePurpose.AUTH).findFirst()
                .orElseThrow(() -> new IllegalStateException("persona '" + persona.id() + "' has no current certificate to renew"));
        if (!CardRules.inRenewalWindow(auth.notAfter(), on)) {
            throw new IllegalStateException("the certificates expiring on " + auth.notAfter() + " can be renewed from "
                    + CardRules.renewalWindowOpens(auth.notAfter()) + ", not on " + on);
        }
        IssuedCertificates renewed = issueAllOntoCard(ledger.current(persona), on, card);
        for (CertificateRecord old : current) {
            ca.revoke(old.purpose(), old.serial(), RevocationReason.SUPERSEDED, on);
        }
        return renewed;
    }

    /**
     * Reissue (card lost, or broken by heat, liquid or magnetism): every certificate of the old card
     * that is not yet revoked is revoked as cessationOfOperation, the 1,000 yen fee is recorded, and
     * the new card gets new key pairs and certificates.
     */
    public IssuedCertificates reissueCard(Persona persona, LocalDate on, IssuerCardChannel newCard) {
        for (CertificateRecord old : ca.recordsOf(persona.id())) {
            if (old.state() != CertificateState.REVOKED) {
                ca.revoke(old.purpose(), old.serial(), RevocationReason.CESSATION_OF_OPERATION, on);
            }
        }
        ledger.charge(new OfficeLedger.Fee(persona.id(), on, REISSUE_FEE_YEN, "reissue of the My Number Card"));
        return issueAllOntoCard(ledger.current(persona), on, newCard);
    }

    /** A locked (or forgotten) PIN reset at the counter, after the holder has shown who they are. */
    public void resetPin(Persona persona, String pinLabel, String newValue, IssuerCardChannel card) {
        card.resetPin(pinLabel, newValue);
    }

    private List<CertificateRecord> currentRecords(String personaId, LocalDate on) {
        return ca.recordsOf(personaId).stream()
                .filter(r -> r.state() != CertificateState.REVOKED && !r.notAfter().isBefore(on))
                .toList();
    }

    private IssuedCertificates issueAllOntoCard(Persona now, LocalDate on, IssuerCardChannel card) {
        X509Certificate auth = issueOntoCard(now, CertificatePurpose.AUTH, on, card);
        Optional<X509Certificate> sign = CardRules.signCertificateAllowed(now.birthDate(), on)
                ? Optional.of(issueOntoCard(now, CertificatePurpose.SIGN, on, card)) : Optional.empty();
        return new IssuedCertificates(auth, sign);
    }

    private X509Certificate issueOntoCard(Persona now, CertificatePurpose purpose, LocalDate on, IssuerCardChannel card) {
        X509Certificate certificate = ca.issueCertificate(now, purpose, card.generateKeyPair(purpose), on);
        card.writeCertificate(purpose, certificate);
        return certificate;
    }
}

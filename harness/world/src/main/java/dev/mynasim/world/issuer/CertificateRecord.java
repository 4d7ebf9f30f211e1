package dev.mynasim.world.issuer;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the CA remembers about one certificate it issued (one entry of the state file).
 *
 * @param serialHex   the serial number, lower-case hex
 * @param purpose     which CA issued it
 * @param personaId   the holder
 * @param notBefore   first day of validity
 * @param notAfter    last day of validity
 * @param state       good, on hold or revoked
 * @param reason      why it is on hold or revoked; null when good
 * @param stateSince  the day the state last changed; null when never changed
 */
public record CertificateRecord(
        String serialHex,
        CertificatePurpose purpose,
        String personaId,
        LocalDate notBefore,
        LocalDate notAfter,
        CertificateState state,
        RevocationReason reason,
        LocalDate stateSince) {

    public CertificateRecord {
        Objects.requireNonNull(serialHex, "serialHex");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(state, "state");
        if ((state == CertificateState.GOOD) != (reason == null)) {
            throw new IllegalArgumentException("a reason goes with ON_HOLD and REVOKED only (serial " + serialHex + ")");
        }
        if (state == CertificateState.ON_HOLD && reason != RevocationReason.CERTIFICATE_HOLD) {
            throw new IllegalArgumentException("a certificate on hold has the reason certificateHold (serial " + serialHex + ")");
        }
    }

    public BigInteger serial() {
        return new BigInteger(serialHex, 16);
    }

    CertificateRecord withState(CertificateState newState, RevocationReason newReason, LocalDate on) {
        return new CertificateRecord(serialHex, purpose, personaId, notBefore, notAfter, newState, newReason, on);
    }
}

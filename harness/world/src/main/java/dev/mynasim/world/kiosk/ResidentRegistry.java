package dev.mynasim.world.kiosk;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.card.CardClient;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The municipality's resident register as a convenience-store kiosk reaches it: the user-proof
 * certificate the holder just proved with the PIN names the resident (through the certificate
 * authority's register of who each certificate was issued to), and the register gives name, address
 * and residence. The card itself is not read for them, as on a real kiosk.
 */
public final class ResidentRegistry implements HolderDataSource {

    private final Function<X509Certificate, Optional<String>> residentOfCertificate;
    private final Function<String, Persona> residents;
    private final Function<String, Optional<String>> permanentDomicileOf;

    /**
     * @param residentOfCertificate who a user-proof certificate was issued to (a persona id), if anyone
     * @param residents             the resident's registered data by persona id
     * @param permanentDomicileOf   the resident's 本籍 municipality code, when it is known
     */
    public ResidentRegistry(Function<X509Certificate, Optional<String>> residentOfCertificate,
            Function<String, Persona> residents, Function<String, Optional<String>> permanentDomicileOf) {
        this.residentOfCertificate = residentOfCertificate;
        this.residents = residents;
        this.permanentDomicileOf = permanentDomicileOf;
    }

    @Override
    public Optional<HolderData> read(X509Certificate userProofCertificate, CardClient card) {
        return residentOfCertificate.apply(userProofCertificate).map(id -> {
            Persona resident = residents.apply(id);
            return new HolderData(resident.name(), resident.address(), resident.municipalityCode(), permanentDomicileOf.apply(id));
        });
    }
}

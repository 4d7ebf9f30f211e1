package dev.mynasim.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.client.transport.GetResponseTransport;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Two vpcd leases at once: two readers, each with its own card, through the real pcscd. */
@RequiresPcsc
class VpcdBackendTest {

    @AfterAll
    static void disconnect() {
        VpcdBackend.disconnectIdleSlots();
    }

    @Test
    void twoHoldersAtOnceGetTwoReadersEachWithItsOwnCard() {
        Persona hanako = Fixtures.get().personas().byId("hanako");
        Persona ren = Fixtures.get().personas().byId("ren");
        try (GuardedBackend first = Backends.open("vpcd", hanako); GuardedBackend second = Backends.open("vpcd", ren)) {
            assertEquals("vpcd (Virtual PCD 00 00)", first.name());
            assertEquals("vpcd (Virtual PCD 00 01)", second.name());
            X509Certificate hanakos = authCertificate(first);
            X509Certificate rens = authCertificate(second);
            assertEquals(Fixtures.get().pki().credentials(hanako.id()).authCertificate(), hanakos);
            assertNotEquals(hanakos, rens);
        }
        try (GuardedBackend again = Backends.open("vpcd", ren)) {
            assertEquals("vpcd (Virtual PCD 00 00)", again.name(), "a lone holder gets slot 0 back");
            assertEquals(Fixtures.get().pki().credentials(ren.id()).authCertificate(), authCertificate(again));
        }
    }

    private static X509Certificate authCertificate(GuardedBackend backend) {
        CardClient client = new CardClient(new GetResponseTransport(backend.transport()));
        client.select(CardApplication.JPKI);
        return client.readCertificate(CardFile.AUTH_CERTIFICATE.fid(), ReadMethod.FOUR_BYTE_HEADER);
    }
}

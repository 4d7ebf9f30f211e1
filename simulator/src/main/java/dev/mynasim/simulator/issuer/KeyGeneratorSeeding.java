package dev.mynasim.simulator.issuer;

import dev.mynasim.applet.HostExport;
import dev.mynasim.applet.MynaApplication;
import java.lang.reflect.Field;
import java.security.SecureRandom;
import javacard.framework.Applet;

/**
 * jCardSim gives every {@code javacard.security.KeyPair} its own SHA-1 digest generator that starts
 * from the same empty state, so without this the first key generated on every virtual card would be
 * the same key, and a card restored from its state file would generate again the keys it generated
 * before (docs/card-choices.md, section "jCardSim"). After issue the simulator adds 32 fresh bytes from the host's
 * SecureRandom to each on-card key generator (jCardSim's {@code KeyPair.impl.rnd}); the stream then
 * continues, so two renewals of one card differ too. A physical Java Card uses its own hardware
 * generator; the applet never sees any of this ({@code HostExport.keyGenerator} only hands the
 * object out). A jCardSim that moves these fields fails loudly here, and {@code OnCardKeyTest} pins it.
 */
public final class KeyGeneratorSeeding {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final int MAX_KEYS = 16;

    private KeyGeneratorSeeding() {
    }

    /** Seeds every on-card key generator of the applet; returns how many were seeded. */
    public static int seed(Applet applet) {
        if (!(applet instanceof MynaApplication application)) {
            return 0; // the MF level has no keys
        }
        int seeded = 0;
        try {
            for (byte index = 0; index < MAX_KEYS; index++) {
                Object keyPair = HostExport.keyGenerator(application, index);
                if (keyPair == null) {
                    continue;
                }
                Object impl = field(keyPair, "impl");
                SecureRandom generator = (SecureRandom) field(impl, "rnd");
                byte[] seed = new byte[32];
                SEEDS.nextBytes(seed);
                generator.setSeed(seed);
                seeded++;
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot seed jCardSim's key generator (has jCardSim changed?): " + e, e);
        }
        return seeded;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}

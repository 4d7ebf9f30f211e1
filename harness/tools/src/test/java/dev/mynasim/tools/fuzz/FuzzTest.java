package dev.mynasim.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.VirtualCard;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A short seeded fuzz run (20,000 APDUs per application and the MF level) and the checks that keep the invariants honest. */
class FuzzTest {

    private static Fuzzer fuzzer;

    @BeforeAll
    static void fuzzer() {
        Persona hanako = Fixtures.get().personas().byId("hanako");
        fuzzer = new Fuzzer(hanako, Fixtures.get().pki());
    }

    @Test
    void aSeededRunOfTwentyThousandApdusPerApplicationBreaksNoInvariant() throws Exception {
        long start = System.nanoTime();
        List<Fuzzer.Failure> failures = fuzzer.run(20261127L, 20_000, 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = fuzzer.stats().total();
        System.out.printf("fuzz (seed 20261127): %,d APDUs in %.1f s = %,.0f APDUs/s, per target %s%n",
                total, seconds, total / seconds, fuzzer.stats().perTarget());
        failures.forEach(failure -> System.out.print(failure.describe()));
        assertEquals(List.of(), failures.stream().map(Fuzzer.Failure::describe).toList());
        assertEquals(6, fuzzer.stats().perTarget().size());
        fuzzer.stats().perTarget().values().forEach(count -> assertTrue(count >= 20_000));
    }

    @Test
    void theProbeSucceedsWhenThePinWasVerifiedSinceTheSelectSoTheSecurityStateCheckCanFail() {
        for (String name : fuzzer.targetNames()) {
            FuzzTarget target = fuzzer.target(name);
            if (target.isMasterFile()) {
                continue;
            }
            VirtualCard card = fuzzer.freshCard();
            Episode episode = new Episode(card, target, new KeyMaterial(), PinRules.standard(), null);
            assertEquals(null, episode.run(List.of(new Step.Probe(), new Step.Unlock())));
            // The probe's commands without its DF SELECT, right after the unlock: the card must let them through.
            byte[] last = null;
            for (byte[] command : target.probe()) {
                byte[] apdu = command;
                if (command.length == 5 && command[1] == 0x32) {
                    apdu = java.util.Arrays.copyOf(command, 9);
                    apdu[4] = 4;
                    String pin = name.contains("住基") || name.contains("common") ? Fixtures.get().personas().byId("hanako").pins().juki() : "";
                    System.arraycopy(pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, apdu, 5, 4);
                }
                last = card.transmit(apdu);
            }
            assertNotNull(last);
            assertEquals(0x9000, ((last[last.length - 2] & 0xFF) << 8) | (last[last.length - 1] & 0xFF), name);
        }
    }

    @Test
    void aCounterThatGoesUpWithoutARuleIsAViolation() {
        var before = new dev.mynasim.simulator.issuer.ApplicationImage.PinImage(0x18, new byte[] {1, 2, 3, 4}, 3, 1);
        var after = new dev.mynasim.simulator.issuer.ApplicationImage.PinImage(0x18, new byte[] {1, 2, 3, 4}, 3, 3);
        byte[] wrongVerify = {0x00, 0x20, 0x00, (byte) 0x80, 4, 9, 9, 9, 9};
        byte[] rightVerify = {0x00, 0x20, 0x00, (byte) 0x80, 4, 1, 2, 3, 4};
        assertNotNull(PinRules.standard().check(new byte[0], before, after, wrongVerify, 0x9000));
        assertEquals(null, PinRules.standard().check(new byte[0], before, after, rightVerify, 0x9000));
        assertNotNull(PinRules.standard().check(new byte[0], before, after, rightVerify, 0x63C2));
        var blocked = new dev.mynasim.simulator.issuer.ApplicationImage.PinImage(0x18, new byte[] {1, 2, 3, 4}, 3, 0);
        assertNotNull(PinRules.standard().check(new byte[0], blocked, after, rightVerify, 0x9000), "a blocked PIN is never unblocked by VERIFY");
    }

    @Test
    void aLeakedKeyRunIsFound() {
        KeyMaterial keys = new KeyMaterial();
        var key = Fixtures.get().pki().authCaKey();
        keys.add("CA", key);
        byte[] p = key.getPrimeP().toByteArray();
        byte[] response = new byte[60];
        System.arraycopy(p, p.length - 40, response, 5, 40);
        assertNotNull(keys.leakIn(response));
        assertEquals(null, keys.leakIn(new byte[60]));
    }

    @Test
    void deltaDebuggingKeepsOnlyTheStepsThatMatter() {
        List<Integer> steps = java.util.stream.IntStream.range(0, 500).boxed().toList();
        List<Integer> minimal = Fuzzer.shrink(steps, list -> list.contains(17) && list.contains(403));
        assertEquals(List.of(17, 403), minimal);
    }
}

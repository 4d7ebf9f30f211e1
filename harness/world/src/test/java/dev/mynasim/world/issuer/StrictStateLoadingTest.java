package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.io.StateFileException;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: a CA state or office ledger entry that does not parse is refused by file and field, and
 * the file is never rewritten (before, a serial edited to {@code zzzz} was dropped, the real one
 * brought back GOOD and its hold lost).
 */
class StrictStateLoadingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final TestPki pki = TestCaExtension.pki();
    static final PersonaCredentials hanako = TestCaExtension.credentials("hanako");

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako();
    Path dir;

    @BeforeEach
    void heldCertificateAndAFee() {
        dir = testCa.stateDir();
        testCa.ca().hold(hanako.authCertificate(), TODAY);
        new MunicipalOffice(testCa.ca()).ledger().charge(new OfficeLedger.Fee("hanako", TODAY, 1000, "reissue", "test-reissue"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "ca-state.json | \"serialHex\" : \"SERIAL\" | \"serialHex\" : \"zzzz\" | certificates[0].serialHex | not a serial number",
        "ca-state.json | \"state\" : \"ON_HOLD\" | \"state\" : \"LOST\" | certificates[0].state | not one of GOOD, ON_HOLD, REVOKED",
        "ca-state.json | \"purpose\" : \"AUTH\" | \"purpose\" : \"FOO\" | certificates[0].purpose | not one of AUTH, SIGN",
        "ca-state.json | \"stateSince\" : \"2026-06-01\" | \"stateSince\" : \"1899-12-31\" | certificates[0].stateSince | out of range",
        "ca-state.json | \"stateSince\" : \"2026-06-01\" | \"stateSince\" : \"2026-13-01\" | certificates[0].stateSince | not a date",
        "ca-state.json | \"version\" : 1 | \"version\" : 7 | version | newer MynaSim",
        "ca-state.json | \"version\" : 1 | \"version\" : \"one\" | version | not a whole number",
        "ca-state.json | \"AUTH\" : 0 | \"AUTH\" : -3 | lastCrlNumbers.AUTH | negative",
        "office.json | \"yen\" : 1000 | \"yen\" : \"a lot\" | fees[0].yen | whole number",
        "office.json | \"on\" : \"2026-06-01\" | \"on\" : \"+12026-06-01\" | fees[0].on | ",
        "office.json | \"version\" : 1 | \"version\" : 2 | version | newer MynaSim",
    })
    void aDamagedEntryIsRefusedByFieldAndNeverRewritten(String fileName, String from, String to, String field, String why) throws Exception {
        Path file = dir.resolve(fileName);
        String original = Files.readString(file);
        String fromText = from.replace("SERIAL", hanako.authCertificate().getSerialNumber().toString(16));
        assertTrue(original.contains(fromText), fromText + " in " + original);
        String damaged = original.replaceFirst(java.util.regex.Pattern.quote(fromText), java.util.regex.Matcher.quoteReplacement(to));
        Files.writeString(file, damaged);
        byte[] before = Files.readAllBytes(file);

        StateFileException refused = assertThrows(StateFileException.class, () -> {
            TestCertificateAuthority ca = TestCertificateAuthority.open(pki, dir);
            ca.registerIssued(hanako); // what every CLI command does on opening the CA
            MunicipalOffice office = new MunicipalOffice(ca);
            office.ledger().charge(new OfficeLedger.Fee("hanako", TODAY, 1000, "reissue", "test-reissue"));
        });
        String message = refused.getMessage();
        assertTrue(message.contains(file.toAbsolutePath().toString()), message);
        assertEquals(field, refused.field(), message);
        assertTrue(message.contains("field '" + field + "'"), message);
        if (why != null) {
            assertTrue(message.contains(why), message);
        }
        assertFalse(message.contains("dev.mynasim") || message.contains("java."), "no class names: " + message);
        assertArrayEquals(before, Files.readAllBytes(file), "the refused file is left as it was");
    }
}

package dev.mynasim.world.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's data files: the committed ones load with the values of docs/card-reference.md §12.3; broken ones are named. */
class KioskDataTest {

    private static final Path COMMITTED = Path.of("fixtures", "kiosk");

    @Test
    void theCommittedFilesCarryTheGuidebooksFees() {
        KioskData data = KioskData.load(COMMITTED);
        assertEquals(200, data.certificateNamed("住民票の写し").storeFee());
        assertEquals(300, data.certificateNamed("住民票の写し").officeFee());
        assertEquals(350, data.certificateNamed("戸籍全部・個人事項証明書").storeFee());
        assertEquals(450, data.certificateNamed("戸籍全部・個人事項証明書").officeFee());
        for (CertificateKind kind : data.certificates()) {
            assertEquals(100, kind.officeFee() - kind.storeFee(), "a kiosk issue is 100 yen cheaper: " + kind);
        }
    }

    @Test
    void theYearEndClosureRunsOverTheNewYear() {
        ServiceHours hours = KioskData.load(COMMITTED).hours();
        assertTrue(hours.inClosedPeriod(LocalDateTime.of(2026, 12, 29, 12, 0)));
        assertTrue(hours.inClosedPeriod(LocalDateTime.of(2027, 1, 1, 12, 0)));
        assertFalse(hours.inClosedPeriod(LocalDateTime.of(2026, 12, 28, 12, 0)));
        assertFalse(hours.inClosedPeriod(LocalDateTime.of(2027, 1, 4, 12, 0)));
        assertFalse(hours.inClosedPeriod(LocalDateTime.of(2026, 6, 1, 12, 0)));
    }

    @Test
    void aNegativeFeeIsRefusedNamingFileAndField(@TempDir Path dir) throws IOException {
        copyCommitted(dir);
        Path file = dir.resolve(KioskData.CERTIFICATES_FILE);
        Files.writeString(file, Files.readString(file).replaceFirst("storeFee: 200", "storeFee: -200"));

        KioskDataException e = assertThrows(KioskDataException.class, () -> KioskData.load(dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("certificates[0].storeFee"), e.getMessage());
    }

    @Test
    void aBadTimeIsRefusedNamingFileAndField(@TempDir Path dir) throws IOException {
        copyCommitted(dir);
        Path file = dir.resolve(KioskData.HOURS_FILE);
        Files.writeString(file, Files.readString(file).replace("\"06:30\"", "\"6.30am\""));

        KioskDataException e = assertThrows(KioskDataException.class, () -> KioskData.load(dir));
        assertTrue(e.getMessage().contains(KioskData.HOURS_FILE + ": opens: must be a time HH:MM"), e.getMessage());
    }

    @Test
    void aDomicileInAnUnknownMunicipalityIsRefused(@TempDir Path dir) throws IOException {
        copyCommitted(dir);
        Files.writeString(dir.resolve(KioskData.HOLDERS_FILE), "holders:\n  hanako: { permanentDomicile: \"99999\" }\n");

        KioskDataException e = assertThrows(KioskDataException.class, () -> KioskData.load(dir));
        assertTrue(e.getMessage().contains("holders.hanako.permanentDomicile"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
        copyCommitted(dir);
        Files.delete(dir.resolve(KioskData.MUNICIPALITIES_FILE));

        KioskDataException e = assertThrows(KioskDataException.class, () -> KioskData.load(dir));
        assertTrue(e.getMessage().contains(KioskData.MUNICIPALITIES_FILE + ": missing"), e.getMessage());
    }

    private static void copyCommitted(Path dir) throws IOException {
        for (String name : new String[] {KioskData.CERTIFICATES_FILE, KioskData.HOURS_FILE, KioskData.MUNICIPALITIES_FILE, KioskData.HOLDERS_FILE}) {
            Files.copy(COMMITTED.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Drives {@code mynasim kiosk} through piped standard input, as a vendor's script would. */
class KioskCommandTest {

    private final Persona hanako = Fixtures.get().personas().byId("hanako");

    private record Run(int exitCode, String screen) {
    }

    private static Run kiosk(String stdin, String... args) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        KioskCommand command = new KioskCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(screen, true, StandardCharsets.UTF_8), false);
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, screen.toString(StandardCharsets.UTF_8));
    }

    /** Steps 1-3, card, municipality 1 (千代田区), the PIN, take the card, then the rest as given. */
    private String answers(String pin, String... rest) {
        return String.join("\n", Stream.concat(Stream.of("1", "1", "1", "", "1", pin, ""), Stream.of(rest)).toList()) + "\n";
    }

    @Test
    void issuesACopyOfTheResidentRegisterWithTheHoldersNameAndAddress(@TempDir Path out) throws Exception {
        // certificate 1 (住民票の写し), type 1, no details, 1 copy, confirm, pay 200
        Run run = kiosk(answers(hanako.pins().auth(), "1", "1", "", "1", "1", "200"),
                "--reader", "sim", "--persona", "hanako", "--today", "2026-06-01", "--time", "10:00", "--out", out.toString());

        assertEquals(KioskCommand.PRINTED, run.exitCode(), run.screen());
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(out)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).toList();
        }
        assertEquals(1, pdfs.size(), "one PDF in " + out);
        try (PDDocument document = Loader.loadPDF(pdfs.get(0).toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("住民票の写し"), text);
            assertTrue(text.contains(hanako.name()), text);
            assertTrue(text.contains(hanako.address()), text);
            assertTrue(text.contains("200円"), text);
        }
        assertFalse(run.screen().lines().anyMatch(line -> line.contains(hanako.pins().auth() + "\n")
                || line.strip().endsWith(": " + hanako.pins().auth())), "the screen never shows the PIN:\n" + run.screen());
    }

    @Test
    void aWrongPinShowsTheTriesLeftAndTheKioskAsksAgain(@TempDir Path out) {
        String wrong = hanako.pins().auth().equals("0000") ? "1111" : "0000";
        Run run = kiosk(String.join("\n", "1", "1", "1", "", "1", wrong, hanako.pins().auth(), "", "2", "1", "", "2", "1", "400") + "\n",
                "--reader", "sim", "--today", "2026-06-01", "--time", "10:00", "--out", out.toString());

        assertEquals(KioskCommand.PRINTED, run.exitCode(), run.screen());
        assertTrue(run.screen().contains("暗証番号が違います。残り2回です。"), run.screen());
    }

    @Test
    void outsideTheHoursTheKioskEndsWithoutACertificate(@TempDir Path out) {
        Run run = kiosk("1\n", "--lang", "en", "--reader", "sim", "--today", "2026-06-01", "--time", "23:00", "--out", out.toString());

        assertEquals(KioskCommand.ENDED_WITHOUT_CERTIFICATE, run.exitCode(), run.screen());
        assertTrue(run.screen().contains("Certificates are issued from 06:30 to 23:00"), run.screen());
    }

    @Test
    void anAnswerThatIsNotOnTheMenuIsAskedAgain(@TempDir Path out) {
        Run run = kiosk("7\nx\n1\n", "--lang", "en", "--reader", "sim", "--today", "2026-06-01", "--time", "05:00", "--out", out.toString());

        assertTrue(run.screen().contains("answer with a number from 1 to 1"), run.screen());
        assertEquals(KioskCommand.ENDED_WITHOUT_CERTIFICATE, run.exitCode(), run.screen());
    }

    @Test
    void inJapaneseTheScreenIsJapaneseOnly(@TempDir Path out) {
        Run run = kiosk("7\nx\n1\n", "--lang", "ja", "--reader", "sim", "--today", "2026-06-01", "--time", "23:00", "--out", out.toString());

        assertEquals(KioskCommand.ENDED_WITHOUT_CERTIFICATE, run.exitCode(), run.screen());
        assertTrue(run.screen().contains("MynaSim 参照用キオスク端末（テスト）"), run.screen());
        assertTrue(run.screen().contains("1) 行政サービス\n"), run.screen());
        assertTrue(run.screen().contains("1〜1 の番号で答えてください"), run.screen());
        assertTrue(run.screen().contains("数字で答えてください（「x」は数字ではありません）") || run.screen().contains("1〜1 の番号で答えてください"), run.screen());
        assertTrue(run.screen().contains("ご利用時間は06:30～23:00です"), run.screen());
        assertFalse(run.screen().contains("Certificates are issued") || run.screen().contains("Government services"), run.screen());
    }
}

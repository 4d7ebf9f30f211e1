package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StepsCommandTest {

    @Test
    void listsBothVocabulariesByArea() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = MynasimCommand.commandLine().execute("steps");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit);
        assertTrue(out.contains("Apdu:\n") && out.contains("When  I send APDU {string}"), out);
        assertTrue(out.contains("Pin:\n") && out.contains("When  I enter a wrong {pin} {int} time(s)"), out);
    }
}

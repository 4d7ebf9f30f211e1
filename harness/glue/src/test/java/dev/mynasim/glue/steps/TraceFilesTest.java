package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TraceFilesTest {

    @Test
    void traceFileNamesStayAsciiAndKeepTheJapaneseTwinApart() {
        assertEquals("pins-11-five-wrong-signature-passwords-lock-it.trace",
                TraceFiles.fileName(URI.create("file:/x/features/pins.feature"), 11, "Five wrong signature passwords lock it"));
        assertEquals("ja-pins-11-5.trace",
                TraceFiles.fileName(URI.create("file:/x/features/ja/pins.feature"), 11, "署名用パスワードを5回間違えるとロックされる"));
        assertEquals("ja-loss-26-crl.trace",
                TraceFiles.fileName(URI.create("file:/x/features/ja/loss.feature"), 26, "紛失の届出で一時停止され（CRL）"));
    }
}

package dev.mynasim.world.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font the kiosk prints with, loaded from its file (a bare JDK has no Japanese font, and a
 * logical font name would silently fall back to boxes). {@code mynasim.kiosk.font} points elsewhere.
 */
final class KioskFont {

    static final Path DEFAULT_FILE = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
    static final String FILE_PROPERTY = "mynasim.kiosk.font";
    static final String DEBIAN_PACKAGE = "fonts-ipaexfont-gothic";

    /**
     * IPAex Gothic carries a format-14 cmap (ideographic variation sequences), which PDFBox skips with a
     * warning on every load; the kiosk never prints variation sequences, so the warning is only noise.
     * Held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level.
     */
    private static final Logger CMAP_LOGGER = Logger.getLogger("org.apache.fontbox.ttf.CmapSubtable");

    static {
        CMAP_LOGGER.setLevel(Level.SEVERE);
    }

    private KioskFont() {
    }

    static Path file() {
        String configured = System.getProperty(FILE_PROPERTY);
        return configured == null || configured.isBlank() ? DEFAULT_FILE : Path.of(configured);
    }

    /** The font embedded as a subset of the glyphs the document uses. */
    static PDType0Font loadInto(PDDocument document) {
        Path file = file();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the kiosk prints Japanese with the IPAex Gothic font, and " + file
                    + " is missing: install the Debian package " + DEBIAN_PACKAGE
                    + " (sudo apt-get install " + DEBIAN_PACKAGE + "), or set -D" + FILE_PROPERTY + "=<a .ttf with Japanese glyphs>");
        }
        try {
            return PDType0Font.load(document, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the kiosk's font " + file + ": " + e.getMessage(), e);
        }
    }
}

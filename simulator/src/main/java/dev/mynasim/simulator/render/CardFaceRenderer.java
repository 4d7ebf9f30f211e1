package dev.mynasim.simulator.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the surface AP's images from persona data with Java2D and writes them as PNG
 * (docs/card-choices.md, "Card-face images"): name and address as 1-bit images, the security
 * code at the card's 24×12 and the My Number at 72×12, and a synthetic face (a drawn silhouette,
 * never a real person). Japanese text needs a CJK font, loaded from its file because a bare JDK
 * has none.
 */
public final class CardFaceRenderer {

    /** Debian package fonts-ipaexfont-gothic. */
    public static final Path FONT_FILE = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
    private static final String FONT_PACKAGE = "fonts-ipaexfont-gothic";

    public static final int NAME_WIDTH = 512;
    public static final int NAME_HEIGHT = 48;
    public static final int ADDRESS_WIDTH = 512;
    public static final int ADDRESS_HEIGHT = 96;
    public static final int SECURITY_CODE_WIDTH = 24;
    public static final int SECURITY_CODE_HEIGHT = 12;
    public static final int MY_NUMBER_WIDTH = 72;
    public static final int MY_NUMBER_HEIGHT = 12;
    public static final int FACE_WIDTH = 96;
    public static final int FACE_HEIGHT = 128;

    private static volatile Font baseFont;

    private CardFaceRenderer() {
    }

    /** 氏名 as a 1-bit PNG, one line. */
    public static byte[] name(String name) {
        return text(name, NAME_WIDTH, NAME_HEIGHT, 1);
    }

    /** 住所 as a 1-bit PNG, wrapped onto up to three lines. */
    public static byte[] address(String address) {
        return text(address, ADDRESS_WIDTH, ADDRESS_HEIGHT, 3);
    }

    /** The 4-digit security code at the card's 24×12: 6 pixels a digit, just legible. */
    public static byte[] securityCode(String code) {
        return text(code, SECURITY_CODE_WIDTH, SECURITY_CODE_HEIGHT, 1);
    }

    /** The 12-digit My Number at the card's 72×12: 6 pixels a digit. */
    public static byte[] myNumber(String myNumber) {
        return text(myNumber, MY_NUMBER_WIDTH, MY_NUMBER_HEIGHT, 1);
    }

    /** A synthetic greyscale face: head and shoulders on a plain background. */
    public static byte[] face() {
        BufferedImage image = new BufferedImage(FACE_WIDTH, FACE_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(225, 225, 225));
            g.fillRect(0, 0, FACE_WIDTH, FACE_HEIGHT);
            g.setColor(new Color(90, 90, 90));
            g.fill(new Ellipse2D.Double(FACE_WIDTH * 0.08, FACE_HEIGHT * 0.70, FACE_WIDTH * 0.84, FACE_HEIGHT * 0.6));
            g.fill(new Ellipse2D.Double(FACE_WIDTH * 0.28, FACE_HEIGHT * 0.15, FACE_WIDTH * 0.44, FACE_HEIGHT * 0.5));
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static byte[] text(String text, int width, int height, int maxLines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            int lineHeight = height / maxLines;
            Font font = font().deriveFont((float) lineHeight);
            g.setFont(font);
            // Shrink until each line's share of the text fits the width.
            int perLine = (text.length() + maxLines - 1) / maxLines;
            while (font.getSize2D() > 4f && g.getFontMetrics().stringWidth(text.substring(0, Math.min(perLine, text.length()))) > width) {
                font = font.deriveFont(font.getSize2D() - 1f);
                g.setFont(font);
            }
            int ascent = g.getFontMetrics().getAscent();
            int lines = (int) Math.ceil(text.length() / (double) perLine);
            for (int line = 0; line < lines; line++) {
                String part = text.substring(line * perLine, Math.min(text.length(), (line + 1) * perLine));
                int baseline = line * lineHeight + Math.min(ascent, lineHeight) - 1;
                g.drawString(part, 0, Math.max(baseline, ascent - 1));
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!javax.imageio.ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a card-face PNG", e);
        }
    }

    /** The CJK font, loaded once; a clear message naming the Debian package when it is missing. */
    static Font font() {
        Font font = baseFont;
        if (font == null) {
            if (!Files.isReadable(FONT_FILE)) {
                throw new IllegalStateException("the card-face images need the IPAex Gothic font at " + FONT_FILE
                        + ": install the Debian package " + FONT_PACKAGE + " (apt-get install -y " + FONT_PACKAGE + ")");
            }
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, FONT_FILE.toFile());
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load the font " + FONT_FILE + " (package " + FONT_PACKAGE + ")", e);
            }
            baseFont = font;
        }
        return font;
    }
}

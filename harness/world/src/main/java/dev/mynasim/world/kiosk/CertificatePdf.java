package dev.mynasim.world.kiosk;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Lays out a {@link PrintedCertificate} on A4 pages with PDFBox, one page per copy. */
final class CertificatePdf {

    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 22;
    private static final float SUBTITLE_SIZE = 12;
    private static final float BODY_SIZE = 11;
    private static final float LEADING = 22;
    static final String TEST_MARK = "MynaSim TEST 見本 — 試験用の証明書です。公的な効力はありません。 / A test certificate with no legal effect.";

    private CertificatePdf() {
    }

    static byte[] render(PrintedCertificate certificate) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = KioskFont.loadInto(document);
            int copies = certificate.request().copies();
            for (int copy = 1; copy <= copies; copy++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    writePage(text, font, page.getMediaBox(), certificate, copy);
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(certificate.request().kind().ja() + " / " + certificate.request().kind().en());
            info.setCreator("MynaSim reference kiosk (TEST)");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate's PDF: " + e.getMessage(), e);
        }
    }

    static byte[] firstPagePng(byte[] pdf, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the certificate's first page: " + e.getMessage(), e);
        }
    }

    private static void writePage(PDPageContentStream text, PDType0Font font, PDRectangle box,
            PrintedCertificate certificate, int copy) throws IOException {
        float y = box.getHeight() - MARGIN - TITLE_SIZE;
        y = line(text, font, TITLE_SIZE, y, certificate.request().kind().ja());
        y = line(text, font, SUBTITLE_SIZE, y, certificate.request().kind().en());
        y -= LEADING / 2;
        for (String content : certificate.content()) {
            y = line(text, font, BODY_SIZE, y, content);
        }
        y = line(text, font, BODY_SIZE, y, "写し / Copy: " + copy + " / " + certificate.request().copies());
        y -= LEADING / 2;
        line(text, font, BODY_SIZE, y, "検証コード / Verification code: " + certificate.verificationCode());
        line(text, font, 8, MARGIN, TEST_MARK);
    }

    private static float line(PDPageContentStream text, PDType0Font font, float size, float y, String words) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(MARGIN, y);
        text.showText(words);
        text.endText();
        return y - Math.max(LEADING, size * 1.6f);
    }
}

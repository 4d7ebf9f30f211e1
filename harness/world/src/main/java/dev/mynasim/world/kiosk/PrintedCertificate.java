package dev.mynasim.world.kiosk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A certificate as the kiosk prints it: what it says (one list of lines, used for the page and for
 * the verification code alike) and the PDF.
 */
public final class PrintedCertificate {

    private final CertificateRequest request;
    private final HolderData holder;
    private final Municipality municipality;
    private final LocalDate issuedOn;
    private final List<String> content;
    private final String verificationCode;
    private byte[] pdf;

    PrintedCertificate(CertificateRequest request, HolderData holder, Municipality municipality, LocalDate issuedOn) {
        this.request = request;
        this.holder = holder;
        this.municipality = municipality;
        this.issuedOn = issuedOn;
        this.content = contentLines();
        this.verificationCode = VerificationCode.of(String.join("\n", content));
    }

    private List<String> contentLines() {
        CertificateKind kind = request.kind();
        List<String> lines = new ArrayList<>();
        lines.add("種別 / Type: " + request.variant().ja() + " (" + request.variant().en() + ")");
        lines.add("記載事項 / Details: " + (request.details().isEmpty() ? "なし (none)"
                : request.details().stream().map(Choice::toString).collect(Collectors.joining("、"))));
        lines.add("氏名 / Name: " + holder.name());
        lines.add("住所 / Address: " + holder.address());
        lines.add("発行市区町村 / Issued by: " + municipality.ja() + " (" + municipality.en() + ")");
        lines.add("発行日 / Date of issue: " + issuedOn.getYear() + "年" + issuedOn.getMonthValue() + "月"
                + issuedOn.getDayOfMonth() + "日 (" + issuedOn + ")");
        lines.add("部数 / Copies: " + request.copies() + "部");
        lines.add("手数料 / Fee: " + request.fee() + "円 (" + kind.storeFee() + "円 × " + request.copies() + ")");
        return List.copyOf(lines);
    }

    public CertificateRequest request() {
        return request;
    }

    public HolderData holder() {
        return holder;
    }

    public Municipality municipality() {
        return municipality;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    /** The lines every page carries (the title and the code come on top). */
    public List<String> content() {
        return content;
    }

    public String verificationCode() {
        return verificationCode;
    }

    /** The PDF: one page per copy. Rendered on first use. */
    public synchronized byte[] pdf() {
        if (pdf == null) {
            pdf = CertificatePdf.render(this);
        }
        return pdf.clone();
    }

    /** The first page as a PNG image, e.g. for a kiosk's print preview or documentation. */
    public byte[] firstPagePng(float dpi) {
        return CertificatePdf.firstPagePng(pdf(), dpi);
    }

    /** A file name for it: kind, date, code. */
    public String fileName() {
        return request.kind().id() + "-" + issuedOn + "-" + verificationCode + ".pdf";
    }
}

package dev.mynasim.console;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.CertificateState;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.model.BerTlv;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.simulator.issuer.ApplicationImage.PinImage;
import dev.mynasim.simulator.state.CardState;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * What the page may see of the card, read from the simulator's own view of it (its exported state),
 * never by sending a PIN: the tries of every PIN (never a value), the two JPKI certificates with
 * their CA status, and the card face's name, address and photo images. Withheld on purpose: the
 * My Number and its image, the security code image and the birth date (照合番号A/B and the
 * surface AP's birth-date key are made of them).
 */
public final class CardSnapshot {

    /** The card-face images the page may load, by the name in its URL, and their tag in surface EF 0002. */
    public static final Map<String, Integer> FACE_IMAGES = Map.of("name", 0xDF25, "address", 0xDF26, "photo", 0xDF27);

    public record PinView(String label, String application, String fid, int maxTries, int triesLeft, String status) {
    }

    public record CertificateView(String purpose, boolean present, String subject, String serial, String notBefore,
            String notAfter, String validity, String caStatus) {
    }

    public record FaceView(String version, String sex, String expiry, List<String> images, String withheld) {
    }

    private final CardState state;

    private CardSnapshot(CardState state) {
        this.state = state;
    }

    /** The snapshot of an exported card state ({@code VirtualCard.exportState()}). */
    public static CardSnapshot of(byte[] exportedState) {
        return new CardSnapshot(CardState.decode(exportedState));
    }

    /** All the card's PINs, in {@link Pin} order, tries and locked state only. */
    public List<PinView> pins() {
        List<PinView> out = new ArrayList<>();
        for (Pin pin : Pin.values()) {
            Optional<PinImage> saved = state.pins(pin.application().aid()).stream().filter(p -> p.fid() == pin.fid()).findFirst();
            int limit = saved.map(PinImage::maxTries).orElse(pin.maxTries());
            int left = saved.map(PinImage::triesLeft).orElse(-1);
            String status = saved.isEmpty() ? "absent"
                    : pin.maxTries() == 0 ? "blocked from issuance"
                    : left == 0 ? "locked" : "unlocked";
            out.add(new PinView(pin.label(), pin.application().name(), String.format("%04X", pin.fid()), limit, left, status));
        }
        return out;
    }

    /** The user-proof and signature certificates as the card holds them, with their status at the CA. */
    public List<CertificateView> certificates(TestCertificateAuthority ca, LocalDate today) {
        List<CertificateView> out = new ArrayList<>();
        for (KeyRef key : KeyRef.values()) {
            String purpose = key == KeyRef.AUTH ? "user-proof" : "signature";
            X509Certificate certificate = certificate(key.certificateFid());
            if (certificate == null) {
                out.add(new CertificateView(purpose, false, null, null, null, null, "not on the card", null));
                continue;
            }
            LocalDate notBefore = LocalDate.ofInstant(certificate.getNotBefore().toInstant(), CardRules.JST);
            LocalDate notAfter = LocalDate.ofInstant(certificate.getNotAfter().toInstant(), CardRules.JST);
            String validity = today.isBefore(notBefore) ? "not yet valid"
                    : today.isAfter(notAfter) ? "expired" : "valid today (" + today + ")";
            out.add(new CertificateView(purpose, true,
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString(),
                    certificate.getSerialNumber().toString(16), notBefore.toString(), notAfter.toString(), validity,
                    caStatus(ca, certificate)));
        }
        return out;
    }

    static String caStatus(TestCertificateAuthority ca, X509Certificate certificate) {
        Optional<CertificateRecord> record;
        try {
            record = ca.find(certificate);
        } catch (IllegalArgumentException notOurs) {
            return "not issued by the test CA";
        }
        if (record.isEmpty()) {
            return "unknown to the CA";
        }
        CertificateRecord r = record.get();
        String since = r.stateSince() == null ? "" : " since " + r.stateSince();
        if (r.state() == CertificateState.GOOD) {
            return "good";
        }
        if (r.state() == CertificateState.ON_HOLD) {
            return "on hold (suspended)" + since;
        }
        return "revoked (" + r.reason().rfcName() + ")" + since;
    }

    private X509Certificate certificate(int fid) {
        byte[] content = file(CardApplication.JPKI, fid);
        if (content == null || content.length < 4 || content[0] != 0x30) {
            return null;
        }
        try {
            byte[] der = Arrays.copyOf(content, BerTlv.at(content, 0).totalLength());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    /** The card face's printable facts and which images the page may load. */
    public FaceView face() {
        Map<Integer, byte[]> fields = faceFields();
        if (fields.isEmpty()) {
            return new FaceView("none", null, null, List.of(), null);
        }
        byte[] sex = fields.get(0xDF23);
        byte[] expiry = fields.get(0xDF29);
        List<String> images = FACE_IMAGES.entrySet().stream().filter(e -> fields.containsKey(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        return new FaceView(version(fields), sex == null ? null : sexName(ascii(sex)), expiry == null ? null : date(ascii(expiry)),
                images, "birth date, security code and My Number (they make up the verification codes)");
    }

    /** One card-face image (PNG or JPEG bytes) by its name in {@link #FACE_IMAGES}; empty for any other name. */
    public Optional<byte[]> faceImage(String name) {
        Integer tag = FACE_IMAGES.get(name);
        return tag == null ? Optional.empty() : Optional.ofNullable(faceFields().get(tag));
    }

    private Map<Integer, byte[]> faceFields() {
        byte[] content = file(CardApplication.SURFACE, CardFile.CARD_FACE.fid());
        if (content == null || content.length < 4) {
            return Map.of();
        }
        try {
            BerTlv.Element face = BerTlv.at(content, 0);
            return new LinkedHashMap<>(BerTlv.children(face.value()));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private byte[] file(CardApplication application, int fid) {
        return state.files(application.aid()).stream().filter(f -> f.fid() == fid).findFirst()
                .map(CardState.FileImage::content).orElse(null);
    }

    private static String version(Map<Integer, byte[]> fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int tag : FACE_IMAGES.values()) {
                byte[] value = fields.get(tag);
                if (value != null) {
                    digest.update(value);
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ascii(byte[] value) {
        return new String(value, StandardCharsets.US_ASCII).trim();
    }

    /** ISO 5218 codes, as the card face writes them. */
    private static String sexName(String code) {
        return switch (code) {
            case "1" -> "男 (male)";
            case "2" -> "女 (female)";
            case "9" -> "not applicable";
            default -> "unknown (" + code + ")";
        };
    }

    private static String date(String yyyymmdd) {
        try {
            return LocalDate.parse(yyyymmdd, java.time.format.DateTimeFormatter.BASIC_ISO_DATE).toString();
        } catch (DateTimeParseException e) {
            return yyyymmdd;
        }
    }
}

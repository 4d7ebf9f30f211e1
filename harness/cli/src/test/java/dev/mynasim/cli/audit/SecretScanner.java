package dev.mynasim.cli.audit;

import dev.mynasim.fixtures.Persona;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches files for persona secrets as they would appear if leaked, and reports the artifact and the
 * kind of secret, never the secret. The rule (also in {@code SecretsAuditTest}):
 *
 * <ul>
 *   <li>Every secret, in any text: the hex of its ASCII bytes as an APDU data field, spaced
 *       ({@code 04 31 32 33 34}) or plain ({@code 0431323334}), case-insensitive, with its length byte
 *       (Lc) in front; and quoted: between {@code "}, {@code '}, {@code \"} or <code>&amp;quot;</code> (step
 *       arguments, JSON string values, HTML).</li>
 *   <li>Secrets of 6 characters or more (signature passwords, the My Number, 照合番号B) also anywhere as
 *       plain text, and as hex without a length byte in front (in a response, say).</li>
 *   <li>4-digit PINs only in the two contexts of the first point: as bare digits or bare hex they
 *       match dates, serials and ASCII data of the card (hikari's PIN is her birthday).</li>
 *   <li>Base64 runs of 16 characters or more (Cucumber attachments in cucumber.html and
 *       cucumber.ndjson) are decoded and searched by the same rules, recursively once.</li>
 * </ul>
 */
public final class SecretScanner {

    /** One secret: its kind and whose it is (printable), and its value (never printed). */
    public record Secret(String kind, String personaId, String value) {
        @Override
        public String toString() {
            return kind + " of " + personaId;
        }
    }

    /** A leak: where and what kind, without the value. */
    public record Finding(String artifact, String secret, String form) {
        @Override
        public String toString() {
            return artifact + ": " + secret + " (" + form + ")";
        }
    }

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
    private static final int LONG = 6;

    private final List<Secret> secrets;
    private int decodedAttachments;

    public SecretScanner(List<Secret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Every persona's PINs, signature password, My Number and 照合番号B. */
    public static List<Secret> of(List<Persona> personas) {
        List<Secret> out = new ArrayList<>();
        for (Persona p : personas) {
            out.add(new Secret("user-proof PIN", p.id(), p.pins().auth()));
            p.pins().sign().ifPresent(sign -> out.add(new Secret("signature password", p.id(), sign)));
            out.add(new Secret("card-info-input (text) PIN", p.id(), p.pins().text()));
            out.add(new Secret("住基 PIN", p.id(), p.pins().juki()));
            out.add(new Secret("My Number", p.id(), p.myNumber()));
            out.add(new Secret("照合番号B", p.id(), p.verificationCodeB()));
        }
        return out;
    }

    /** Base64 runs decoded so far (to prove the attachments were looked into). */
    int decodedAttachments() {
        return decodedAttachments;
    }

    /** Scans every regular file under {@code root}; returns the artifacts scanned through {@code scanned}. */
    List<Finding> scanTree(Path root, List<Path> scanned) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                scanned.add(file);
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                findings.addAll(scan(root.relativize(file).toString(), text, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /** The findings in one artifact's text. */
    public List<Finding> scan(String artifact, String text, boolean decodeBase64) {
        Set<Finding> findings = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        String compact = lower.replace(" ", "");
        for (Secret secret : secrets) {
            String value = secret.value();
            if (value == null || value.isEmpty()) {
                continue;
            }
            byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
            String hex = HexFormat.of().formatHex(ascii);
            String lc = String.format("%02x", ascii.length);
            boolean apdu = spaced(lower, lc + hex) || compact.contains(lc + hex);
            if (apdu) {
                findings.add(new Finding(artifact, secret.toString(), "hex APDU data"));
            }
            if (Pattern.compile("(\"|'|\\\\\"|&quot;)" + Pattern.quote(value) + "(\"|'|\\\\\"|&quot;)").matcher(text).find()) {
                findings.add(new Finding(artifact, secret.toString(), "quoted text or JSON value"));
            }
            if (value.length() >= LONG) {
                if (text.contains(value)) {
                    findings.add(new Finding(artifact, secret.toString(), "text"));
                }
                if (!apdu && (spaced(lower, hex) || compact.contains(hex))) {
                    findings.add(new Finding(artifact, secret.toString(), "hex"));
                }
            }
        }
        if (decodeBase64) {
            Matcher m = BASE64.matcher(text);
            while (m.find()) {
                byte[] decoded;
                try {
                    decoded = Base64.getDecoder().decode(m.group());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                decodedAttachments++;
                for (Finding f : scan(artifact, new String(decoded, StandardCharsets.ISO_8859_1), false)) {
                    findings.add(new Finding(f.artifact(), f.secret(), f.form() + " in a base64 attachment"));
                }
            }
        }
        return new ArrayList<>(findings);
    }

    /** Whether {@code text} (lower case) holds the hex digits as space-separated bytes. */
    private static boolean spaced(String text, String hexDigits) {
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < hexDigits.length(); i += 2) {
            if (i > 0) {
                spaced.append(' ');
            }
            spaced.append(hexDigits, i, i + 2);
        }
        return text.contains(spaced);
    }
}

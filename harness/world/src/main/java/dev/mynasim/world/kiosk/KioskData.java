package dev.mynasim.world.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the kiosk knows that is not code: the certificates and their fees, the service hours,
 * the municipalities and the holders' permanent domiciles, read from the YAML files in
 * fixtures/kiosk. Every value is checked on load; an error names the file and the field.
 */
public final class KioskData {

    public static final String CERTIFICATES_FILE = "certificates.yaml";
    public static final String HOURS_FILE = "hours.yaml";
    public static final String MUNICIPALITIES_FILE = "municipalities.yaml";
    public static final String HOLDERS_FILE = "holders.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{5}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final Map<String, CertificateKind> certificates;
    private final int maxCopies;
    private final ServiceHours hours;
    private final Map<String, Municipality> municipalities;
    private final Map<String, String> permanentDomiciles;

    private KioskData(Map<String, CertificateKind> certificates, int maxCopies, ServiceHours hours,
            Map<String, Municipality> municipalities, Map<String, String> permanentDomiciles) {
        this.certificates = certificates;
        this.maxCopies = maxCopies;
        this.hours = hours;
        this.municipalities = municipalities;
        this.permanentDomiciles = permanentDomiciles;
    }

    /** The checkout's fixtures/kiosk (under {@code mynasim.home}, default the working directory). */
    public static KioskData load() {
        return load(Path.of(System.getProperty("mynasim.home", "."), "fixtures", "kiosk"));
    }

    public static KioskData load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new KioskDataException("the kiosk's data folder " + directory.toAbsolutePath()
                    + " does not exist (it holds " + CERTIFICATES_FILE + ", " + HOURS_FILE + ", " + MUNICIPALITIES_FILE + ")");
        }
        Map<String, Municipality> municipalities = readMunicipalities(new Source(directory.resolve(MUNICIPALITIES_FILE)));
        Source certificateSource = new Source(directory.resolve(CERTIFICATES_FILE));
        Map<String, CertificateKind> certificates = readCertificates(certificateSource);
        int maxCopies = certificateSource.positiveInt(certificateSource.root(), "maxCopies");
        ServiceHours hours = readHours(new Source(directory.resolve(HOURS_FILE)));
        Path holders = directory.resolve(HOLDERS_FILE);
        Map<String, String> domiciles = Files.exists(holders) ? readHolders(new Source(holders), municipalities) : Map.of();
        return new KioskData(certificates, maxCopies, hours, municipalities, domiciles);
    }

    private static Map<String, CertificateKind> readCertificates(Source source) {
        Map<String, CertificateKind> kinds = new LinkedHashMap<>();
        JsonNode list = source.list(source.root(), "certificates");
        for (int i = 0; i < list.size(); i++) {
            String at = "certificates[" + i + "]";
            JsonNode node = list.get(i);
            String id = source.text(node, at, "id");
            if (!ID.matcher(id).matches()) {
                throw source.error(at + ".id", "must be lower-case letters, digits and hyphens, got '" + id + "'");
            }
            if (kinds.containsKey(id)) {
                throw source.error(at + ".id", "'" + id + "' appears twice");
            }
            int storeFee = source.positiveInt(node, at, "storeFee");
            int officeFee = source.positiveInt(node, at, "officeFee");
            if (!source.node(node, at, "familyRegister").isBoolean()) {
                throw source.error(at + ".familyRegister", "must be true or false");
            }
            List<Choice> variants = source.choices(node, at, "variants");
            if (variants.isEmpty()) {
                throw source.error(at + ".variants", "needs at least one type for step 9");
            }
            kinds.put(id, new CertificateKind(id, source.text(node, at, "ja"), source.text(node, at, "en"), storeFee, officeFee,
                    node.get("familyRegister").booleanValue(), variants, source.choices(node, at, "details")));
        }
        if (kinds.isEmpty()) {
            throw source.error("certificates", "lists no certificate");
        }
        return kinds;
    }

    private static ServiceHours readHours(Source source) {
        JsonNode root = source.root();
        LocalTime opens = source.time(root, "opens");
        LocalTime closes = source.time(root, "closes");
        if (!opens.isBefore(closes)) {
            throw source.error("closes", "must be after opens (" + opens + "), got " + closes);
        }
        return new ServiceHours(opens, closes, source.monthDay(root, "closedFrom"), source.monthDay(root, "closedUntil"));
    }

    private static Map<String, Municipality> readMunicipalities(Source source) {
        Map<String, Municipality> byCode = new LinkedHashMap<>();
        JsonNode list = source.list(source.root(), "municipalities");
        for (int i = 0; i < list.size(); i++) {
            String at = "municipalities[" + i + "]";
            String code = source.municipalityCode(list.get(i), at, "code");
            if (byCode.containsKey(code)) {
                throw source.error(at + ".code", "'" + code + "' appears twice");
            }
            byCode.put(code, new Municipality(code, source.text(list.get(i), at, "ja"), source.text(list.get(i), at, "en")));
        }
        return byCode;
    }

    private static Map<String, String> readHolders(Source source, Map<String, Municipality> municipalities) {
        Map<String, String> domiciles = new LinkedHashMap<>();
        JsonNode holders = source.node(source.root(), "", "holders");
        if (!holders.isObject()) {
            throw source.error("holders", "must map persona ids to their data");
        }
        holders.properties().forEach(entry -> {
            String at = "holders." + entry.getKey();
            String code = source.municipalityCode(entry.getValue(), at, "permanentDomicile");
            if (!municipalities.containsKey(code)) {
                throw source.error(at + ".permanentDomicile", "municipality " + code + " is not in " + MUNICIPALITIES_FILE);
            }
            domiciles.put(entry.getKey(), code);
        });
        return domiciles;
    }

    public List<CertificateKind> certificates() {
        return List.copyOf(certificates.values());
    }

    /** The certificate with this id, or a clear error listing the ids there are. */
    public CertificateKind certificate(String id) {
        CertificateKind kind = certificates.get(id);
        if (kind == null) {
            throw new IllegalArgumentException("no certificate '" + id + "' at the kiosk; there are " + certificates.keySet());
        }
        return kind;
    }

    /** The certificate by its Japanese or English name or id, as a scenario writes it. */
    public CertificateKind certificateNamed(String name) {
        for (CertificateKind kind : certificates.values()) {
            if (kind.id().equals(name) || kind.ja().equals(name) || kind.en().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no certificate named '" + name + "' at the kiosk; there are "
                + certificates.values().stream().map(CertificateKind::ja).toList());
    }

    public int maxCopies() {
        return maxCopies;
    }

    public ServiceHours hours() {
        return hours;
    }

    public List<Municipality> municipalities() {
        return List.copyOf(municipalities.values());
    }

    public Municipality municipality(String code) {
        Municipality municipality = municipalities.get(code);
        if (municipality == null) {
            throw new IllegalArgumentException("municipality " + code + " does not issue certificates at this kiosk (not in "
                    + MUNICIPALITIES_FILE + "); there are " + municipalities.keySet());
        }
        return municipality;
    }

    /** The permanent domicile's municipality for a persona, when holders.yaml names one. */
    public Optional<String> permanentDomicileOf(String personaId) {
        return Optional.ofNullable(permanentDomiciles.get(personaId));
    }

    /** One YAML file being read: every error names it and the field. */
    private static final class Source {
        private final Path file;
        private JsonNode root;

        Source(Path file) {
            this.file = file;
        }

        JsonNode root() {
            if (root == null) {
                if (!Files.exists(file)) {
                    throw new KioskDataException(file + ": missing (the kiosk needs it)");
                }
                try {
                    root = YAML.readTree(file.toFile());
                } catch (IOException e) {
                    throw new KioskDataException(file + ": not valid YAML: " + e.getMessage(), e);
                }
                if (root == null || !root.isObject()) {
                    throw new KioskDataException(file + ": must be a YAML mapping");
                }
            }
            return root;
        }

        KioskDataException error(String field, String problem) {
            return new KioskDataException(file + ": " + field + ": " + problem);
        }

        private static String path(String at, String field) {
            return at.isEmpty() ? field : at + "." + field;
        }

        JsonNode node(JsonNode parent, String at, String field) {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull()) {
                throw error(path(at, field), "missing");
            }
            return value;
        }

        String text(JsonNode parent, String at, String field) {
            JsonNode value = node(parent, at, field);
            if (!value.isTextual() || value.textValue().isBlank()) {
                throw error(path(at, field), "must be a non-empty text");
            }
            return value.textValue();
        }

        int positiveInt(JsonNode parent, String field) {
            return positiveInt(parent, "", field);
        }

        int positiveInt(JsonNode parent, String at, String field) {
            JsonNode value = node(parent, at, field);
            if (!value.isInt() || value.intValue() <= 0) {
                throw error(path(at, field), "must be a positive whole number, got " + value);
            }
            return value.intValue();
        }

        JsonNode list(JsonNode parent, String field) {
            JsonNode value = node(parent, "", field);
            if (!value.isArray()) {
                throw error(field, "must be a list");
            }
            return value;
        }

        List<Choice> choices(JsonNode parent, String at, String field) {
            JsonNode value = node(parent, at, field);
            if (!value.isArray()) {
                throw error(path(at, field), "must be a list of { ja: ..., en: ... }");
            }
            List<Choice> choices = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                String item = path(at, field) + "[" + i + "]";
                Choice choice = new Choice(text(value.get(i), item, "ja"), text(value.get(i), item, "en"));
                if (!seen.add(choice.ja())) {
                    throw error(item + ".ja", "'" + choice.ja() + "' appears twice");
                }
                choices.add(choice);
            }
            return choices;
        }

        String municipalityCode(JsonNode parent, String at, String field) {
            String code = text(parent, at, field);
            if (!MUNICIPALITY_CODE.matcher(code).matches()) {
                throw error(path(at, field), "must be a 5-digit municipality code in quotes, got '" + code + "'");
            }
            return code;
        }

        LocalTime time(JsonNode parent, String field) {
            String text = text(parent, "", field);
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw error(field, "must be a time HH:MM in quotes, got '" + text + "'");
            }
        }

        MonthDay monthDay(JsonNode parent, String field) {
            String text = text(parent, "", field);
            try {
                return MonthDay.parse(text, MONTH_DAY);
            } catch (DateTimeParseException e) {
                throw error(field, "must be a month-day MM-DD in quotes, got '" + text + "'");
            }
        }
    }
}

package dev.mynasim.cli;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.fault.LatencyProfile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The kinds of value the CLI's options take, one converter each, so every option says what it accepts
 * in one line when given something else: picocli prints "Invalid value for option '--x': " and the
 * converter's sentence, and the command exits 2. Counts and durations are positive and bounded (a
 * bound keeps arithmetic on them from overflowing); dates are real calendar days; paths are checked
 * for what they must be (a file, a folder, a new file in an existing folder) before anything runs.
 */
final class OptionValues {

    private OptionValues() {
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    private static long whole(String value, long min, long max, String what) {
        String accepted = "a whole number from " + String.format(Locale.ROOT, "%,d", min) + " to " + String.format(Locale.ROOT, "%,d", max)
                + (what.isEmpty() ? "" : " (" + what + ")");
        long n;
        try {
            if (!value.matches("[+-]?[0-9]{1,19}")) {
                throw new NumberFormatException();
            }
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(quoted(value) + " is not " + accepted);
        }
        if (n < min || n > max) {
            throw new TypeConversionException(quoted(value) + " is out of range: " + accepted);
        }
        return n;
    }

    private static double positiveDecimal(String value, double max, String unit) {
        String accepted = "a number of " + unit + " above 0 and at most " + String.format(Locale.ROOT, "%,.0f", max);
        double d;
        try {
            if (!value.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
                throw new NumberFormatException();
            }
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(quoted(value) + " is not " + accepted);
        }
        if (!(d > 0) || d > max) {
            throw new TypeConversionException(quoted(value) + " is out of range: " + accepted);
        }
        return d;
    }

    /** A whole number in a range, for an int option (each kind below is one range). */
    private abstract static class IntRange implements ITypeConverter<Integer> {
        private final long min;
        private final long max;
        private final String what;

        IntRange(long min, long max, String what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        @Override
        public Integer convert(String value) {
            return (int) whole(value, min, max, what);
        }
    }

    /** A count of things to do: 1 to 2,147,483,647. */
    static final class Count extends IntRange {
        Count() {
            super(1, Integer.MAX_VALUE, "");
        }
    }

    /** Threads: 1 to 1,024. */
    static final class Threads extends IntRange {
        Threads() {
            super(1, 1024, "threads");
        }
    }

    /** A number of virtual cards held at once: 1 to 256. */
    static final class Cards extends IntRange {
        Cards() {
            super(1, 256, "cards");
        }
    }

    /** A TCP port: 1 to 65,535. */
    static final class Port extends IntRange {
        Port() {
            super(1, 65_535, "a TCP port");
        }
    }

    /** A port to listen on: 0 (any free port) to 65,535. */
    static final class ListenPort extends IntRange {
        ListenPort() {
            super(0, 65_535, "a TCP port (0: any free port)");
        }
    }

    /** A vpcd slot: 0 or 1. */
    static final class Slot extends IntRange {
        Slot() {
            super(0, 1, "the vpcd slot");
        }
    }

    /** Whole seconds: 1 to 3,600. */
    static final class WholeSeconds extends IntRange {
        WholeSeconds() {
            super(1, 3600, "seconds");
        }
    }

    /** Command data bytes: 0 to 65,535 (an extended Lc). */
    static final class DataBytes extends IntRange {
        DataBytes() {
            super(0, 65_535, "bytes of command data");
        }
    }

    /** A count of APDUs for long runs: 1 to 10^12. */
    static final class LongCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, 1, 1_000_000_000_000L, "");
        }
    }

    /** A seed: any 64-bit whole number. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, Long.MIN_VALUE, Long.MAX_VALUE, "");
        }
    }

    /** Seconds, with decimals: above 0, at most an hour. */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return positiveDecimal(value, 3600, "seconds");
        }
    }

    /** Minutes, with decimals: above 0, at most a week. */
    static final class Minutes implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return positiveDecimal(value, 7 * 24 * 60, "minutes");
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DAY = LocalDate.of(2999, 12, 31);

    /** A calendar day YYYY-MM-DD from 1900-01-01 to 2999-12-31 (a certificate must be able to carry it). */
    static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            String accepted = "a day YYYY-MM-DD from " + EARLIEST_DAY + " to " + LATEST_DAY;
            LocalDate day;
            try {
                day = LocalDate.parse(value, DAY);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(quoted(value) + " is not " + accepted);
            }
            if (day.isBefore(EARLIEST_DAY) || day.isAfter(LATEST_DAY)) {
                throw new TypeConversionException(quoted(value) + " is out of range: " + accepted);
            }
            return day;
        }
    }

    /** A time of day HH:MM (24-hour). */
    static final class TimeOfDay implements ITypeConverter<LocalTime> {
        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

        @Override
        public LocalTime convert(String value) {
            try {
                return LocalTime.parse(value, HH_MM);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(quoted(value) + " is not a time of day HH:MM from 00:00 to 23:59");
            }
        }
    }

    /** A persona of the fixtures, by id. */
    static final class PersonaId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            var ids = Fixtures.get().personas().ids();
            if (!ids.contains(value)) {
                throw new TypeConversionException(quoted(value) + " is not a persona; known: " + String.join(", ", ids));
            }
            return value;
        }
    }

    /** Text that must say something: not empty, not blank, no control characters. */
    static final class Text implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("it is empty; give some text");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new TypeConversionException("it holds control characters (a line break or tab?); give one line of text");
            }
            return value;
        }
    }

    /** A host name or address: printable ASCII. */
    static final class Host implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
                throw new TypeConversionException(quoted(value) + " is not a host name or IP address (ASCII letters, digits, '.', '-', ':')");
            }
            return value;
        }
    }

    /** A value its own parser checks (card profile, layout, latency, shard, language): the parser's refusal is the usage error. */
    private abstract static class Checked<T> implements ITypeConverter<T> {
        private final java.util.function.Function<String, T> parse;

        Checked(java.util.function.Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A card profile name. */
    static final class ProfileName extends Checked<String> {
        ProfileName() {
            super(v -> {
                CardProfile.named(v);
                return v;
            });
        }
    }

    /** A message language: en or ja. */
    static final class Lang extends Checked<Language> {
        Lang() {
            super(Language::of);
        }
    }

    /** A shard of the suite: I/N with 1 <= I <= N. */
    static final class ShardOf extends Checked<String> {
        ShardOf() {
            super(v -> {
                dev.mynasim.cli.shard.Shard.parse(v);
                return v;
            });
        }
    }

    /** A card layout word (short-form, long-form). */
    static final class LayoutName extends Checked<String> {
        LayoutName() {
            super(v -> {
                dev.mynasim.fixtures.CardLayout.parse(v);
                return v;
            });
        }
    }

    /** A latency profile. */
    static final class Latency extends Checked<String> {
        Latency() {
            super(v -> {
                LatencyProfile.parse(v);
                return v;
            });
        }
    }

    private static Path path(String value, String what) {
        if (value.isBlank()) {
            throw new TypeConversionException("it is empty; give " + what);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException(quoted(value) + " is not " + what + " (" + e.getReason() + ")");
        }
    }

    /** A file that exists (to read). */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value, "a file");
            if (Files.isDirectory(p)) {
                throw new TypeConversionException(quoted(value) + " is a folder; give a file");
            }
            if (!Files.isRegularFile(p)) {
                throw new TypeConversionException(quoted(value) + ": no such file");
            }
            return p;
        }
    }

    /** A file or folder that exists (feature files). */
    static final class ExistingFileOrFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value, "a file or folder");
            if (!Files.exists(p)) {
                throw new TypeConversionException(quoted(value) + ": no such file or folder");
            }
            return p;
        }
    }

    /** A file to write: not a folder, in a folder that exists. */
    static final class NewFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value, "a file to write");
            if (Files.isDirectory(p)) {
                throw new TypeConversionException(quoted(value) + " is a folder; give a file name");
            }
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new TypeConversionException(quoted(value) + ": its folder " + parent + " does not exist");
            }
            if (parent != null && !Files.isWritable(parent)) {
                throw new TypeConversionException(quoted(value) + ": its folder " + parent + " is not writable");
            }
            return p;
        }
    }

    /** A state file, created if missing: not a folder, and its folder not a file. */
    static final class StateFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value, "a state file");
            if (Files.isDirectory(p)) {
                throw new TypeConversionException(quoted(value) + " is a folder; give a file name");
            }
            for (Path up = p.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
                if (Files.exists(up) && !Files.isDirectory(up)) {
                    throw new TypeConversionException(quoted(value) + ": " + up + " is a file, not a folder");
                }
            }
            return p;
        }
    }

    /** A folder, created if missing: not a file, and no file on its way. */
    static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = path(value, "a folder");
            for (Path up = p.toAbsolutePath(); up != null; up = up.getParent()) {
                if (Files.exists(up) && !Files.isDirectory(up)) {
                    throw new TypeConversionException(quoted(value) + ": " + up + " is a file, not a folder");
                }
            }
            return p;
        }
    }

    /** Which root of the test PKI: auth or sign. */
    static final class Purpose implements ITypeConverter<dev.mynasim.world.issuer.CertificatePurpose> {
        @Override
        public dev.mynasim.world.issuer.CertificatePurpose convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "auth" -> dev.mynasim.world.issuer.CertificatePurpose.AUTH;
                case "sign" -> dev.mynasim.world.issuer.CertificatePurpose.SIGN;
                default -> throw new TypeConversionException(quoted(value) + " is not one of auth, sign");
            };
        }
    }

    /** Which PIN the office resets. */
    static final class PinWord implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!OfficeCommand.PINS.containsKey(value)) {
                throw new TypeConversionException(quoted(value) + " is not one of " + String.join(", ", new java.util.TreeSet<>(OfficeCommand.PINS.keySet())));
            }
            return value;
        }
    }

    /** A PIN or password value: ASCII letters and digits, 4 to 16 (the value is never echoed). */
    static final class PinValue implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("[A-Za-z0-9]{4,16}")) {
                throw new TypeConversionException("the value (not shown) is not 4 to 16 ASCII letters and digits");
            }
            return value;
        }
    }
}

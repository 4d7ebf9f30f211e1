package dev.mynasim.cli.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The known step phrasing closest to a step nobody defined, for the hint after a run: the step's
 * quoted strings and numbers are set aside (a phrasing's parameters stand for them), and phrasings
 * are compared by edit distance over what is left, in the step's own script (Japanese with Japanese).
 */
public final class NearestStep {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\w*}");
    private static final Pattern LITERAL = Pattern.compile("(?<string>\"[^\"]*\")|(?<date>\\d{4}-\\d{2}-\\d{2})|(?<int>-?\\d+)");
    private static final Pattern QUOTED_OR_NUMBER = Pattern.compile("\"[^\"]*\"|'[^']*'|-?\\d+");
    /** Cucumber-expression syntax: optional text and alternatives, which should not count as differences. */
    private static final Pattern EXPRESSION_SYNTAX = Pattern.compile("[()/\\\\]");

    private NearestStep() {
    }

    public static Optional<String> among(String stepText, Collection<String> phrasings) {
        boolean japanese = isJapanese(stepText);
        String step = comparable(QUOTED_OR_NUMBER.matcher(stepText).replaceAll(""));
        return phrasings.stream()
                .filter(p -> isJapanese(p) == japanese)
                .min(Comparator.comparingInt((String p) -> distance(step, comparable(
                        EXPRESSION_SYNTAX.matcher(PARAMETER.matcher(p).replaceAll("")).replaceAll(""))))
                        .thenComparing(p -> p));
    }

    /**
     * The step text as a Cucumber expression in the vocabulary's terms: quoted text becomes
     * {@code {string}}, an ISO date {@code {date}}, a number {@code {int}}, and the longest word of a
     * parameter type at each place {@code {name}}, for the types the nearest phrasing's method takes
     * (any other would not fit that method).
     * Japanese has no spaces between words, so Cucumber's own snippets cannot find these.
     */
    public static String asExpression(String stepText, Map<String, ? extends Collection<String>> words, List<String> preferred) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < stepText.length()) {
            Matcher literal = LITERAL.matcher(stepText).region(i, stepText.length());
            if (literal.lookingAt()) {
                String type = literal.group("string") != null ? "string" : literal.group("date") != null ? "date" : "int";
                if (preferred.contains(type)) {
                    out.append('{').append(type).append('}');
                    i = literal.end();
                    continue;
                }
            }
            String bestName = null;
            String bestWord = "";
            for (Map.Entry<String, ? extends Collection<String>> type : words.entrySet()) {
                for (String word : type.getValue()) {
                    if (preferred.contains(type.getKey()) && !word.isEmpty() && stepText.startsWith(word, i)
                            && word.length() > bestWord.length()) {
                        bestName = type.getKey();
                        bestWord = word;
                    }
                }
            }
            if (bestName != null) {
                out.append('{').append(bestName).append('}');
                i += bestWord.length();
            } else {
                char c = stepText.charAt(i++);
                out.append("(){}/\\".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** The parameter names of a phrasing, in order. */
    public static List<String> parameters(String phrasing) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(phrasing);
        while (matcher.find()) {
            names.add(matcher.group().substring(1, matcher.group().length() - 1));
        }
        return names;
    }

    static boolean isJapanese(String text) {
        return text.codePoints().anyMatch(c -> (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF));
    }

    private static String comparable(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Levenshtein distance over code points. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}

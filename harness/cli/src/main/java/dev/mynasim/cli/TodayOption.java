package dev.mynasim.cli;

import dev.mynasim.fixtures.CardRules;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --today YYYY-MM-DD}: the date the office, the CA or the kiosk acts on. */
final class TodayOption {

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date to act on. Default: today in Japan.")
    LocalDate date;

    LocalDate today() {
        return date != null ? date : LocalDate.now(CardRules.JST);
    }
}

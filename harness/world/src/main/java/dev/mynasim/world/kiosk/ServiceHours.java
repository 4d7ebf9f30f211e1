package dev.mynasim.world.kiosk;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;

/**
 * When the kiosk issues certificates: from {@code opens} (inclusive) to {@code closes} (exclusive)
 * every day except the year-end closure {@code closedFrom}..{@code closedUntil} (both closed; the
 * period may run over the new year, as the December 29 – January 3 closure of docs/card-reference.md §12.3 does).
 */
public record ServiceHours(LocalTime opens, LocalTime closes, MonthDay closedFrom, MonthDay closedUntil) {

    public boolean inClosedPeriod(LocalDateTime at) {
        MonthDay day = MonthDay.from(at);
        boolean overNewYear = closedUntil.isBefore(closedFrom);
        return overNewYear
                ? !day.isBefore(closedFrom) || !day.isAfter(closedUntil)
                : !day.isBefore(closedFrom) && !day.isAfter(closedUntil);
    }

    public boolean inOpeningHours(LocalDateTime at) {
        LocalTime time = at.toLocalTime();
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    public boolean isOpen(LocalDateTime at) {
        return !inClosedPeriod(at) && inOpeningHours(at);
    }
}

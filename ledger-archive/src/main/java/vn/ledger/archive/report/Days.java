package vn.ledger.archive.report;

import vn.ledger.core.shared.Deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * Dates as the report prints them: a day as {@code dd/MM/yyyy}, a recorded instant as {@code dd/MM/yyyy HH:mm} in
 * Vietnam's legal time. Written by hand for the years 1000 to 9999 (a line per step prints both, and the formatters
 * were a noticeable part of laying a step out); other years by the formatters, which these give the same text as.
 */
final class Days {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(Deadline.LEGAL_ZONE);
    private static final ZoneRules VIETNAM = Deadline.LEGAL_ZONE.getRules();

    private Days() {
    }

    static String day(LocalDate d) {
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return DAY.format(d);
        }
        char[] out = new char[10];
        date(out, d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        return new String(out);
    }

    static String recorded(Instant at) {
        ZoneOffset offset = VIETNAM.getOffset(at);
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, offset);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return RECORDED.format(at);
        }
        char[] out = new char[16];
        date(out, t.getDayOfMonth(), t.getMonthValue(), t.getYear());
        out[10] = ' ';
        two(out, 11, t.getHour());
        out[13] = ':';
        two(out, 14, t.getMinute());
        return new String(out);
    }

    private static void date(char[] out, int day, int month, int year) {
        two(out, 0, day);
        out[2] = '/';
        two(out, 3, month);
        out[5] = '/';
        two(out, 6, year / 100);
        two(out, 8, year % 100);
    }

    private static void two(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }
}

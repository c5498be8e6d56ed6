package vn.ledger.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it (ISO-8601 in UTC, the fraction in groups of three digits, none
 * when whole), composed by hand for the years 1970 to 9999: the leaf hash covers each event's timestamp as that text,
 * and the formatter was a tenth of the log pass. Other instants are left to {@code toString}.
 */
final class Timestamps {

    /** 10000-01-01T00:00:00Z: from here on the year takes more than four digits (and a sign). */
    private static final long YEAR_10000 = 253_402_300_800L;

    private Timestamps() {
    }

    static String iso(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return at.toString();
        }
        LocalDate day = LocalDate.ofEpochDay(seconds / 86_400);
        int secondOfDay = (int) (seconds % 86_400);
        int nanos = at.getNano();
        char[] out = new char[30];
        int n = 0;
        n = digits(out, n, day.getYear(), 4);
        out[n++] = '-';
        n = digits(out, n, day.getMonthValue(), 2);
        out[n++] = '-';
        n = digits(out, n, day.getDayOfMonth(), 2);
        out[n++] = 'T';
        n = digits(out, n, secondOfDay / 3600, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay / 60 % 60, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay % 60, 2);
        if (nanos != 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                n = digits(out, n, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                n = digits(out, n, nanos / 1000, 6);
            } else {
                n = digits(out, n, nanos, 9);
            }
        }
        out[n++] = 'Z';
        return new String(out, 0, n);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}

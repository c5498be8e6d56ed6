package vn.ledger.api.readside;

import vn.ledger.api.problem.BadRequest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instants in query parameters: an ISO instant ({@code 2026-04-01T03:00:00Z}), a date-time with offset
 * ({@code 2026-04-01T10:00:00+07:00}), a local date-time in Asia/Ho_Chi_Minh ({@code 2026-04-01T10:00}), or a day
 * ({@code 2026-04-01} or {@code 1/4/2026}: its end, or its start for a lower bound); and business days
 * ({@link #day}).
 */
public final class Instants {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private Instants() {
    }

    /** An upper instant: a day means its last instant in Vietnam. Null when blank. */
    public static Instant endOf(String text, String parameter) {
        return parse(text, parameter, true);
    }

    /** A lower instant: a day means its first instant in Vietnam. Null when blank. */
    public static Instant startOf(String text, String parameter) {
        return parse(text, parameter, false);
    }

    /**
     * A business day: ISO ({@code 2025-10-31}) or as officials write it ({@code 31/10/2025}). Null when blank; 400
     * {@code request.day} naming the parameter otherwise.
     */
    public static LocalDate day(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            Matcher m = DMY.matcher(t);
            return m.matches() ? LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))) : LocalDate.parse(t);
        } catch (DateTimeException | NumberFormatException e) {
            throw new BadRequest("request.day", parameter, "'" + text + "' is not a business day: write 2025-10-31 "
                    + "or 31/10/2025 (a day, without a time).");
        }
    }

    private static Instant parse(String text, String parameter, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase());
            }
            if (t.contains("T")) {
                if (t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                    return OffsetDateTime.parse(t).toInstant();
                }
                return LocalDateTime.parse(t).atZone(VietnamTimes.ZONE).toInstant();
            }
            LocalDate day;
            Matcher m = DMY.matcher(t);
            if (m.matches()) {
                day = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            } else {
                day = LocalDate.parse(t);
            }
            Instant start = day.atStartOfDay(VietnamTimes.ZONE).toInstant();
            return end ? day.plusDays(1).atStartOfDay(VietnamTimes.ZONE).toInstant().minusNanos(1) : start;
        } catch (DateTimeException | NumberFormatException e) {
            throw new BadRequest("request.instant", parameter, "'" + text + "' is not an instant: write "
                    + "2026-04-01T03:00:00Z, 2026-04-01T10:00:00+07:00, 2026-04-01T10:00 (Asia/Ho_Chi_Minh) or a day "
                    + "2026-04-01 / 1/4/2026.");
        }
    }
}

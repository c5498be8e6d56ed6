package vn.ledger.core.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A parsed deadline. The wording is kept verbatim because it is what the document says; the computed
 * {@code dueAt} is the last second of the due day in Vietnam's legal calendar, so "end of April" is
 * 30/4 23:59:59 in Asia/Ho_Chi_Minh whatever the server's zone.
 *
 * @param dueAt      null for RECURRING_MONTHLY, URGENT and NONE
 * @param dueDate    the due day in the Vietnamese calendar; null when dueAt is null
 * @param recurrence MONTHLY when the wording asks for monthly reports; may accompany a dated kind
 *                   ("hoàn thành trong tháng 4/2026 ... định kỳ hằng tháng báo cáo")
 */
public record Deadline(String wording, DeadlineKind kind, Instant dueAt, LocalDate dueDate, Recurrence recurrence) {

    public static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static Deadline none(String wording) {
        return new Deadline(wording, DeadlineKind.NONE, null, null, null);
    }

    /** "khẩn trương", "ngay": urgent, with no date. */
    public static Deadline urgent(String wording) {
        return new Deadline(wording, DeadlineKind.URGENT, null, null, null);
    }

    /** True when the wording asks for the work at once without naming a date. */
    public boolean urgent() {
        return kind == DeadlineKind.URGENT;
    }

    /** Deadline due at the end of {@code day} in Vietnam. */
    public static Deadline dueOn(String wording, DeadlineKind kind, LocalDate day, Recurrence recurrence) {
        return new Deadline(wording, kind, endOfDay(day), day, recurrence);
    }

    public static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(LEGAL_ZONE).toInstant();
    }

    /** True when there is a single date by which the work is due (recurring-only and none have none). */
    public boolean hasDueDate() {
        return dueAt != null;
    }

    /** True when periodic reports are expected, so each progress report must say which period it covers. */
    public boolean recurring() {
        return recurrence != null;
    }

    /** True when this deadline falls after {@code other}; a deadline without a date is never "later". */
    public boolean laterThan(Deadline other) {
        return dueAt != null && other != null && other.dueAt != null && dueAt.isAfter(other.dueAt);
    }
}

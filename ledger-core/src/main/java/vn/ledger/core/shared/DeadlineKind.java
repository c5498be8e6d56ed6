package vn.ledger.core.shared;

/** How a deadline was written; see {@link DeadlineParser} for the wordings of each kind. */
public enum DeadlineKind {
    /** "ngày 30/10/2025", "2026-04-30": due at the end of that day. */
    EXACT_DATE,
    /** "trước ngày 05/4/2026": due at the end of the day before. */
    BEFORE_DATE,
    /** "trong tháng 4/2026", "chậm nhất trong tháng 6/2026": due at the end of that month. */
    MONTH,
    /** "định kỳ hằng tháng báo cáo": no single due date, a report is due every month. */
    RECURRING_MONTHLY,
    /**
     * "khẩn trương", "ngay", "kịp thời", "gấp", "sớm": the work is urgent but no date is written. No due date, so
     * nothing is overdue by the calendar; the 6-rõ check counts the time as not clear.
     */
    URGENT,
    /** No deadline written: orientations, "for information" recipients, or an incomplete assignment. */
    NONE
}

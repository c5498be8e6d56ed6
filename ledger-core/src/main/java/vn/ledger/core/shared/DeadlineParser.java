package vn.ledger.core.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses deadlines the way officials write them. Pure and static.
 *
 * <p>Matching is done on a folded copy of the wording (Unicode NFD, diacritics and "đ" folded to ASCII,
 * lower case, spaces collapsed) so that NFC and NFD input, upper case, and text typed without diacritics
 * ("truoc ngay 05/4/2026") all parse alike; the {@link Deadline} keeps the wording verbatim.
 *
 * <p>Forms recognised anywhere in the wording (so "trình Thủ tướng ban hành trong tháng 4/2026" works):
 * <ul>
 *   <li>BEFORE_DATE: "trước ngày 05/4/2026", "chậm nhất trước ngày 05/4/2026" - due end of 04/4/2026</li>
 *   <li>EXACT_DATE: "ngày 30/10/2025", "30/10/2025", "ngày 30 tháng 10 năm 2025", ISO "2025-10-30"</li>
 *   <li>MONTH: "trong tháng 4/2026", "hoàn thành trong tháng 5/2026", "chậm nhất trong tháng 6/2026",
 *       "tháng 4 năm 2026" - due end of that month</li>
 *   <li>RECURRING_MONTHLY: "định kỳ hằng tháng (báo cáo)", "hàng tháng"; alone it has no due date, next to a
 *       date it sets {@link Deadline#recurrence()} on the dated deadline</li>
 *   <li>URGENT: "khẩn trương", "khẩn cấp", "gấp", "ngay", "ngay lập tức", "kịp thời", "sớm", "càng sớm càng
 *       tốt", when no date is written beside them (a date binds: "khẩn trương hoàn thành trước ngày 30/10/2025"
 *       is BEFORE_DATE) and no monthly schedule is asked for</li>
 *   <li>NONE: null or blank</li>
 * </ul>
 * Dates are day/month/year with 1-2 digit day and month. A wording with two different due dates is refused:
 * a ledger must not guess which one binds.
 */
public final class DeadlineParser {

    public static final String FIELD = "deadline";
    public static final String RULE = "deadline.unrecognised";

    /** Not followed by more of a number: "4/2026." ends a sentence, "4/20261" or "5/4/2026/7" are not dates. */
    private static final String END = "(?!\\d|[/.-]\\d)";
    private static final String DMY = "(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})";
    private static final String LONG = "(\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})";
    private static final Pattern ISO = Pattern.compile("(?<![\\d/.-])(\\d{4})-(\\d{2})-(\\d{2})" + END);
    private static final Pattern BEFORE = Pattern.compile("\\btruoc (?:ngay )?(?:" + DMY + "|" + LONG + ")" + END);
    private static final Pattern EXACT = Pattern.compile("(?:\\bngay )?(?<![\\d/.-])(?:" + DMY + "|" + LONG + ")" + END);
    private static final Pattern MONTH = Pattern.compile("\\bthang (\\d{1,2})\\s*(?:[/.-]|nam)\\s*(\\d{4})" + END);
    /** Words of urgency, matched on the folded text. */
    private static final Pattern URGENT = Pattern.compile("(?<![\\p{L}\\d])(?:khan truong|khan cap|khan|gap|gap rut"
            + "|kip thoi|lap tuc|som nhat|cang som cang tot|som)(?![\\p{L}\\d])");
    /**
     * "ngay" (at once) folds to the same letters as "ngày" (day), so it is matched on the unfolded text (NFC, lower
     * case), where "ngày" keeps its accent; typed without diacritics it reads as "at once", only when no date is
     * written.
     */
    private static final Pattern AT_ONCE = Pattern.compile("(?<![\\p{L}\\p{M}\\d])ngay(?![\\p{L}\\p{M}\\d])");
    private static final Pattern MONTHLY = Pattern.compile("\\b(?:hang|moi) thang\\b|\\bdinh ky thang\\b");

    private DeadlineParser() {
    }

    /**
     * @param wording the deadline as written; null or blank means no deadline
     * @return the parsed deadline, wording kept verbatim
     * @throws DomainRuleViolation field "deadline", rule "deadline.unrecognised" when no form matches, a date
     *                             does not exist, or the wording holds several different due dates
     */
    public static Deadline parse(String wording) {
        return parse(wording, FIELD);
    }

    /** As {@link #parse(String)}, naming {@code field} in the refusal (e.g. "tasks[3].deadline"). */
    public static Deadline parse(String wording, String field) {
        if (Text.isBlank(wording)) {
            return Deadline.none(wording);
        }
        StringBuilder text = new StringBuilder(Text.fold(wording));
        Recurrence recurrence = MONTHLY.matcher(text).find() ? Recurrence.MONTHLY : null;

        // Most specific forms first; each match is blanked so that "trước ngày 05/4/2026" is not also read as
        // the exact date 05/4/2026.
        List<Deadline> found = new ArrayList<>();
        for (Matcher m = BEFORE.matcher(text); m.find(); m = BEFORE.matcher(text)) {
            found.add(Deadline.dueOn(wording, DeadlineKind.BEFORE_DATE, date(m, 1, wording, field).minusDays(1), recurrence));
            blank(text, m);
        }
        for (Matcher m = ISO.matcher(text); m.find(); m = ISO.matcher(text)) {
            found.add(Deadline.dueOn(wording, DeadlineKind.EXACT_DATE, isoDate(m, wording, field), recurrence));
            blank(text, m);
        }
        for (Matcher m = EXACT.matcher(text); m.find(); m = EXACT.matcher(text)) {
            found.add(Deadline.dueOn(wording, DeadlineKind.EXACT_DATE, date(m, 1, wording, field), recurrence));
            blank(text, m);
        }
        for (Matcher m = MONTH.matcher(text); m.find(); m = MONTH.matcher(text)) {
            found.add(Deadline.dueOn(wording, DeadlineKind.MONTH, endOfMonth(m, wording, field), recurrence));
            blank(text, m);
        }

        if (found.isEmpty()) {
            if (recurrence != null) {
                return new Deadline(wording, DeadlineKind.RECURRING_MONTHLY, null, null, recurrence);
            }
            if (urgent(wording, text)) {
                return Deadline.urgent(wording);
            }
            throw unrecognised(wording, field, "no known deadline form");
        }
        Deadline first = found.get(0);
        for (Deadline other : found) {
            if (!other.dueAt().equals(first.dueAt())) {
                throw unrecognised(wording, field, "it names several different due dates");
            }
        }
        return first;
    }

    private static boolean urgent(String wording, CharSequence folded) {
        String nfc = Normalizer.normalize(wording, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return URGENT.matcher(folded).find() || AT_ONCE.matcher(nfc).find();
    }

    private static LocalDate date(Matcher m, int firstGroup, String wording, String field) {
        // Groups: day/month/year of the numeric form, then of the long form "d tháng M năm yyyy".
        int g = m.group(firstGroup) != null ? firstGroup : firstGroup + 3;
        try {
            return LocalDate.of(Integer.parseInt(m.group(g + 2)), Integer.parseInt(m.group(g + 1)),
                    Integer.parseInt(m.group(g)));
        } catch (DateTimeException e) {
            throw unrecognised(wording, field, "'" + m.group().trim() + "' is not a date of the calendar");
        }
    }

    private static LocalDate isoDate(Matcher m, String wording, String field) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw unrecognised(wording, field, "'" + m.group() + "' is not a date of the calendar");
        }
    }

    private static LocalDate endOfMonth(Matcher m, String wording, String field) {
        try {
            return YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).atEndOfMonth();
        } catch (DateTimeException e) {
            throw unrecognised(wording, field, "'" + m.group() + "' is not a month of the calendar");
        }
    }

    private static void blank(StringBuilder text, Matcher m) {
        for (int i = m.start(); i < m.end(); i++) {
            text.setCharAt(i, ' ');
        }
    }

    private static DomainRuleViolation unrecognised(String wording, String field, String why) {
        return new DomainRuleViolation(field, RULE, "Deadline '" + wording + "' not understood: " + why
                + ". Write e.g. 'ngày 30/10/2025', 'trước ngày 05/4/2026', 'trong tháng 4/2026', 'định kỳ hằng tháng'"
                + " or 'khẩn trương'.");
    }
}

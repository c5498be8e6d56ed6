package vn.ledger.core.shared;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.LocalDate;

/**
 * "Today" in Vietnam's legal calendar, for business dates the caller left out. It reads Axon's event clock so
 * that the business date and the event timestamp come from the same clock (and test fixtures can move both).
 */
public final class BusinessCalendar {

    /** Rule of a business date earlier than what the act is about. */
    public static final String BEFORE_ACTED_ON = "date.before-acted-on";

    private BusinessCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), Deadline.LEGAL_ZONE);
    }

    /** The given business date, or today when the caller left it out. */
    public static LocalDate orToday(LocalDate date) {
        return date != null ? date : today();
    }

    /** Refuses a business date in the future: a receipt, report or completion cannot precede its recording. */
    public static void notInFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(today())) {
            throw new DomainRuleViolation(field, "date.in-future",
                    "The date " + date + " is in the future (today is " + today() + " in Vietnam)");
        }
    }

    /**
     * The business date of an act: the one given or today, neither in the future nor before what the act is
     * about (an acknowledgement cannot precede the assignment, a decision cannot precede the request).
     *
     * @param field     the command's field, named in a refusal
     * @param given     the date the caller gave; null means today
     * @param notBefore the business date of what the act is about; null imposes nothing (an event stored before
     *                  that date was recorded)
     * @param what      what notBefore is, for the message ("the assignment", "the request")
     */
    public static LocalDate actedOn(String field, LocalDate given, LocalDate notBefore, String what) {
        LocalDate date = orToday(given);
        notInFuture(field, date);
        if (notBefore != null && date.isBefore(notBefore)) {
            throw new DomainRuleViolation(field, BEFORE_ACTED_ON,
                    "The date " + date + " is before " + what + " (" + notBefore + ")");
        }
        return date;
    }
}

package vn.ledger.core.shared;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.LocalDate;

/**
 * "Today" in Vietnam's legal calendar, for business dates the caller left out. It reads Axon's event clock so
 * that the business date and the event timestamp come from the same clock (and test fixtures can move both).
 */
public final class BusinessCalendar {

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
}

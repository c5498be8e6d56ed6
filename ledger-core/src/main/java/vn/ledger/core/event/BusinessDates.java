package vn.ledger.core.event;

import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRefused;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskEvent;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.core.task.TaskUrged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The business date of an event: the day the act happened on paper (issued on, received on, reported on, effective
 * on, ...), which may be long before the day it was recorded. One place for every read that asks "on business day
 * D" (the as-of views, the audit trail).
 *
 * <p>Every event type of the three sealed families is listed in {@link #DATES}; {@link #FAMILIES} names the families
 * so that a test fails when a new event type is permitted without being listed here. In a package of its own, above
 * the features (it reads every family's events), where {@code shared} may not depend on them.
 */
public final class BusinessDates {

    /** Business days are days in Vietnam. */
    public static final ZoneId ZONE = Deadline.LEGAL_ZONE;

    /** The sealed event families whose every permitted type has a business date. */
    public static final Set<Class<?>> FAMILIES = Set.of(BodyEvent.class, DirectiveEvent.class, TaskEvent.class);

    private static final Map<Class<?>, Function<Object, LocalDate>> DATES = Map.ofEntries(
            date(BodyRegistered.class, BodyRegistered::effectiveDate),
            date(BodyRenamed.class, BodyRenamed::effectiveDate),
            date(BodyClosed.class, BodyClosed::effectiveDate),
            date(BodyMerged.class, BodyMerged::effectiveDate),
            date(DirectiveIssued.class, DirectiveIssued::issuedOn),
            date(DirectiveReceived.class, DirectiveReceived::receivedOn),
            date(DirectiveRecalled.class, DirectiveRecalled::recalledOn),
            date(DirectiveReplaced.class, DirectiveReplaced::replacedOn),
            date(DirectiveCorrected.class, DirectiveCorrected::correctedOn),
            date(DirectiveAliasRegistered.class, DirectiveAliasRegistered::registeredOn),
            date(TaskAssigned.class, TaskAssigned::assignedOn),
            date(TaskAcknowledged.class, TaskAcknowledged::acknowledgedOn),
            date(ProgressReported.class, ProgressReported::reportedOn),
            date(TaskUrged.class, TaskUrged::urgedOn),
            date(ExtensionRequested.class, ExtensionRequested::requestedOn),
            date(ExtensionGranted.class, ExtensionGranted::grantedOn),
            date(ExtensionRefused.class, ExtensionRefused::refusedOn),
            date(TaskReassigned.class, TaskReassigned::reassignedOn),
            date(TaskCancelled.class, TaskCancelled::cancelledOn),
            date(TaskCompleted.class, TaskCompleted::completedOn),
            date(CompletionAccepted.class, CompletionAccepted::acceptedOn),
            date(CompletionRejected.class, CompletionRejected::rejectedOn),
            date(TaskDelegated.class, TaskDelegated::delegatedOn));

    private BusinessDates() {
    }

    private static <E> Map.Entry<Class<?>, Function<Object, LocalDate>> date(Class<E> type,
                                                                             Function<E, LocalDate> field) {
        return Map.entry(type, e -> field.apply(type.cast(e)));
    }

    /** Whether {@code type} is an event type this class knows the business date of. */
    public static boolean covers(Class<?> type) {
        return DATES.containsKey(type);
    }

    /**
     * The business date the event carries; empty for an event of no known type or stored without one (an event
     * written before its type carried a date).
     */
    public static Optional<LocalDate> carried(Object event) {
        Function<Object, LocalDate> f = event == null ? null : DATES.get(event.getClass());
        return f == null ? Optional.empty() : Optional.ofNullable(f.apply(event));
    }

    /** The event's business date, or else the day it was recorded in Vietnam (null only without either). */
    public static LocalDate of(Object event, Instant recordedAt) {
        return carried(event).orElseGet(() -> recordedAt == null ? null : LocalDate.ofInstant(recordedAt, ZONE));
    }

    /** The last instant of {@code day} in Vietnam: "now" for a read on business day {@code day}. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1);
    }
}

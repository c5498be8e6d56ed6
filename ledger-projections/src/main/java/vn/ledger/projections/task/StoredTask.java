package vn.ledger.projections.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Ro;
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
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.store.StoredForm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.month;

/**
 * A task's stored document in {@value TaskProjection#COLLECTION} ({@code _id} = task id), as the projection works on
 * it: every fact its own events set ({@code apply}, pure, each taking the event's sequence number and recording
 * instant), and the counters the queries read instead of counting. Reports and urgings are the open runs (fewer
 * than {@value SealedItems#BUCKET}; the earlier ones are sealed in {@link SealedItems}), kept as stored: they are
 * read whole only by a query.
 *
 * @param seq        the sequence number of the last event of its own stream taken in; -1 for none
 * @param assignment what its assignment set; null before it
 * @param reports    the open run of reports, each as {@link TaskView.Report#FORM} stores it
 * @param lastPercent  the percent of the latest report by business date that gave one
 * @param lastReportOn that report's business date
 * @param urgings    the open run of urgings, each as {@link TaskView.Urging#FORM} stores it
 */
public record StoredTask(String id, long seq, Assignment assignment, List<String> lead, List<String> coop,
                         Deadline deadline, TaskProjection.Status status, List<TaskView.Acknowledgement> acks,
                         List<Object> reports, int reportCount, Integer lastPercent, String lastReportOn,
                         List<Period> periods, int reportsSealed, List<Object> urgings, int urgeCount,
                         int urgingsSealed, List<TaskView.ExtensionRequest> extensions,
                         List<TaskView.DeadlineChange> deadlineHistory, List<TaskView.Reassignment> reassignments,
                         List<TaskView.Delegation> delegations, List<String> children,
                         List<TaskView.Completion> completions, TaskView.Cancellation cancellation,
                         Instant updatedAt) {

    /**
     * A document with named fields, always in this order, absent values (and empty lists, zero counters) left
     * out: {@code _id}, {@code directiveId}, {@code parentTaskId}, {@code code}, {@code work}, {@code responsible},
     * {@code lead}, {@code coop}, {@code assigner}, {@code product}, {@code missing}, {@code assignedOn},
     * {@code assignedBy}, {@code assignedAt}, {@code deadlineWritten}, {@code deadline}, {@code status},
     * {@code acks}, {@code reports}, {@code reportsSealed}, {@code reportCount}, {@code lastPercent},
     * {@code lastReportOn}, {@code periods} ({@code p}, {@code n}, {@code first}), {@code urgings},
     * {@code urgingsSealed}, {@code urgeCount}, {@code extensions}, {@code deadlineHistory}, {@code reassignments},
     * {@code delegations}, {@code children}, {@code completions}, {@code cancellation}, {@code seq},
     * {@code updatedAt}. Task layout 4 stored the same names in the order its events came: it reads the same.
     */
    public static final StoredForm<StoredTask> FORM = StoredForm.document(StoredTaskForm::write, StoredTaskForm::read,
            null);

    /** The facts of the assignment that no later event changes. */
    public record Assignment(String directiveId, String parentTaskId, String code, String work, Person responsible,
                             String assigner, String product, List<Ro> missing, LocalDate assignedOn,
                             Actor assignedBy, Instant assignedAt, Deadline deadlineWritten,
                             List<BodyGroup> leadGroups, List<BodyGroup> cooperatingGroups) {

        public Assignment {
            missing = List.copyOf(missing);
            leadGroups = leadGroups == null ? List.of() : List.copyOf(leadGroups);
            cooperatingGroups = cooperatingGroups == null ? List.of() : List.copyOf(cooperatingGroups);
        }
    }

    /** The reports of one period (a month): how many, and the first business date. */
    public record Period(String period, int reports, String firstReportedOn) {
    }

    public StoredTask {
        lead = List.copyOf(lead);
        coop = List.copyOf(coop);
        acks = List.copyOf(acks);
        reports = List.copyOf(reports);
        periods = List.copyOf(periods);
        urgings = List.copyOf(urgings);
        extensions = List.copyOf(extensions);
        deadlineHistory = List.copyOf(deadlineHistory);
        reassignments = List.copyOf(reassignments);
        delegations = List.copyOf(delegations);
        children = List.copyOf(children);
        completions = List.copyOf(completions);
    }

    /** A task none of whose events was taken in yet. */
    public static StoredTask none(String id) {
        return new StoredTask(id, -1, null, List.of(), List.of(), null, null, List.of(), List.of(), 0, null, null,
                List.of(), 0, List.of(), 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                null);
    }

    /** True when the event of sequence number {@code seq} of its own stream was taken in already. */
    public boolean hasSeen(long seq) {
        return this.seq >= seq;
    }

    // ------------------------------------------------------------------ its own events

    public StoredTask apply(TaskAssigned e, long seq, Instant at) {
        StoredTaskDraft d = new StoredTaskDraft(this);
        d.assignment = new Assignment(e.directiveId(), e.parentTaskId(), e.code(), e.work(), e.responsible(),
                e.assignerBodyCode(), e.product(), e.missing(), e.assignedOn(), e.actor(), at, e.deadline(),
                e.leadGroups(), e.cooperatingGroups().stream().map(GroupMembers::group).toList());
        d.lead = e.leadBodies();
        d.coop = e.cooperatingBodies();
        d.deadline = e.deadline();
        d.status = TaskProjection.Status.OPEN;
        return d.done(seq, at);
    }

    public StoredTask apply(TaskAcknowledged e, long seq, Instant at) {
        return change(seq, at, d -> d.acks = plus(acks, TaskView.Acknowledgement.of(e, at)));
    }

    /** Reported: appended to the open run (which the projection seals when full), counted, and by period. */
    public StoredTask apply(ProgressReported e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.reports = plus(reports, TaskView.Report.FORM.write(TaskView.Report.of(e, at)));
            d.reportCount = reportCount + 1;
            // the percent of the latest report by business date that gave one, whatever order they were entered in
            // (a report of 20/10 entered after one of 20/11 does not take its place), as the chain's node keeps it
            if (e.percent() != null && (lastReportOn == null || e.reportedOn() == null
                    || !e.reportedOn().isBefore(LocalDate.parse(lastReportOn)))) {
                d.lastPercent = e.percent();
                d.lastReportOn = iso(e.reportedOn());
            }
            if (e.period() != null) {
                d.periods = counted(periods, month(e.period()), iso(e.reportedOn()));
            }
        });
    }

    public StoredTask apply(TaskUrged e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.urgings = plus(urgings, TaskView.Urging.FORM.write(TaskView.Urging.of(e, at)));
            d.urgeCount = urgeCount + 1;
        });
    }

    public StoredTask apply(ExtensionRequested e, long seq, Instant at) {
        return change(seq, at, d -> d.extensions = plus(extensions, new TaskView.ExtensionRequest(e.requestId(),
                e.currentDeadline(), e.requestedDeadline(), e.reason(), e.requestedOn(), e.actor(), at, "PENDING",
                null, null, null, null)));
    }

    public StoredTask apply(ExtensionGranted e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.extensions = decided(e.requestId(), "GRANTED", e.grantedOn(), e.actor(), at, null);
            d.deadlineHistory = plus(deadlineHistory, new TaskView.DeadlineChange(e.oldDeadline(), e.newDeadline(),
                    e.requestId(), e.grantedOn(), e.actor(), at));
            d.deadline = e.newDeadline();
        });
    }

    public StoredTask apply(ExtensionRefused e, long seq, Instant at) {
        return change(seq, at, d -> d.extensions = decided(e.requestId(), "REFUSED", e.refusedOn(), e.actor(), at,
                e.reason()));
    }

    public StoredTask apply(TaskReassigned e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.reassignments = plus(reassignments, new TaskView.Reassignment(e.oldLeadBodies(),
                    e.oldCooperatingBodies(), e.newLeadBodies(), e.newCooperatingBodies(), e.reason(),
                    e.reassignedOn(), e.actor(), at));
            d.lead = e.newLeadBodies();
            d.coop = e.newCooperatingBodies();
        });
    }

    public StoredTask apply(TaskDelegated e, long seq, Instant at) {
        return change(seq, at, d -> {
            if (e.childTaskId() != null && !children.contains(e.childTaskId())) {
                d.children = plus(children, e.childTaskId());
            }
            d.delegations = plus(delegations, new TaskView.Delegation(e.childTaskId(), e.delegatingBodyCode(),
                    e.leadBodies(), e.cooperatingBodies(), e.deadline(), e.delegatedOn(), e.actor(), at));
        });
    }

    /** Declared complete: the rule judges it against the deadline in force now. */
    public StoredTask apply(TaskCompleted e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.completions = plus(completions, new TaskView.Completion(e.completedOn(), e.productDescription(),
                    e.evidence() == null ? List.of() : e.evidence(), e.actor(), at,
                    deadline == null ? null : deadline.dueAt(), "PENDING", null, null, null, null));
            d.status = TaskProjection.Status.COMPLETION_PENDING;
        });
    }

    public StoredTask apply(CompletionAccepted e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.completions = decidedCompletion("ACCEPTED", e.acceptedOn(), e.actor(), at, null);
            d.status = TaskProjection.Status.ACCEPTED;
        });
    }

    public StoredTask apply(CompletionRejected e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.completions = decidedCompletion("REJECTED", e.rejectedOn(), e.actor(), at, e.reason());
            d.status = TaskProjection.Status.OPEN;
        });
    }

    public StoredTask apply(TaskCancelled e, long seq, Instant at) {
        return change(seq, at, d -> {
            d.cancellation = new TaskView.Cancellation(e.reason(), e.cancelledOn(), e.actor(), at);
            d.status = TaskProjection.Status.CANCELLED;
        });
    }

    /** True once its assignment was taken in (a task only referenced is not shown). */
    public boolean assigned() {
        return assignment != null;
    }

    /** With these reports and urgings (all of them, sealed ones restored, for a query: sealed counts unchanged). */
    public StoredTask withItems(List<Object> allReports, List<Object> allUrgings) {
        StoredTaskDraft d = new StoredTaskDraft(this);
        d.reports = allReports;
        d.urgings = allUrgings;
        return d.done(seq, updatedAt);
    }

    /** With the open run of reports ({@code "reports"}) or urgings sealed: emptied, and counted as sealed. */
    public StoredTask sealed(String list) {
        StoredTaskDraft d = new StoredTaskDraft(this);
        if ("urgings".equals(list)) {
            d.urgings = List.of();
            d.urgingsSealed = urgingsSealed + 1;
        } else {
            d.reports = List.of();
            d.reportsSealed = reportsSealed + 1;
        }
        return d.done(seq, updatedAt);
    }

    // ------------------------------------------------------------------ helpers

    private StoredTask change(long seq, Instant at, java.util.function.Consumer<StoredTaskDraft> change) {
        StoredTaskDraft d = new StoredTaskDraft(this);
        change.accept(d);
        return d.done(seq, at);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static List<Period> counted(List<Period> periods, String p, String reportedOn) {
        List<Period> out = new ArrayList<>();
        boolean found = false;
        for (Period x : periods) {
            if (p.equals(x.period())) {
                found = true;
                String first = reportedOn != null && (x.firstReportedOn() == null
                        || reportedOn.compareTo(x.firstReportedOn()) < 0) ? reportedOn : x.firstReportedOn();
                out.add(new Period(p, x.reports() + 1, first));
            } else {
                out.add(x);
            }
        }
        if (!found) {
            out.add(new Period(p, 1, reportedOn));
            out.sort(Comparator.comparing(Period::period));
        }
        return out;
    }

    private List<TaskView.ExtensionRequest> decided(String requestId, String decision, LocalDate on, Actor by,
                                                    Instant at, String reason) {
        UnaryOperator<TaskView.ExtensionRequest> decide = x -> requestId.equals(x.requestId())
                ? x.decided(decision, on, by, at, reason) : x;
        return extensions.stream().map(decide).toList();
    }

    private List<TaskView.Completion> decidedCompletion(String outcome, LocalDate on, Actor by, Instant at,
                                                        String reason) {
        List<TaskView.Completion> out = new ArrayList<>(completions);
        for (int i = out.size() - 1; i >= 0; i--) {
            if ("PENDING".equals(out.get(i).outcome())) {
                out.set(i, out.get(i).decided(outcome, on, by, at, reason));
                break;
            }
        }
        return out;
    }

}

package vn.ledger.projections.task;

import vn.ledger.core.shared.Deadline;

import java.time.Instant;
import java.util.List;

/** The record's components while one change is made to them (apply stays a function of record and event). */
final class StoredTaskDraft {
    private final String id;
    StoredTask.Assignment assignment;
    List<String> lead;
    List<String> coop;
    Deadline deadline;
    TaskProjection.Status status;
    List<TaskView.Acknowledgement> acks;
    List<Object> reports;
    int reportCount;
    Integer lastPercent;
    String lastReportOn;
    List<StoredTask.Period> periods;
    int reportsSealed;
    List<Object> urgings;
    int urgeCount;
    int urgingsSealed;
    List<TaskView.ExtensionRequest> extensions;
    List<TaskView.DeadlineChange> deadlineHistory;
    List<TaskView.Reassignment> reassignments;
    List<TaskView.Delegation> delegations;
    List<String> children;
    List<TaskView.Completion> completions;
    TaskView.Cancellation cancellation;

    StoredTaskDraft(StoredTask t) {
        id = t.id();
        assignment = t.assignment();
        lead = t.lead();
        coop = t.coop();
        deadline = t.deadline();
        status = t.status();
        acks = t.acks();
        reports = t.reports();
        reportCount = t.reportCount();
        lastPercent = t.lastPercent();
        lastReportOn = t.lastReportOn();
        periods = t.periods();
        reportsSealed = t.reportsSealed();
        urgings = t.urgings();
        urgeCount = t.urgeCount();
        urgingsSealed = t.urgingsSealed();
        extensions = t.extensions();
        deadlineHistory = t.deadlineHistory();
        reassignments = t.reassignments();
        delegations = t.delegations();
        children = t.children();
        completions = t.completions();
        cancellation = t.cancellation();
    }

    StoredTask done(long seq, Instant updatedAt) {
        return new StoredTask(id, seq, assignment, lead, coop, deadline, status, acks, reports, reportCount,
                lastPercent, lastReportOn, periods, reportsSealed, urgings, urgeCount, urgingsSealed, extensions,
                deadlineHistory, reassignments, delegations, children, completions, cancellation, updatedAt);
    }
}

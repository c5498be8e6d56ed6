package vn.ledger.projections.task;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
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
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.StoredForms;

import java.time.Instant;
import java.util.List;


/**
 * Task state, one document per task in {@value #COLLECTION} with {@code _id} = task id: every fact the task's
 * events recorded (assignment and its "6 rõ" gaps, deadline as written and in force with the history of granted
 * extensions, acknowledgements, reports, urgings, extension requests and decisions, reassignments, delegations,
 * completions with their acceptance or rejection, cancellation), plus counters the queries read instead of
 * counting (reports per period, report and urge counts, last percent).
 *
 * <p>Reports and urgings beyond the last 64 are sealed in buckets of their own ({@link SealedItems}), so that a
 * report writes a bounded document however long the task has been reported on.
 *
 * <p>What an event changes is the stored record's ({@link StoredTask}, pure); this class loads, applies and stores.
 *
 * <p>Idempotent: the document keeps {@code seq}, the last applied sequence number of the task's stream, and an
 * event at or below it is ignored (Axon delivers one aggregate's events in order). Only the task's own events
 * write its document, so delivery order across aggregates does not matter. Plain class: construct it with a
 * {@link ReadStore}; run it in one processing segment (documents are read, changed and replaced).
 */
public final class TaskProjection {

    public static final String COLLECTION = "tasks";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, SealedItems.COLLECTION);

    /** How this model's stored values read (the administrator's decoded documents). */
    public static final StoredForms FORMS = StoredForms.forms()
            .field("responsible", SharedValues.PERSON)
            .field("assignedBy", SharedValues.ACTOR).field("by", SharedValues.ACTOR)
            .field("decidedBy", SharedValues.ACTOR)
            .field("deadline", SharedValues.DEADLINE).field("deadlineWritten", SharedValues.DEADLINE)
            .field("current", SharedValues.DEADLINE).field("requested", SharedValues.DEADLINE)
            .field("from", SharedValues.DEADLINE).field("to", SharedValues.DEADLINE)
            .field("extensions", TaskView.ExtensionRequest.FORM.list())
            .field("deadlineHistory", TaskView.DeadlineChange.FORM.list())
            .field("reassignments", TaskView.Reassignment.FORM.list())
            .field("delegations", TaskView.Delegation.FORM.list())
            .field("completions", TaskView.Completion.FORM.list())
            .field("cancellation", TaskView.Cancellation.FORM)
            .field("acks", TaskView.Acknowledgement.FORM.list())
            .field("reports", TaskView.Report.FORM.list())
            .field("urgings", TaskView.Urging.FORM.list())
            .document(SealedItems.COLLECTION, SealedItems.FORM);

    /** Lifecycle of the task as its events left it (timeliness is derived from the facts, see TaskQueries). */
    public enum Status { OPEN, COMPLETION_PENDING, ACCEPTED, CANCELLED }

    private final ReadStore store;

    public TaskProjection(ReadStore store) {
        this.store = store;
    }

    /** Drops the read model (before a rebuild into the same store). */
    public void reset() {
        COLLECTIONS.forEach(store::drop);
    }

    @EventHandler
    void on(TaskAssigned e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(TaskAcknowledged e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(ProgressReported e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> SealedItems.sealFull(store, t.apply(e, seq, at), "reports"));
    }

    @EventHandler
    void on(TaskUrged e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> SealedItems.sealFull(store, t.apply(e, seq, at), "urgings"));
    }

    @EventHandler
    void on(ExtensionRequested e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(ExtensionGranted e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(ExtensionRefused e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(TaskReassigned e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(TaskDelegated e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(TaskCompleted e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(CompletionAccepted e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(CompletionRejected e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    @EventHandler
    void on(TaskCancelled e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, (t, seq, at) -> t.apply(e, seq, at));
    }

    // ------------------------------------------------------------------ helpers

    /** A change of the task by one of its own events, given its sequence number and recording instant. */
    @FunctionalInterface
    private interface Change {
        StoredTask apply(StoredTask t, long seq, Instant at);
    }

    /** Loads the task's document, applies the change unless this sequence number was applied already, stores it. */
    private void apply(String taskId, DomainEventMessage<?> m, Change change) {
        StoredTask t = store.find(COLLECTION, taskId).map(StoredTask.FORM::read)
                .orElseGet(() -> StoredTask.none(taskId));
        if (t.hasSeen(m.getSequenceNumber())) {
            return; // delivered again: already applied
        }
        store.put(COLLECTION, StoredTask.FORM.document(change.apply(t, m.getSequenceNumber(), m.getTimestamp())));
    }
}

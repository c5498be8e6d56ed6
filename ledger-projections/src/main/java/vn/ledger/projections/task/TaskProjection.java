package vn.ledger.projections.task;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
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
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.StoredForms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static vn.ledger.projections.store.Docs.date;
import static vn.ledger.projections.store.Docs.docs;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.month;
import static vn.ledger.projections.store.Docs.strings;
import static vn.ledger.projections.store.SharedValues.actor;
import static vn.ledger.projections.store.SharedValues.attachments;
import static vn.ledger.projections.store.SharedValues.deadline;
import static vn.ledger.projections.store.SharedValues.person;

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
        apply(e.taskId(), m, d -> {
            d.append("directiveId", e.directiveId()).append("parentTaskId", e.parentTaskId())
                    .append("code", e.code()).append("work", e.work()).append("responsible", person(e.responsible()))
                    .append("lead", strings(e.leadBodies())).append("coop", strings(e.cooperatingBodies()))
                    .append("assigner", e.assignerBodyCode()).append("product", e.product())
                    .append("missing", e.missing().stream().map(Ro::name).toList())
                    .append("assignedOn", iso(e.assignedOn())).append("assignedBy", actor(e.actor()))
                    .append("assignedAt", date(m.getTimestamp()))
                    .append("deadlineWritten", deadline(e.deadline())).append("deadline", deadline(e.deadline()))
                    .append("status", Status.OPEN.name());
        });
    }

    @EventHandler
    void on(TaskAcknowledged e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> push(d, "acks",
                TaskView.Acknowledgement.FORM.write(TaskView.Acknowledgement.of(e, m.getTimestamp()))));
    }

    @EventHandler
    void on(ProgressReported e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            SealedItems.push(store, d, "reports", TaskView.Report.FORM.write(TaskView.Report.of(e, m.getTimestamp())));
            d.put("reportCount", d.getInteger("reportCount", 0) + 1);
            if (e.percent() != null) {
                d.put("lastPercent", e.percent());
            }
            d.put("lastReportOn", iso(e.reportedOn()));
            if (e.period() != null) {
                // reports per period, kept so that the recurring schedule is read, not counted
                List<Document> periods = docs(d, "periods");
                String p = month(e.period());
                Document slot = periods.stream().filter(x -> p.equals(x.getString("p"))).findFirst().orElse(null);
                if (slot == null) {
                    periods.add(new Document("p", p).append("n", 1).append("first", iso(e.reportedOn())));
                    periods.sort((a, b) -> a.getString("p").compareTo(b.getString("p")));
                } else {
                    slot.put("n", slot.getInteger("n", 0) + 1);
                    if (e.reportedOn() != null && (slot.getString("first") == null
                            || iso(e.reportedOn()).compareTo(slot.getString("first")) < 0)) {
                        slot.put("first", iso(e.reportedOn()));
                    }
                }
                d.put("periods", periods);
            }
        });
    }

    @EventHandler
    void on(TaskUrged e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            SealedItems.push(store, d, "urgings", TaskView.Urging.FORM.write(TaskView.Urging.of(e, m.getTimestamp())));
            d.put("urgeCount", d.getInteger("urgeCount", 0) + 1);
        });
    }

    @EventHandler
    void on(ExtensionRequested e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> push(d, "extensions", new Document("requestId", e.requestId())
                .append("current", deadline(e.currentDeadline())).append("requested", deadline(e.requestedDeadline()))
                .append("reason", e.reason()).append("on", iso(e.requestedOn())).append("by", actor(e.actor()))
                .append("at", date(m.getTimestamp())).append("decision", "PENDING")));
    }

    @EventHandler
    void on(ExtensionGranted e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            decide(d, e.requestId(), "GRANTED", iso(e.grantedOn()), m, e.actor(), null);
            push(d, "deadlineHistory", new Document("from", deadline(e.oldDeadline()))
                    .append("to", deadline(e.newDeadline())).append("requestId", e.requestId())
                    .append("on", iso(e.grantedOn())).append("by", actor(e.actor())).append("at", date(m.getTimestamp())));
            d.put("deadline", deadline(e.newDeadline()));
        });
    }

    @EventHandler
    void on(ExtensionRefused e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> decide(d, e.requestId(), "REFUSED", iso(e.refusedOn()), m, e.actor(), e.reason()));
    }

    @EventHandler
    void on(TaskReassigned e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            push(d, "reassignments", new Document("oldLead", strings(e.oldLeadBodies()))
                    .append("oldCoop", strings(e.oldCooperatingBodies())).append("newLead", strings(e.newLeadBodies()))
                    .append("newCoop", strings(e.newCooperatingBodies())).append("reason", e.reason())
                    .append("on", iso(e.reassignedOn())).append("by", actor(e.actor())).append("at", date(m.getTimestamp())));
            d.put("lead", strings(e.newLeadBodies()));
            d.put("coop", strings(e.newCooperatingBodies()));
        });
    }

    @EventHandler
    void on(TaskDelegated e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            Docs.addToSet(d, "children", e.childTaskId());
            push(d, "delegations", new Document("child", e.childTaskId()).append("body", e.delegatingBodyCode())
                    .append("lead", strings(e.leadBodies())).append("coop", strings(e.cooperatingBodies()))
                    .append("deadline", deadline(e.deadline())).append("on", iso(e.delegatedOn()))
                    .append("by", actor(e.actor())).append("at", date(m.getTimestamp())));
        });
    }

    @EventHandler
    void on(TaskCompleted e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            push(d, "completions", new Document("on", iso(e.completedOn())).append("product", e.productDescription())
                    .append("evidence", attachments(e.evidence())).append("by", actor(e.actor()))
                    .append("at", date(m.getTimestamp()))
                    // the rule judges a completion against the deadline in force when it was declared
                    .append("dueAt", date(SharedValues.dueAt(d.get("deadline"))))
                    .append("outcome", "PENDING"));
            d.put("status", Status.COMPLETION_PENDING.name());
        });
    }

    @EventHandler
    void on(CompletionAccepted e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            decideCompletion(d, "ACCEPTED", iso(e.acceptedOn()), m, e.actor(), null);
            d.put("status", Status.ACCEPTED.name());
        });
    }

    @EventHandler
    void on(CompletionRejected e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            decideCompletion(d, "REJECTED", iso(e.rejectedOn()), m, e.actor(), e.reason());
            d.put("status", Status.OPEN.name());
        });
    }

    @EventHandler
    void on(TaskCancelled e, DomainEventMessage<?> m) {
        apply(e.taskId(), m, d -> {
            d.put("cancellation", new Document("reason", e.reason()).append("on", iso(e.cancelledOn()))
                    .append("by", actor(e.actor())).append("at", date(m.getTimestamp())));
            d.put("status", Status.CANCELLED.name());
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Loads the task's document, applies the change unless this sequence number was applied already, stores it. */
    private void apply(String taskId, DomainEventMessage<?> m, Consumer<Document> change) {
        Document d = store.find(COLLECTION, taskId).orElseGet(() -> new Document("_id", taskId));
        long seq = m.getSequenceNumber();
        if (seq <= Docs.lng(d.get("seq"), -1)) {
            return; // delivered again: already applied
        }
        change.accept(d);
        d.put("seq", seq);
        d.put("updatedAt", date(m.getTimestamp()));
        store.put(COLLECTION, d);
    }

    private static void push(Document d, String key, Object item) {
        List<Object> list = new ArrayList<>(Docs.items(d, key));
        list.add(item);
        d.put(key, list);
    }

    private static void decide(Document d, String requestId, String decision, String on, DomainEventMessage<?> m,
                               vn.ledger.core.shared.Actor by, String reason) {
        List<Document> list = docs(d, "extensions");
        for (Document x : list) {
            if (requestId.equals(x.getString("requestId"))) {
                x.append("decision", decision).append("decidedOn", on).append("decidedBy", actor(by))
                        .append("decidedAt", date(m.getTimestamp())).append("refusal", reason);
            }
        }
        d.put("extensions", list);
    }

    private static void decideCompletion(Document d, String outcome, String on, DomainEventMessage<?> m,
                                         vn.ledger.core.shared.Actor by, String reason) {
        List<Document> list = docs(d, "completions");
        for (int i = list.size() - 1; i >= 0; i--) {
            Document c = list.get(i);
            if ("PENDING".equals(c.getString("outcome"))) {
                c.append("outcome", outcome).append("decidedOn", on).append("decidedBy", actor(by))
                        .append("decidedAt", date(m.getTimestamp())).append("reason", reason);
                break;
            }
        }
        d.put("completions", new ArrayList<>(list));
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.task.TimelinessRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static vn.ledger.projections.store.Docs.appendPresent;
import static vn.ledger.projections.store.Docs.iso;

/**
 * The dashboard's own facts about one task in {@value DashboardProjection#TASKS} ({@code _id} = task id): what its
 * own events set ({@code apply}, pure, each taking the event's sequence number in the task's stream), whether its
 * directive stopped it, the tasks delegated from it (in log order, {@link LogOrder}), and what it adds to the
 * counters now ({@link #counted}), so that a change applies {@code new − old} and a duplicate applies nothing.
 *
 * @param seq        the sequence number of the last event of its own stream taken in; -1 for none (a task known
 *                   only as the parent of a delegated one)
 * @param due        the due day in force, null when none
 * @param dueWritten the due day as assigned, kept once extended (a completion is judged by the one in force on its
 *                   business date, {@link TimelinessRule#dueInForceOn})
 * @param extensions the extensions granted, in the task's order
 * @param stopped    stopped by the recall or replacement of its directive
 * @param children   the tasks delegated from it, in log order, with the log key of each ({@code childrenAt})
 * @param counted    what it adds to the counters of each of its lead bodies, as last applied
 */
public record StoredDashboardTask(String id, long seq, String directiveId, String parentTask, List<String> leads,
                                  LocalDate assignedOn, LocalDate due, LocalDate dueWritten,
                                  List<TimelinessRule.Grant> extensions, boolean stopped, boolean cancelled,
                                  LocalDate completedOn, List<String> children, List<String> childrenAt,
                                  Counted counted) {

    /** What a task adds to the counters: to each of {@code leads}, {@code tally}. */
    public record Counted(List<String> leads, Tally tally) {

        /** Nothing counted yet. */
        static Counted nothing() {
            return new Counted(List.of(), new Tally());
        }

        public Counted {
            leads = List.copyOf(leads);
        }
    }

    /** An extension: {@code grantedOn} and the {@code due} day it set (ISO days), {@code due} left out when none. */
    static final StoredForm<TimelinessRule.Grant> EXTENSION = StoredForm.document(
            g -> appendPresent(new Document("grantedOn", iso(g.grantedOn())), "due", iso(g.due())),
            d -> new TimelinessRule.Grant(Docs.date(d, "grantedOn"), Docs.date(d, "due")), null);

    /**
     * A document with named fields, always in this order, absent values (false flags, empty lists, nothing counted)
     * left out: {@code _id}, {@code seq}, {@code directiveId}, {@code parentTask}, {@code leads},
     * {@code assignedOn}, {@code due}, {@code dueWritten}, {@code extensions} ({@code grantedOn}, {@code due}),
     * {@code stopped}, {@code cancelled}, {@code completedOn}, {@code children}, {@code childrenAt}, {@code contrib}
     * ({@code leads}, {@code tally}: {@link Tally#FORM}); days as ISO strings. Dashboard layout 5 stored the same
     * names in the order its events came with an {@code assigned} flag, its extensions packed
     * ({@link DashboardLayout5}): it reads the same.
     */
    public static final StoredForm<StoredDashboardTask> FORM = StoredForm.<StoredDashboardTask>document(
            StoredDashboardTask::write, StoredDashboardTask::read, null).shownAs(StoredDashboardTask::shown);

    public StoredDashboardTask {
        leads = List.copyOf(leads);
        extensions = List.copyOf(extensions);
        children = List.copyOf(children);
        childrenAt = List.copyOf(childrenAt);
        counted = counted == null ? Counted.nothing() : counted;
    }

    /** A task none of whose events was taken in yet. */
    public static StoredDashboardTask none(String id) {
        return new StoredDashboardTask(id, -1, null, null, List.of(), null, null, null, List.of(), false, false, null,
                List.of(), List.of(), Counted.nothing());
    }

    /** True when the event of sequence number {@code seq} of its own stream was taken in already. */
    public boolean hasSeen(long seq) {
        return this.seq >= seq;
    }

    /** True once an event of its own stream was taken in: only then does it count. */
    public boolean assigned() {
        return seq >= 0;
    }

    // ------------------------------------------------------------------ its own events

    /** @param directiveStopped its directive was recalled or replaced already (the stop came first) */
    public StoredDashboardTask apply(TaskAssigned e, long seq, boolean directiveStopped) {
        return new StoredDashboardTask(id, seq, e.directiveId(), e.parentTaskId(), e.leadBodies(), e.assignedOn(),
                e.deadline() == null ? null : e.deadline().dueDate(), dueWritten, extensions, directiveStopped,
                cancelled, completedOn, children, childrenAt, counted);
    }

    public StoredDashboardTask apply(ExtensionGranted e, long seq) {
        LocalDate newDue = e.newDeadline() == null ? null : e.newDeadline().dueDate();
        List<TimelinessRule.Grant> more = new ArrayList<>(extensions);
        more.add(new TimelinessRule.Grant(e.grantedOn(), newDue));
        return new StoredDashboardTask(id, seq, directiveId, parentTask, leads, assignedOn, newDue,
                extensions.isEmpty() ? due : dueWritten, more, stopped, cancelled, completedOn, children, childrenAt,
                counted);
    }

    public StoredDashboardTask apply(TaskReassigned e, long seq) {
        return new StoredDashboardTask(id, seq, directiveId, parentTask, e.newLeadBodies(), assignedOn, due,
                dueWritten, extensions, stopped, cancelled, completedOn, children, childrenAt, counted);
    }

    public StoredDashboardTask apply(TaskCancelled e, long seq) {
        return new StoredDashboardTask(id, seq, directiveId, parentTask, leads, assignedOn, due, dueWritten,
                extensions, stopped, true, completedOn, children, childrenAt, counted);
    }

    public StoredDashboardTask apply(TaskCompleted e, long seq) {
        return completed(seq, e.completedOn());
    }

    public StoredDashboardTask apply(CompletionRejected e, long seq) {
        return completed(seq, null);
    }

    private StoredDashboardTask completed(long seq, LocalDate on) {
        return new StoredDashboardTask(id, seq, directiveId, parentTask, leads, assignedOn, due, dueWritten,
                extensions, stopped, cancelled, on, children, childrenAt, counted);
    }

    // ------------------------------------------------------------------ what other streams' events do to it

    /** Stopped by its directive's recall or replacement (null when stopped already or of another directive). */
    public StoredDashboardTask stoppedBy(String stoppedDirectiveId) {
        if (stopped || !stoppedDirectiveId.equals(directiveId)) {
            return null;
        }
        return new StoredDashboardTask(id, seq, directiveId, parentTask, leads, assignedOn, due, dueWritten,
                extensions, true, cancelled, completedOn, children, childrenAt, counted);
    }

    /** With a delegated task listed at the place of its key in the log (null when listed already there or before). */
    public StoredDashboardTask withChild(String childId, String key) {
        List<String> ids = new ArrayList<>(children);
        List<String> keys = new ArrayList<>(childrenAt);
        if (!LogOrder.add(ids, keys, childId, key)) {
            return null;
        }
        return new StoredDashboardTask(id, seq, directiveId, parentTask, leads, assignedOn, due, dueWritten,
                extensions, stopped, cancelled, completedOn, ids, keys, counted);
    }

    /** What it adds to each lead's counters from its facts now ({@link TaskContribution}). */
    public Tally contribution() {
        return TaskContribution.of(this);
    }

    /** With what it adds now recorded as counted. */
    public StoredDashboardTask counted(Counted now) {
        return new StoredDashboardTask(id, seq, directiveId, parentTask, leads, assignedOn, due, dueWritten,
                extensions, stopped, cancelled, completedOn, children, childrenAt, now);
    }

    // ------------------------------------------------------------------ stored form

    private static Document write(StoredDashboardTask t) {
        Document d = new Document("_id", t.id);
        if (t.seq >= 0) {
            d.append("seq", t.seq);
        }
        appendPresent(d, "directiveId", t.directiveId);
        appendPresent(d, "parentTask", t.parentTask);
        if (!t.leads.isEmpty()) {
            d.append("leads", t.leads);
        }
        appendPresent(d, "assignedOn", iso(t.assignedOn));
        appendPresent(d, "due", iso(t.due));
        appendPresent(d, "dueWritten", iso(t.dueWritten));
        if (!t.extensions.isEmpty()) {
            d.append("extensions", EXTENSION.writeAll(t.extensions));
        }
        flag(d, "stopped", t.stopped);
        flag(d, "cancelled", t.cancelled);
        appendPresent(d, "completedOn", iso(t.completedOn));
        if (!t.children.isEmpty()) {
            d.append("children", t.children).append("childrenAt", t.childrenAt);
        }
        if (!t.counted.leads().isEmpty() || !t.counted.tally().isZero()) {
            d.append("contrib", new Document("leads", t.counted.leads()).append("tally", t.counted.tally()));
        }
        return d;
    }

    private static void flag(Document d, String key, boolean value) {
        if (value) {
            d.append(key, true);
        }
    }

    private static StoredDashboardTask read(Document d) {
        Object extensions = d.get("extensions");
        List<TimelinessRule.Grant> grants = extensions instanceof String previous ? DashboardLayout5.extensions(previous)
                : EXTENSION.readAll(extensions);
        List<String> children = Docs.strings(d, "children");
        Document contrib = Docs.doc(d, "contrib");
        Counted counted = contrib == null ? Counted.nothing()
                : new Counted(Docs.strings(contrib, "leads"), Tally.read(contrib.get("tally")));
        return new StoredDashboardTask(d.getString("_id"), Docs.num(d, "seq", -1), Docs.str(d, "directiveId"),
                Docs.str(d, "parentTask"), Docs.strings(d, "leads"), Docs.date(d, "assignedOn"), Docs.date(d, "due"),
                Docs.date(d, "dueWritten"), grants, Docs.bool(d, "stopped"), Docs.bool(d, "cancelled"),
                Docs.date(d, "completedOn"), children, LogOrder.keys(d, "children", children.size()), counted);
    }

    private static Object shown(StoredDashboardTask t) {
        Document d = write(t);
        Document contrib = Docs.doc(d, "contrib");
        if (contrib != null) {
            contrib.put("tally", t.counted.tally().toDocument());
        }
        return d;
    }
}

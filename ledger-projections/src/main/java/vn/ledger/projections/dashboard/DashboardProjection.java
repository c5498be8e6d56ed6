package vn.ledger.projections.dashboard;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.projections.body.BodyNode;
import vn.ledger.projections.body.BodyTree;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.StoredForms;
import vn.ledger.projections.task.TimelinessRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body dashboard (issue 3, read model 4), kept as counters so that a body's or a subtree's figures are one
 * document read.
 *
 * <h2>Collections</h2>
 * <ul>
 *   <li>{@value #DASHBOARD}: one document per body ({@code _id} = code) with its name, level, closed/successor,
 *   and two {@link Tally}s: {@code self} (tasks the body leads) and {@code tree} (the body and everything below
 *   it). Each holds: {@code assigned}, {@code open}, {@code openNoDue}, {@code doneOnTime}, {@code doneLate},
 *   {@code cancelled} ({@code stopped}: of which stopped by the recall or replacement of their directive), the
 *   histogram {@code openByDue} (due day → open tasks, so "overdue" and "due within N days" are sums over
 *   buckets at query time), and the monthly trends {@code assignedByMonth}, {@code doneOnTimeByMonth},
 *   {@code doneLateByMonth} (months of the business dates, i.e. Asia/Ho_Chi_Minh).</li>
 *   <li>{@value #TASKS}: the projection's own facts per task (leads, assignment date, deadline in force,
 *   completion, cancellation, stop, delegated children) and {@code contrib}: what the task currently adds to
 *   the counters, so a change applies {@code new − old} and a duplicate applies nothing.</li>
 *   <li>{@value #BODIES}: the projection's own copy of the body hierarchy ({@link BodyTree}).</li>
 *   <li>{@value #DIRECTIVES}: per directive, stopped or not and its (non-delegated) tasks.</li>
 *   <li>{@value #BODY_TASKS}: per body, every task it ever led (for as-of views: which histories to load).</li>
 * </ul>
 *
 * <h2>Counting unit</h2>
 * An assignment is a (task, lead body) pair: a task led by two ministries counts once for each, and twice in a
 * roll-up above both. Cooperating bodies are not counted. Done on time / late follows {@link TimelinessRule}.
 *
 * <h2>Roll-ups and late delivery</h2>
 * A change of a task's contribution is applied to {@code self} of each lead body and to {@code tree} of that
 * body and of every ancestor on its current path. A body registered after its tasks (or below a parent
 * registered later) had its totals only in its own documents; when its path becomes known, its {@code tree}
 * totals are moved from the old to the new ancestors, which keeps {@code tree(X) = Σ self(B), B in subtree(X)}.
 * A recall or replacement of a directive arriving before its tasks is remembered and applied to them. The lists
 * kept (a directive's tasks, a task's children, a body's tasks, a body's children) are in log order
 * ({@link LogOrder}), so that late delivery gives the same documents.
 */
public class DashboardProjection {

    public static final String DASHBOARD = "dashboard";
    public static final String TASKS = "dashboard_tasks";
    public static final String BODIES = "dashboard_bodies";
    public static final String DIRECTIVES = "dashboard_directives";
    public static final String BODY_TASKS = "dashboard_body_tasks";
    /** A task's extensions, packed ({@link TaskContribution#EXTENSIONS}). */
    static final StoredForm<List<TimelinessRule.Grant>> EXTENSIONS = TaskContribution.EXTENSIONS;
    /** How this model's stored values read (the administrator's decoded documents). */
    public static final StoredForms FORMS = StoredForms.forms().field("self", Tally.FORM).field("tree", Tally.FORM)
            .field("tally", Tally.FORM).field("extensions", EXTENSIONS).document(BODIES, BodyNode.FORM);

    private final ReadStore store;
    private final BodyTree bodies;
    private final DashboardRollup rollup;

    public DashboardProjection(ReadStore store) {
        this.store = store;
        this.bodies = new BodyTree(store, BODIES);
        this.rollup = new DashboardRollup(store, bodies);
    }

    // ------------------------------------------------------------------ bodies

    @EventHandler
    public void on(BodyRegistered e, @SequenceNumber Long seq, EventMessage<?> m) {
        bodies.register(e, seq(seq), LogOrder.key(m)).ifPresent(moved ->
                rollup.moveTree(Tally.read(dashboardDoc(e.code()).get("tree")), moved.oldPath(), moved.newPath()));
        Document d = dashboardDoc(e.code());
        d.put("name", e.name());
        d.put("level", e.level() == null ? null : e.level().name());
        d.put("parent", e.parentCode());
        store.put(DASHBOARD, d);
    }

    @EventHandler
    public void on(BodyRenamed e, @SequenceNumber Long seq) {
        if (bodies.rename(e, seq(seq))) {
            Document d = dashboardDoc(e.code());
            d.put("name", e.newName());
            store.put(DASHBOARD, d);
        }
    }

    @EventHandler
    public void on(BodyClosed e, @SequenceNumber Long seq) {
        if (bodies.close(e, seq(seq))) {
            Document d = dashboardDoc(e.code());
            d.put("closed", true);
            store.put(DASHBOARD, d);
        }
    }

    @EventHandler
    public void on(BodyMerged e, @SequenceNumber Long seq, EventMessage<?> m) {
        if (bodies.merge(e, seq(seq), LogOrder.key(m))) {
            Document d = dashboardDoc(e.code());
            d.put("closed", true);
            d.put("successor", e.intoCode());
            store.put(DASHBOARD, d);
        }
    }

    // ------------------------------------------------------------------ directives

    @EventHandler
    public void on(DirectiveRecalled e, @SequenceNumber Long seq) {
        stop(e.directiveId(), seq(seq));
    }

    @EventHandler
    public void on(DirectiveReplaced e, @SequenceNumber Long seq) {
        stop(e.directiveId(), seq(seq));
    }

    private void stop(String directiveId, long seq) {
        Document dir = directiveDoc(directiveId);
        if (Docs.num(dir, "seq", -1) >= seq) {
            return;
        }
        dir.put("seq", seq);
        dir.put("stopped", true);
        store.put(DIRECTIVES, dir);
        // its tasks, and the tasks delegated from them (same authority), stop: one read per level
        List<String> level = Docs.strings(dir, "tasks");
        Set<String> seen = new HashSet<>();
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Document facts : store.findAll(TASKS, level).values()) {
                if (!seen.add(facts.getString("_id"))) {
                    continue;
                }
                next.addAll(Docs.strings(facts, "children"));
                if (directiveId.equals(Docs.str(facts, "directiveId")) && !Docs.bool(facts, "stopped")) {
                    facts.put("stopped", true);
                    rollup.recompute(facts);
                }
            }
            level = next;
        }
    }

    // ------------------------------------------------------------------ tasks

    @EventHandler
    public void on(TaskAssigned e, @SequenceNumber Long seq, EventMessage<?> m) {
        Document facts = taskDoc(e.taskId());
        if (!advance(facts, seq)) {
            return;
        }
        facts.put("directiveId", e.directiveId());
        facts.put("parentTask", e.parentTaskId());
        facts.put("leads", new ArrayList<>(e.leadBodies()));
        facts.put("assignedOn", Docs.iso(e.assignedOn()));
        facts.put("due", e.deadline() == null ? null : Docs.iso(e.deadline().dueDate()));
        Document dir = directiveDoc(e.directiveId());
        facts.put("stopped", Docs.bool(dir, "stopped"));
        String key = LogOrder.key(m);
        if (e.parentTaskId() == null) {
            if (LogOrder.add(dir, "tasks", e.taskId(), key)) {
                store.put(DIRECTIVES, dir);
            }
        } else {
            linkChild(e.parentTaskId(), e.taskId(), key);
        }
        indexLeads(e.taskId(), e.leadBodies(), key);
        rollup.recompute(facts);
    }

    @EventHandler
    public void on(TaskDelegated e, @SequenceNumber Long seq, EventMessage<?> m) {
        // the child's own TaskAssigned carries its facts; here only the link, for recalls to reach it
        linkChild(e.taskId(), e.childTaskId(), LogOrder.key(m));
    }

    @EventHandler
    public void on(ExtensionGranted e, @SequenceNumber Long seq) {
        Document facts = taskDoc(e.taskId());
        if (advance(facts, seq)) {
            LocalDate due = e.newDeadline() == null ? null : e.newDeadline().dueDate();
            List<TimelinessRule.Grant> extensions = new ArrayList<>(TaskContribution.extensions(facts));
            if (extensions.isEmpty()) {
                facts.put("dueWritten", facts.get("due"));
            }
            extensions.add(new TimelinessRule.Grant(e.grantedOn(), due));
            facts.put("extensions", EXTENSIONS.write(extensions));
            facts.put("due", Docs.iso(due));
            rollup.recompute(facts);
        }
    }

    @EventHandler
    public void on(TaskReassigned e, @SequenceNumber Long seq, EventMessage<?> m) {
        Document facts = taskDoc(e.taskId());
        if (advance(facts, seq)) {
            facts.put("leads", new ArrayList<>(e.newLeadBodies()));
            indexLeads(e.taskId(), e.newLeadBodies(), LogOrder.key(m));
            rollup.recompute(facts);
        }
    }

    @EventHandler
    public void on(TaskCancelled e, @SequenceNumber Long seq) {
        Document facts = taskDoc(e.taskId());
        if (advance(facts, seq)) {
            facts.put("cancelled", true);
            rollup.recompute(facts);
        }
    }

    @EventHandler
    public void on(TaskCompleted e, @SequenceNumber Long seq) {
        Document facts = taskDoc(e.taskId());
        if (advance(facts, seq)) {
            facts.put("completedOn", Docs.iso(e.completedOn()));
            rollup.recompute(facts);
        }
    }

    @EventHandler
    public void on(CompletionRejected e, @SequenceNumber Long seq) {
        Document facts = taskDoc(e.taskId());
        if (advance(facts, seq)) {
            facts.put("completedOn", null);
            rollup.recompute(facts);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private void linkChild(String parentTaskId, String childTaskId, String key) {
        Document parent = taskDoc(parentTaskId);
        if (LogOrder.add(parent, "children", childTaskId, key)) {
            store.put(TASKS, parent);
        }
    }

    private void indexLeads(String taskId, List<String> leads, String key) {
        if (leads.isEmpty()) {
            return;
        }
        Map<String, Document> found = store.findAll(BODY_TASKS, leads);
        for (String lead : leads) {
            Document d = found.getOrDefault(lead, new Document("_id", lead));
            if (LogOrder.add(d, "tasks", taskId, key)) {
                store.put(BODY_TASKS, d);
            }
        }
    }

    /** Takes in an event of the task's own stream once: false for a duplicate (at or below the last seen). */
    private static boolean advance(Document facts, Long seq) {
        long s = seq(seq);
        if (Docs.num(facts, "seq", -1) >= s) {
            return false;
        }
        facts.put("seq", s);
        facts.put("assigned", true);
        return true;
    }

    private static long seq(Long seq) {
        return seq == null ? 0 : seq;
    }

    private Document taskDoc(String taskId) {
        return store.find(TASKS, taskId).orElseGet(() -> new Document("_id", taskId));
    }

    private Document directiveDoc(String directiveId) {
        return store.find(DIRECTIVES, directiveId).orElseGet(() -> new Document("_id", directiveId));
    }

    private Document dashboardDoc(String code) {
        return store.find(DASHBOARD, code).orElseGet(() -> new Document("_id", code));
    }
}
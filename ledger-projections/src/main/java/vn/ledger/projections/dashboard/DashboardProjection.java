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
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForms;
import vn.ledger.projections.task.TimelinessRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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
 * Each document is a record that declares its stored form ({@link StoredDashboard}, {@link StoredDashboardTask},
 * {@link StoredDashboardDirective}, {@link StoredBodyTasks}, {@link BodyNode}); what an event changes is the record's
 * ({@code apply}, pure, but for the tallies a roll-up adds to in place); this class loads, applies and stores.
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
    /** How this model's stored documents read (the administrator's decoded documents): each as its record. */
    public static final StoredForms FORMS = StoredForms.forms().document(DASHBOARD, StoredDashboard.FORM)
            .document(TASKS, StoredDashboardTask.FORM).document(DIRECTIVES, StoredDashboardDirective.FORM)
            .document(BODY_TASKS, StoredBodyTasks.FORM).document(BODIES, BodyNode.FORM);

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
                rollup.moveTree(dashboard(e.code()).tree(), moved.oldPath(), moved.newPath()));
        changeDashboard(e.code(), seq(seq), d -> d.apply(e, seq(seq)));
    }

    @EventHandler
    public void on(BodyRenamed e, @SequenceNumber Long seq) {
        bodies.rename(e, seq(seq));
        changeDashboard(e.code(), seq(seq), d -> d.apply(e, seq(seq)));
    }

    @EventHandler
    public void on(BodyClosed e, @SequenceNumber Long seq) {
        bodies.close(e, seq(seq));
        changeDashboard(e.code(), seq(seq), d -> d.apply(e, seq(seq)));
    }

    @EventHandler
    public void on(BodyMerged e, @SequenceNumber Long seq, EventMessage<?> m) {
        bodies.merge(e, seq(seq), LogOrder.key(m));
        changeDashboard(e.code(), seq(seq), d -> d.apply(e, seq(seq)));
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
        StoredDashboardDirective dir = directive(directiveId).stopped(seq);
        if (dir == null) {
            return;
        }
        store.put(DIRECTIVES, StoredDashboardDirective.FORM.document(dir));
        // its tasks, and the tasks delegated from them (same authority), stop: one read per level
        List<String> level = dir.tasks();
        Set<String> seen = new HashSet<>();
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Document found : store.findAll(TASKS, level).values()) {
                StoredDashboardTask task = StoredDashboardTask.FORM.read(found);
                if (!seen.add(task.id())) {
                    continue;
                }
                next.addAll(task.children());
                StoredDashboardTask stopped = task.stoppedBy(directiveId);
                if (stopped != null) {
                    rollup.recompute(stopped);
                }
            }
            level = next;
        }
    }

    // ------------------------------------------------------------------ tasks

    @EventHandler
    public void on(TaskAssigned e, @SequenceNumber Long seq, EventMessage<?> m) {
        StoredDashboardTask task = task(e.taskId());
        if (task.hasSeen(seq(seq))) {
            return;
        }
        StoredDashboardDirective dir = directive(e.directiveId());
        String key = LogOrder.key(m);
        if (e.parentTaskId() == null) {
            StoredDashboardDirective listed = dir.withTask(e.taskId(), key);
            if (listed != null) {
                store.put(DIRECTIVES, StoredDashboardDirective.FORM.document(listed));
            }
        } else {
            linkChild(e.parentTaskId(), e.taskId(), key);
        }
        indexLeads(e.taskId(), e.leadBodies(), key);
        rollup.recompute(task.apply(e, seq(seq), dir.stopped()));
    }

    @EventHandler
    public void on(TaskDelegated e, @SequenceNumber Long seq, EventMessage<?> m) {
        // the child's own TaskAssigned carries its facts; here only the link, for recalls to reach it
        linkChild(e.taskId(), e.childTaskId(), LogOrder.key(m));
    }

    @EventHandler
    public void on(ExtensionGranted e, @SequenceNumber Long seq) {
        changeTask(e.taskId(), seq, t -> t.apply(e, seq(seq)));
    }

    @EventHandler
    public void on(TaskReassigned e, @SequenceNumber Long seq, EventMessage<?> m) {
        if (changeTask(e.taskId(), seq, t -> t.apply(e, seq(seq)))) {
            indexLeads(e.taskId(), e.newLeadBodies(), LogOrder.key(m));
        }
    }

    @EventHandler
    public void on(TaskCancelled e, @SequenceNumber Long seq) {
        changeTask(e.taskId(), seq, t -> t.apply(e, seq(seq)));
    }

    @EventHandler
    public void on(TaskCompleted e, @SequenceNumber Long seq) {
        changeTask(e.taskId(), seq, t -> t.apply(e, seq(seq)));
    }

    @EventHandler
    public void on(CompletionRejected e, @SequenceNumber Long seq) {
        changeTask(e.taskId(), seq, t -> t.apply(e, seq(seq)));
    }

    // ------------------------------------------------------------------ plumbing

    /** Applies an event of the task's own stream once, and rolls its contribution up; false for a duplicate. */
    private boolean changeTask(String taskId, Long seq, UnaryOperator<StoredDashboardTask> change) {
        StoredDashboardTask task = task(taskId);
        if (task.hasSeen(seq(seq))) {
            return false;
        }
        rollup.recompute(change.apply(task));
        return true;
    }

    /** Applies an event of the body's own stream to its dashboard once. */
    private void changeDashboard(String code, long seq, UnaryOperator<StoredDashboard> change) {
        StoredDashboard d = dashboard(code);
        if (!d.hasSeen(seq)) {
            store.put(DASHBOARD, StoredDashboard.FORM.document(change.apply(d)));
        }
    }

    private void linkChild(String parentTaskId, String childTaskId, String key) {
        StoredDashboardTask listed = task(parentTaskId).withChild(childTaskId, key);
        if (listed != null) {
            store.put(TASKS, StoredDashboardTask.FORM.document(listed));
        }
    }

    private void indexLeads(String taskId, List<String> leads, String key) {
        if (leads.isEmpty()) {
            return;
        }
        Map<String, Document> found = store.findAll(BODY_TASKS, leads);
        for (String lead : leads) {
            Document d = found.get(lead);
            StoredBodyTasks listed = (d == null ? StoredBodyTasks.none(lead) : StoredBodyTasks.FORM.read(d))
                    .withTask(taskId, key);
            if (listed != null) {
                store.put(BODY_TASKS, StoredBodyTasks.FORM.document(listed));
            }
        }
    }

    private static long seq(Long seq) {
        return seq == null ? 0 : seq;
    }

    private StoredDashboardTask task(String taskId) {
        return store.find(TASKS, taskId).map(StoredDashboardTask.FORM::read)
                .orElseGet(() -> StoredDashboardTask.none(taskId));
    }

    private StoredDashboardDirective directive(String directiveId) {
        return store.find(DIRECTIVES, directiveId).map(StoredDashboardDirective.FORM::read)
                .orElseGet(() -> StoredDashboardDirective.none(directiveId));
    }

    private StoredDashboard dashboard(String code) {
        return store.find(DASHBOARD, code).map(StoredDashboard.FORM::read).orElseGet(() -> StoredDashboard.none(code));
    }
}

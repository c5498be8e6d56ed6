package vn.ledger.projections.chain;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.projections.body.Docs;
import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Timeliness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The implementation chain (issue 3, read model 3): the tree of a directive's forwarding directives, its tasks
 * and their delegated tasks, any depth, with a roll-up per node kept by the projection.
 *
 * <h2>Collections</h2>
 * <ul>
 *   <li>{@value #NODES}: one document per directive or task ({@code _id} = directive id or task id) with what the
 *   chain view shows of it and what its roll-up needs: its own facts, {@code parent}, {@code ancestors} (root
 *   first), {@code children} (ids, in order of arrival, stored relative to the node's id where they extend it and
 *   packed in one string: see {@link ChildIds}), {@code own} (what the node itself contributes, a {@link Tally}),
 *   {@code rollup} (the node and everything below it) and {@code height} (the longest distance to a node below
 *   it). A directive's {@code recipients} (packed in one string: {@link Recipients}) carry how far each got:
 *   {@code receivedOn}, {@code actedOn} (first day it acted, see {@link #ACTS}) and {@code forwardedAs} (the
 *   directives it issued citing this one); {@code cites} lists the directives it cites, the first being the one it
 *   hangs under. A task keeps {@code uncoveredLeads}, the leads that have not made it concrete (see
 *   {@link ChainRules#COVERAGE}). A task's {@code leads}, {@code cooperating}, {@code startedBy} and
 *   {@code uncoveredLeads} are each kept in one string too ({@link Packed#list}): a province's task can lead a
 *   hundred communes.</li>
 *   <li>{@value #ACTS}: per directive ({@code _id} = its id), every act on it by any body: {@code forwards} (each
 *   directive citing it: issuing body, id, issue day, tasks), {@code delegations} and {@code starts} (per body,
 *   the first day it delegated, or started or completed, one of its tasks). Kept apart because a central notice
 *   is cited by every commune's letter (thousands of entries) while its node, read by every chain view from the
 *   top, needs only its recipients' first acts; bodies that are not recipients (yet) are remembered here for
 *   coverage and for a receipt recorded later.</li>
 *   <li>{@value #LEADS}: {@code directiveId|bodyCode} → the tasks of that directive the body leads, so that a
 *   directive issued by a body can mark exactly those tasks as made concrete (coverage).</li>
 * </ul>
 *
 * <h2>Roll-up</h2>
 * A node's {@code own} tally: for a task, its state (open tasks in histograms by due day, split into not
 * started / started, so that overdue is decided at query time), its due day, its missing "6 rõ", its coverage
 * gaps, a histogram of open never-started undelegated tasks by assignment day, and its delegation latency; for a
 * directive, its action recipients: received, acted, latency issued → received → acted at level 0, and
 * histograms of waiting recipients by receipt day and of silent ones by issue day. On every change the
 * difference {@code new own − old own} is added to the node's roll-up and to each ancestor's, the levels shifted
 * by the distance, in place ({@link Tally#in}: the work is that of the difference, not of the roll-ups of the
 * top nodes): so the same event applied twice adds nothing, and a query reads the top of a 40,000-node tree from
 * a few documents.
 *
 * <h2>Idempotency and order</h2>
 * A node remembers the sequence number of the last event of its own aggregate that changed it; an older or
 * equal one is ignored. Facts coming from other aggregates (a child directive citing it, a delegation, a
 * receipt) are sets or minima; acts are kept in {@value #ACTS} and copied to the recipient entries of their body,
 * whichever of the act and the recipient is recorded first. A node referenced before it exists (a receipt of the child directive's issuer
 * recorded before the child, a child directive delivered before its parent) is a placeholder that collects
 * what is known; when it is linked under its own parent later, its whole roll-up is added to its new
 * ancestors and the ancestor lists below it are rewritten.
 */
public class ChainProjection {

    public static final String NODES = "chain_nodes";
    public static final String ACTS = "chain_acts";
    public static final String LEADS = "chain_leads";
    public static final List<String> COLLECTIONS = List.of(NODES, ACTS, LEADS);

    static final String DIRECTIVE = "DIRECTIVE";
    static final String TASK = "TASK";

    private final ReadStore store;

    public ChainProjection(ReadStore store) {
        this.store = store;
    }

    // ------------------------------------------------------------------ directive events

    @EventHandler
    public void on(DirectiveIssued e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.directiveId(), DIRECTIVE);
        if (!s.advance(node, seq)) {
            return;
        }
        node.put("exists", true);
        node.put("symbol", e.symbol());
        node.put("docKind", e.kind() == null ? null : e.kind().name());
        node.put("issuer", e.issuingBodyCode());
        node.put("issuedOn", Docs.iso(e.issuedOn()));
        node.put("subject", e.subject());
        node.put("status", "ACTIVE");
        node.put("tasksDeclared", e.tasks().size());
        List<Recipients.Entry> recipients = Recipients.entries(node);
        addRecipients(recipients, e.recipientsForAction(), "ACTION");
        addRecipients(recipients, e.recipientsForInformation(), "INFORMATION");
        addRecipients(recipients, e.recipientsForReport(), "REPORT");
        Recipients.write(node, recipients);
        // acts recorded before the directive itself (late delivery) reach its recipients now
        s.refreshActs(node, null);
        List<String> cited = new ArrayList<>();
        for (Citation c : e.implementsDirectives()) {
            if (c.directiveId() != null && !c.directiveId().equals(e.directiveId())) {
                Docs.addOnce(cited, c.directiveId());
            }
        }
        node.put("cites", cited);
        if (!cited.isEmpty()) {
            s.link(node, cited.get(0), DIRECTIVE);
        }
        s.recompute(node);
        for (String parentId : cited) {
            s.forwarded(parentId, e.issuingBodyCode(), e.directiveId(), e.issuedOn(), e.tasks().size());
            if (!e.tasks().isEmpty()) {
                s.cover(parentId, e.issuingBodyCode());
            }
        }
        s.flush();
    }

    @EventHandler
    public void on(DirectiveReceived e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.directiveId(), DIRECTIVE);
        if (!s.advance(node, seq)) {
            return;
        }
        boolean found = false;
        List<Recipients.Entry> recipients = Recipients.entries(node);
        for (int i = 0; i < recipients.size(); i++) {
            Recipients.Entry r = recipients.get(i);
            if (e.bodyCode().equals(r.body())) {
                found = true;
                recipients.set(i, r.receivedOn(min(r.received(), e.receivedOn())));
            }
        }
        if (!found) {
            recipients.add(Recipients.Entry.of(e.bodyCode(), "OTHER").receivedOn(e.receivedOn()));
        }
        Recipients.write(node, recipients);
        if (!found) {
            s.refreshActs(node, e.bodyCode());
        }
        s.recompute(node);
        s.flush();
    }

    @EventHandler
    public void on(DirectiveRecalled e, @SequenceNumber Long seq) {
        stop(e.directiveId(), "RECALLED", null, seq);
    }

    @EventHandler
    public void on(DirectiveReplaced e, @SequenceNumber Long seq) {
        stop(e.directiveId(), "REPLACED", e.replacementDirectiveId(), seq);
    }

    @EventHandler
    public void on(DirectiveCorrected e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.directiveId(), DIRECTIVE);
        if (!s.advance(node, seq)) {
            return;
        }
        switch (e.field()) {
            case SYMBOL -> node.put("symbol", e.newValue());
            case SUBJECT -> node.put("subject", e.newValue());
            case ISSUED_ON -> node.put("issuedOn", e.newValue());
            case KIND -> node.put("docKind", e.newValue());
            default -> {
                // signer fields are not shown in the chain
            }
        }
        s.recompute(node);
        s.flush();
    }

    private void stop(String directiveId, String status, String replacement, Long seq) {
        Session s = new Session();
        Document node = s.node(directiveId, DIRECTIVE);
        if (!s.advance(node, seq)) {
            return;
        }
        node.put("status", status);
        node.put("replacement", replacement);
        s.recompute(node);
        // its tasks and the tasks delegated from them (same authority) stop
        List<String> level = ChildIds.of(node);
        Set<String> seen = new HashSet<>();
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Document t : s.nodes(level).values()) {
                if (!TASK.equals(t.getString("kind")) || !seen.add(t.getString("_id"))
                        || !directiveId.equals(t.getString("directiveId"))) {
                    continue;
                }
                next.addAll(ChildIds.of(t));
                t.put("stopped", true);
                s.dirty(t);
                s.recompute(t);
            }
            level = next;
        }
        s.flush();
    }

    // ------------------------------------------------------------------ task events

    @EventHandler
    public void on(TaskAssigned e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.taskId(), TASK);
        if (!s.advance(node, seq)) {
            return;
        }
        node.put("exists", true);
        node.put("directiveId", e.directiveId());
        node.put("parentTask", e.parentTaskId());
        node.put("code", e.code());
        node.put("work", e.work());
        node.put("responsible", e.responsible() == null ? null
                : new Document("name", e.responsible().name()).append("position", e.responsible().position()));
        Packed.putList(node, "leads", e.leadBodies());
        Packed.putList(node, "cooperating", e.cooperatingBodies());
        node.put("assigner", e.assignerBodyCode());
        node.put("assignedOn", Docs.iso(e.assignedOn()));
        node.put("product", e.product());
        Deadline d = e.deadline();
        node.put("deadline", d == null ? null : d.wording());
        node.put("due", d == null ? null : Docs.iso(d.dueDate()));
        node.put("recurring", d != null && d.recurring());
        node.put("missing", e.missing().stream().map(Ro::name).toList());
        Document directive = s.node(e.directiveId(), DIRECTIVE);
        node.put("stopped", isStopped(directive));
        Packed.putList(node, "uncoveredLeads", uncoveredLeads(node, s.acts(e.directiveId())));
        s.indexLeads(e.directiveId(), e.taskId(), e.leadBodies());
        if (e.parentTaskId() != null) {
            s.link(node, e.parentTaskId(), TASK);
        } else {
            s.link(node, e.directiveId(), DIRECTIVE);
        }
        s.recompute(node);
        s.flush();
    }

    @EventHandler
    public void on(TaskAcknowledged e, @SequenceNumber Long seq) {
        started(e.taskId(), e.directiveId(), e.bodyCode(), e.acknowledgedOn(), seq);
    }

    @EventHandler
    public void on(ProgressReported e, @SequenceNumber Long seq) {
        started(e.taskId(), e.directiveId(), e.bodyCode(), e.reportedOn(), seq);
    }

    private void started(String taskId, String directiveId, String body, LocalDate on, Long seq) {
        Session s = new Session();
        Document node = s.node(taskId, TASK);
        List<String> startedBy = Packed.list(node, "startedBy");
        if (startedBy.contains(body) || !s.advance(node, seq)) {
            return; // this body already started it: a further report changes nothing here
        }
        startedBy.add(body);
        Packed.putList(node, "startedBy", startedBy);
        node.put("started", true);
        node.put("startedOn", Docs.iso(min(Docs.date(node, "startedOn"), on)));
        s.recompute(node);
        s.acted(directiveId, "starts", body, on);
        s.flush();
    }

    @EventHandler
    public void on(ExtensionGranted e, @SequenceNumber Long seq) {
        update(e.taskId(), seq, n -> n.put("due", e.newDeadline() == null ? null : Docs.iso(e.newDeadline().dueDate())));
    }

    @EventHandler
    public void on(TaskCancelled e, @SequenceNumber Long seq) {
        update(e.taskId(), seq, n -> n.put("cancelled", true));
    }

    @EventHandler
    public void on(TaskCompleted e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.taskId(), TASK);
        if (!s.advance(node, seq)) {
            return;
        }
        node.put("completedOn", Docs.iso(e.completedOn()));
        s.recompute(node);
        // declaring the work done is acting on the directive too
        s.acted(e.directiveId(), "starts", e.actor() == null ? null : e.actor().bodyCode(), e.completedOn());
        s.flush();
    }

    @EventHandler
    public void on(CompletionRejected e, @SequenceNumber Long seq) {
        update(e.taskId(), seq, n -> n.put("completedOn", null));
    }

    @EventHandler
    public void on(CompletionAccepted e, @SequenceNumber Long seq) {
        update(e.taskId(), seq, n -> n.put("accepted", true));
    }

    @EventHandler
    public void on(TaskReassigned e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.taskId(), TASK);
        if (!s.advance(node, seq)) {
            return;
        }
        Packed.putList(node, "leads", e.newLeadBodies());
        Packed.putList(node, "cooperating", e.newCooperatingBodies());
        Packed.putList(node, "uncoveredLeads", uncoveredLeads(node, s.acts(e.directiveId())));
        s.indexLeads(e.directiveId(), e.taskId(), e.newLeadBodies());
        s.recompute(node);
        s.flush();
    }

    @EventHandler
    public void on(TaskDelegated e, @SequenceNumber Long seq) {
        Session s = new Session();
        Document node = s.node(e.taskId(), TASK);
        if (!s.advance(node, seq)) {
            return;
        }
        Docs.addOnce(Docs.mutableList(node, "delegatedBy"), e.delegatingBodyCode());
        node.put("delegatedOn", Docs.iso(min(Docs.date(node, "delegatedOn"), e.delegatedOn())));
        List<String> uncovered = Packed.list(node, "uncoveredLeads");
        uncovered.removeIf(e.delegatingBodyCode()::equals);
        Packed.putList(node, "uncoveredLeads", uncovered);
        s.recompute(node);
        s.acted(e.directiveId(), "delegations", e.delegatingBodyCode(), e.delegatedOn());
        s.flush();
    }

    private void update(String taskId, Long seq, java.util.function.Consumer<Document> change) {
        Session s = new Session();
        Document node = s.node(taskId, TASK);
        if (!s.advance(node, seq)) {
            return;
        }
        change.accept(node);
        s.recompute(node);
        s.flush();
    }

    // ------------------------------------------------------------------ reading nodes

    public static boolean isDirective(Document node) {
        return DIRECTIVE.equals(node.getString("kind"));
    }

    /** The ids of a node's children, in order of arrival (they are stored in a shorter form: {@link ChildIds}). */
    public static List<String> children(Document node) {
        return ChildIds.of(node);
    }

    // ------------------------------------------------------------------ own contributions

    /** What the node itself adds to its roll-up and its ancestors'. */
    static Tally own(Document n) {
        Tally t = new Tally();
        if (!Docs.bool(n, "exists")) {
            return t;
        }
        return DIRECTIVE.equals(n.getString("kind")) ? ownDirective(n) : ownTask(n);
    }

    private static Tally ownTask(Document n) {
        Tally t = new Tally().count("tasks", 1).level(0, "tasks", 1);
        TaskState st = TaskState.of(n);
        LocalDate assignedOn = Docs.date(n, "assignedOn");
        switch (st.stateWithoutClock()) {
            case CANCELLED -> {
                t.count("cancelled", 1);
                if (!Docs.bool(n, "cancelled")) {
                    t.count("stopped", 1);
                }
            }
            case DONE_ON_TIME -> t.count("doneOnTime", 1);
            case DONE_LATE -> t.count("doneLate", 1);
            default -> {
                String h = st.started() ? "openIP" : "openNS";
                if (st.due() != null) {
                    t.bucket(h, st.due().toString(), 1);
                } else {
                    t.count(h + "NoDue", 1);
                }
                t.count("coverageGaps", uncoveredLeads(n).size());
                if (!st.started() && Docs.stringsView(n, "delegatedBy").isEmpty() && assignedOn != null) {
                    t.bucket("notStartedSince", assignedOn.toString(), 1);
                }
            }
        }
        if (st.stateWithoutClock() != Timeliness.CANCELLED && st.due() != null) {
            t.bucket("due", st.due().toString(), 1);
        }
        List<String> missing = missing(n);
        for (String ro : missing) {
            t.bucket("missing", ro, 1);
        }
        if (!missing.isEmpty()) {
            t.count("tasksWithGaps", 1);
        }
        LocalDate delegatedOn = Docs.date(n, "delegatedOn");
        if (delegatedOn != null) {
            t.level(0, "delegated", 1);
            if (assignedOn != null) {
                t.level(0, "delegateDays", Math.max(0, ChronoUnit.DAYS.between(assignedOn, delegatedOn)));
            }
        }
        return t;
    }

    private static Tally ownDirective(Document n) {
        Tally t = new Tally().count("directives", 1).level(0, "directives", 1);
        boolean stopped = !"ACTIVE".equals(n.getString("status"));
        if (stopped) {
            t.count("directivesStopped", 1);
        }
        LocalDate issuedOn = Docs.date(n, "issuedOn");
        for (Recipients.Entry r : Recipients.entries(n)) {
            if (!"ACTION".equals(r.role())) {
                continue;
            }
            LocalDate received = r.received();
            LocalDate acted = r.acted();
            t.count("recipients", 1).level(0, "recipients", 1);
            if (received != null) {
                t.count("received", 1).level(0, "received", 1);
                if (issuedOn != null) {
                    t.level(0, "receiveDays", Math.max(0, ChronoUnit.DAYS.between(issuedOn, received)));
                }
            }
            if (acted != null) {
                t.count("acted", 1);
                if (received != null) {
                    t.level(0, "acted", 1).level(0, "actDays", Math.max(0, ChronoUnit.DAYS.between(received, acted)));
                }
            }
            if (!stopped && acted == null) {
                if (received != null) {
                    t.bucket("awaitingSince", received.toString(), 1);
                } else if (issuedOn != null) {
                    t.bucket("unreceivedSince", issuedOn.toString(), 1);
                }
            }
        }
        return t;
    }

    /** The "6 rõ" the task still lacks: as recorded, less "trách nhiệm" once it has a lead, "thời gian" once due. */
    static List<String> missing(Document n) {
        List<String> missing = Docs.strings(n, "missing");
        if (Packed.size(n, "leads") > 0) {
            missing.remove(Ro.TRACH_NHIEM.name());
        }
        if (Docs.str(n, "due") != null || Docs.bool(n, "recurring")) {
            missing.remove(Ro.THOI_GIAN.name());
        }
        return missing;
    }

    static boolean isStopped(Document directive) {
        String status = Docs.str(directive, "status");
        return status != null && !"ACTIVE".equals(status);
    }

    /**
     * The task's leads that have not made it concrete, in the order of its leads: those that neither delegated
     * it nor issued a directive with tasks citing its directive. Kept on the node rather than the leads that did
     * (a province's task to its hundred communes has a few gaps and many covered), and only ever shortened
     * until the leads change.
     */
    private static List<String> uncoveredLeads(Document task, Document acts) {
        Set<String> covered = new HashSet<>(Docs.stringsView(task, "delegatedBy"));
        for (Document f : Docs.docsView(acts, "forwards")) {
            if (Docs.num(f, "tasks") > 0 && f.getString("body") != null) {
                covered.add(f.getString("body"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : Packed.list(task, "leads")) {
            if (!covered.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /** The task's leads that have not made it concrete (see {@link ChainRules#COVERAGE}). */
    static List<String> uncoveredLeads(Document task) {
        return Packed.list(task, "uncoveredLeads");
    }

    private static void addRecipients(List<Recipients.Entry> recipients, List<String> codes, String role) {
        for (String c : codes) {
            if (recipients.stream().noneMatch(r -> c.equals(r.body()) && role.equals(r.role()))) {
                recipients.add(Recipients.Entry.of(c, role));
            }
        }
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    // ------------------------------------------------------------------ unit of work

    /**
     * The documents one event touches: each read once, changed in memory (in place), written once at the end.
     * Keeps document identity, so a node reached both as "the task's directive" and as "an ancestor" is one
     * object.
     */
    private final class Session {

        private final Map<String, Document> nodes = new HashMap<>();
        private final Set<String> created = new HashSet<>();
        private final Set<String> dirty = new LinkedHashSet<>();
        private final Map<String, Document> acts = new HashMap<>();
        private final Set<String> dirtyActs = new LinkedHashSet<>();

        Document node(String id, String kind) {
            Document d = nodes.get(id);
            if (d == null) {
                d = store.find(NODES, id).orElse(null);
                if (d == null) {
                    d = placeholder(id, kind);
                    created.add(id);
                }
                nodes.put(id, d);
            }
            return d;
        }

        Map<String, Document> nodes(Collection<String> ids) {
            List<String> missing = ids.stream().filter(i -> !nodes.containsKey(i)).distinct().toList();
            if (!missing.isEmpty()) {
                nodes.putAll(store.findAll(NODES, missing));
            }
            Map<String, Document> out = new java.util.LinkedHashMap<>();
            for (String id : ids) {
                Document d = nodes.get(id);
                if (d != null) {
                    out.put(id, d);
                }
            }
            return out;
        }

        private Document placeholder(String id, String kind) {
            return new Document("_id", id).append("kind", kind).append("exists", false).append("seq", -1L)
                    .append("parent", null).append("ancestors", new ArrayList<String>())
                    .append("children", "").append("height", 0);
        }

        /** The acts on a directive ({@value #ACTS}), an empty document when none was recorded yet. */
        Document acts(String directiveId) {
            return acts.computeIfAbsent(directiveId,
                    id -> store.find(ACTS, id).orElseGet(() -> new Document("_id", id)));
        }

        boolean advance(Document node, Long seq) {
            long s = seq == null ? 0 : seq;
            if (Docs.num(node, "seq", -1) >= s) {
                return false;
            }
            node.put("seq", s);
            dirty(node);
            return true;
        }

        void dirty(Document node) {
            dirty.add(node.getString("_id"));
        }

        /** Applies the change of the node's own contribution to its roll-up and every ancestor's. */
        void recompute(Document node) {
            Tally after = own(node);
            Tally before = Tally.read(node.get("own"));
            if (after.equals(before)) {
                return;
            }
            Tally delta = Tally.delta(after, before);
            node.put("own", after);
            dirty(node);
            spread(node, delta, 1);
        }

        /** Adds {@code sign × t} to the node's roll-up and, levels shifted by the distance, to its ancestors'. */
        private void spread(Document node, Tally t, int sign) {
            Tally.in(node, "rollup").add(t, sign, 0);
            dirty(node);
            addToAncestors(Docs.stringsView(node, "ancestors"), t, sign, -1);
        }

        private void addToAncestors(List<String> ancestors, Tally t, int sign, int height) {
            Map<String, Document> found = nodes(ancestors);
            for (int i = 0; i < ancestors.size(); i++) {
                int distance = ancestors.size() - i;
                Document a = found.get(ancestors.get(i));
                if (a == null) {
                    a = node(ancestors.get(i), DIRECTIVE);
                }
                if (!t.isZero()) {
                    Tally.in(a, "rollup").add(t, sign, distance);
                }
                if (height >= 0 && Docs.num(a, "height") < height + distance) {
                    a.put("height", height + distance);
                }
                dirty(a);
            }
        }

        /** Hangs the node under {@code parentId}; moves its roll-up to its new ancestors when it had one. */
        void link(Document node, String parentId, String parentKind) {
            String id = node.getString("_id");
            Document parent = node(parentId, parentKind);
            List<String> parentAncestors = Docs.stringsView(parent, "ancestors");
            if (parentId.equals(id) || parentAncestors.contains(id)) {
                return; // a cycle: leave the node a root rather than loop
            }
            if (ChildIds.add(parent, id)) {
                dirty(parent);
            }
            if (parentId.equals(Docs.str(node, "parent"))) {
                return;
            }
            List<String> oldAncestors = Docs.strings(node, "ancestors");
            List<String> newAncestors = new ArrayList<>(parentAncestors);
            newAncestors.add(parentId);
            Tally rollup = Tally.read(node.get("rollup"));
            if (!oldAncestors.isEmpty()) {
                addToAncestors(oldAncestors, rollup, -1, -1);
            }
            node.put("parent", parentId);
            node.put("ancestors", newAncestors);
            dirty(node);
            addToAncestors(newAncestors, rollup, 1, (int) Docs.num(node, "height"));
            rewriteDescendants(node);
        }

        private void rewriteDescendants(Document top) {
            List<Document> level = List.of(top);
            while (!level.isEmpty()) {
                List<Document> next = new ArrayList<>();
                for (Document p : level) {
                    List<String> below = Docs.strings(p, "ancestors");
                    below.add(p.getString("_id"));
                    for (Document c : nodes(ChildIds.of(p)).values()) {
                        if (!below.contains(c.getString("_id"))) {
                            c.put("ancestors", new ArrayList<>(below));
                            dirty(c);
                            next.add(c);
                        }
                    }
                }
                level = next;
            }
        }

        /** The body issued {@code forwardId} citing {@code directiveId}: a forward, and an act on it. */
        void forwarded(String directiveId, String body, String forwardId, LocalDate issuedOn, int tasks) {
            Document a = acts(directiveId);
            List<Document> forwards = Docs.mutableList(a, "forwards");
            for (Document f : forwards) {
                if (forwardId.equals(f.getString("directiveId"))) {
                    return;
                }
            }
            forwards.add(new Document("body", body).append("directiveId", forwardId)
                    .append("issuedOn", Docs.iso(issuedOn)).append("tasks", tasks));
            dirtyActs.add(directiveId);
            Document d = node(directiveId, DIRECTIVE);
            recordAct(d, body, issuedOn, forwardId);
        }

        /** Records that the body acted on the directive (first day kept) and updates its recipients' figures. */
        void acted(String directiveId, String list, String body, LocalDate on) {
            if (directiveId == null || body == null || on == null) {
                return;
            }
            Document a = acts(directiveId);
            List<Document> entries = Docs.mutableList(a, list);
            Document mine = null;
            for (Document x : entries) {
                if (body.equals(x.getString("body"))) {
                    mine = x;
                    break;
                }
            }
            if (mine == null) {
                entries.add(new Document("body", body).append("on", Docs.iso(on)));
            } else if (on.isBefore(Docs.date(mine, "on"))) {
                mine.put("on", Docs.iso(on));
            } else {
                return;
            }
            dirtyActs.add(directiveId);
            recordAct(node(directiveId, DIRECTIVE), body, on, null);
        }

        /**
         * Brings the act to the directive's recipient entries for that body ({@code actedOn} the earliest,
         * {@code forwardedAs} the forwards in order of arrival) and recomputes the directive when they changed.
         * A directive known only by reference is saved as such, as a forward or act always did.
         */
        private void recordAct(Document d, String body, LocalDate on, String forwardId) {
            boolean changed = false;
            List<Recipients.Entry> recipients = Recipients.entries(d);
            for (int i = 0; i < recipients.size(); i++) {
                Recipients.Entry r = recipients.get(i);
                if (!body.equals(r.body())) {
                    continue;
                }
                LocalDate acted = r.acted();
                if (on != null && (acted == null || on.isBefore(acted))) {
                    r = r.actedOn(on);
                }
                if (forwardId != null && !r.forwardedAs().contains(forwardId)) {
                    List<String> as = new ArrayList<>(r.forwardedAs());
                    as.add(forwardId);
                    r = r.forwardedAs(as);
                }
                if (!r.equals(recipients.get(i))) {
                    recipients.set(i, r);
                    changed = true;
                }
            }
            if (changed) {
                Recipients.write(d, recipients);
            }
            if (changed || created.contains(d.getString("_id"))) {
                dirty(d);
            }
            if (changed) {
                recompute(d);
            }
        }

        /**
         * Derives the recipient entries' {@code actedOn} and {@code forwardedAs} from the directive's acts, for one
         * body or (null) all: for recipients that arrive after acts were recorded.
         */
        void refreshActs(Document d, String onlyBody) {
            List<Recipients.Entry> recipients = Recipients.entries(d);
            if (recipients.isEmpty()) {
                return;
            }
            Document a = acts(d.getString("_id"));
            Map<String, LocalDate> first = new HashMap<>();
            Map<String, List<String>> forwardedAs = new HashMap<>();
            for (Document f : Docs.docsView(a, "forwards")) {
                String body = f.getString("body");
                if (body != null && (onlyBody == null || onlyBody.equals(body))) {
                    earliest(first, body, Docs.date(f, "issuedOn"));
                    Docs.addOnce(forwardedAs.computeIfAbsent(body, k -> new ArrayList<>()), f.getString("directiveId"));
                }
            }
            for (String list : List.of("delegations", "starts")) {
                for (Document x : Docs.docsView(a, list)) {
                    String body = x.getString("body");
                    if (body != null && (onlyBody == null || onlyBody.equals(body))) {
                        earliest(first, body, Docs.date(x, "on"));
                    }
                }
            }
            for (int i = 0; i < recipients.size(); i++) {
                Recipients.Entry r = recipients.get(i);
                if (onlyBody == null || onlyBody.equals(r.body())) {
                    recipients.set(i, r.actedOn(first.get(r.body())).forwardedAs(forwardedAs.get(r.body())));
                }
            }
            Recipients.write(d, recipients);
            dirty(d);
        }

        private static void earliest(Map<String, LocalDate> first, String body, LocalDate on) {
            if (on != null) {
                first.merge(body, on, ChainProjection::min);
            }
        }

        /** The body issued a directive with tasks citing {@code directiveId}: the tasks it leads there are covered. */
        void cover(String directiveId, String body) {
            Document idx = store.find(LEADS, directiveId + "|" + body).orElse(null);
            List<String> tasks = Docs.strings(idx, "tasks");
            for (Document t : nodes(tasks).values()) {
                List<String> uncovered = uncoveredLeads(t);
                if (directiveId.equals(t.getString("directiveId")) && uncovered.removeIf(body::equals)) {
                    Packed.putList(t, "uncoveredLeads", uncovered);
                    dirty(t);
                    recompute(t);
                }
            }
        }

        void indexLeads(String directiveId, String taskId, List<String> leads) {
            if (leads.isEmpty()) {
                return;
            }
            List<String> keys = leads.stream().map(l -> directiveId + "|" + l).toList();
            Map<String, Document> found = store.findAll(LEADS, keys);
            for (String key : keys) {
                Document d = found.getOrDefault(key, new Document("_id", key));
                List<String> tasks = Docs.strings(d, "tasks");
                if (Docs.addOnce(tasks, taskId)) {
                    d.put("tasks", tasks);
                    store.put(LEADS, d);
                }
            }
        }

        void flush() {
            for (String id : dirtyActs) {
                store.put(ACTS, acts.get(id));
            }
            dirtyActs.clear();
            for (String id : dirty) {
                store.put(NODES, nodes.get(id));
            }
            dirty.clear();
        }
    }
}

package vn.ledger.projections.chain;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
import vn.ledger.core.shared.TaskLink;
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
import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.function.Consumer;

/**
 * The implementation chain (issue 3, read model 3): the tree of a directive's forwarding directives, its tasks and
 * their delegated tasks, any depth, with a roll-up per node. The event handlers here only say what each event means
 * for the chain; the tree's rules are {@link ChainTree} (over {@link Node} records, no store), what a node adds to
 * the roll-ups is {@link Contribution}, the acts of bodies on a directive are {@link Acts}, and the stored form is
 * {@link ChainRepository} with {@link NodeCodec}; one event's work over them is a {@link ChainUnit}.
 *
 * <h2>Idempotency and order</h2>
 * A node remembers the sequence number of the last event of its own aggregate that changed it; an older or equal one
 * is ignored. Facts coming from other aggregates (a child directive citing it, a delegation, a receipt) are sets
 * ordered by the log position of the event that brought them ({@link LogPosition}, carried by every event read
 * from the log or replayed), minima or sums, so that the same events give the same documents, byte for byte,
 * whatever order concurrent commits reached the projection in. A node referenced before it exists is a placeholder
 * that collects what is known until its own event links it.
 */
public class ChainProjection {

    public static final String NODES = "chain_nodes";
    public static final String ACTS = "chain_acts";
    public static final String RECIPIENTS = "chain_recipients";
    public static final List<String> COLLECTIONS = List.of(NODES, ACTS, RECIPIENTS);
    /** How this model's stored values read (the administrator's decoded documents). */
    public static final StoredForms FORMS = StoredForms.forms().document(NODES, NodeCodec.FORM)
            .document(RECIPIENTS, Recipients.Bucket.FORM);

    static final String DIRECTIVE = Node.DIRECTIVE;
    static final String TASK = Node.TASK;

    private final ReadStore store;

    public ChainProjection(ReadStore store) {
        this.store = store;
    }

    // ------------------------------------------------------------------ directive events

    @EventHandler
    public void on(DirectiveIssued e, @SequenceNumber Long seq, EventMessage<?> message) {
        LogPosition at = LogPosition.require(message);
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(e.directiveId(), DIRECTIVE, seq);
        if (node == null) {
            return;
        }
        node.exists = true;
        node.symbol = e.symbol();
        node.docKind = e.kind() == null ? null : e.kind().name();
        node.issuer = e.issuingBodyCode();
        node.issuedOn = e.issuedOn();
        node.subject = e.subject();
        node.status = "ACTIVE";
        node.tasksDeclared = e.tasks().size();
        List<Recipients.Entry> recipients = node.recipients();
        addRecipients(recipients, e.recipientsForAction(), "ACTION");
        addRecipients(recipients, e.recipientsForInformation(), "INFORMATION");
        addRecipients(recipients, e.recipientsForReport(), "REPORT");
        // acts recorded before the directive itself (late delivery) reach its recipients now
        u.repo.acts(e.directiveId()).refresh(node, null);
        List<String> cited = new ArrayList<>();
        for (Citation c : e.implementsDirectives()) {
            if (c.directiveId() != null && !c.directiveId().equals(e.directiveId()) && !cited.contains(c.directiveId())) {
                cited.add(c.directiveId());
            }
        }
        node.cites = cited;
        if (!cited.isEmpty()) {
            u.tree.link(node, cited.get(0), DIRECTIVE, at);
        }
        u.tree.recompute(node);
        for (String parentId : cited) {
            // a forward is an act on the cited directive, not coverage: only linked tasks cover (ChainRules.COVERAGE)
            u.forwarded(parentId, new Acts.Forward(e.issuingBodyCode(), e.directiveId(), e.issuedOn(),
                    e.tasks().size(), at));
        }
        u.repo.flush();
    }

    @EventHandler
    public void on(DirectiveReceived e, @SequenceNumber Long seq) {
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(e.directiveId(), DIRECTIVE, seq);
        if (node == null) {
            return;
        }
        boolean found = false;
        List<Recipients.Entry> recipients = node.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            Recipients.Entry r = recipients.get(i);
            if (e.bodyCode().equals(r.body())) {
                found = true;
                recipients.set(i, r.receivedOn(min(r.received(), e.receivedOn())));
            }
        }
        if (!found) {
            recipients.add(Recipients.Entry.of(e.bodyCode(), "OTHER").receivedOn(e.receivedOn()));
            u.repo.acts(e.directiveId()).refresh(node, e.bodyCode());
        }
        u.tree.recompute(node);
        u.repo.flush();
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
        update(e.directiveId(), DIRECTIVE, seq, n -> n.apply(e));
    }

    private void stop(String directiveId, String status, String replacement, Long seq) {
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(directiveId, DIRECTIVE, seq);
        if (node == null) {
            return;
        }
        node.status = status;
        node.replacement = replacement;
        u.tree.stop(node);
        u.repo.flush();
    }

    // ------------------------------------------------------------------ task events

    @EventHandler
    public void on(TaskAssigned e, @SequenceNumber Long seq, EventMessage<?> message) {
        LogPosition at = LogPosition.require(message);
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(e.taskId(), TASK, seq);
        if (node == null) {
            return;
        }
        node.exists = true;
        node.directiveId = e.directiveId();
        node.parentTask = e.parentTaskId();
        node.code = e.code();
        node.work = e.work();
        node.responsibleName = e.responsible() == null ? null : e.responsible().name();
        node.responsiblePosition = e.responsible() == null ? null : e.responsible().position();
        node.leads = new ArrayList<>(e.leadBodies());
        node.cooperating = new ArrayList<>(e.cooperatingBodies());
        node.assigner = e.assignerBodyCode();
        node.assignedOn = e.assignedOn();
        node.product = e.product();
        Deadline d = e.deadline();
        node.deadline = d == null ? null : d.wording();
        node.due = d == null ? null : d.dueDate();
        node.recurring = d != null && d.recurring();
        node.missing = new ArrayList<>(e.missing().stream().map(Ro::name).toList());
        node.stopped = u.repo.node(e.directiveId(), DIRECTIVE).isStoppedDirective();
        node.coverage();
        if (e.parentTaskId() != null) {
            u.tree.link(node, e.parentTaskId(), TASK, at);
        } else {
            u.tree.link(node, e.directiveId(), DIRECTIVE, at);
        }
        u.tree.recompute(node);
        for (TaskLink link : e.implementsTasks()) {
            u.concrete(link.taskId(), e.assignerBodyCode());
        }
        u.repo.flush();
    }

    @EventHandler
    public void on(TaskAcknowledged e, @SequenceNumber Long seq) {
        started(e.taskId(), e.directiveId(), e.bodyCode(), e.acknowledgedOn(), seq);
    }

    @EventHandler
    public void on(ProgressReported e, @SequenceNumber Long seq) {
        if (e.percent() == null) {
            started(e.taskId(), e.directiveId(), e.bodyCode(), e.reportedOn(), seq);
            return;
        }
        ChainUnit u = new ChainUnit(store);
        boolean first = !u.repo.node(e.taskId(), TASK).startedBy.contains(e.bodyCode());
        Node node = u.own(e.taskId(), TASK, seq);
        if (node == null) {
            return;
        }
        node.reported(e.percent(), e.reportedOn());
        if (first) {
            node.startedBy(e.bodyCode(), e.reportedOn());
            u.tree.recompute(node);
            u.acted(e.directiveId(), Acts.STARTS, e.bodyCode(), e.reportedOn());
        }
        u.repo.flush();
    }

    private void started(String taskId, String directiveId, String body, LocalDate on, Long seq) {
        ChainUnit u = new ChainUnit(store);
        if (u.repo.node(taskId, TASK).startedBy.contains(body)) {
            return; // this body already started it: a further report changes nothing here
        }
        Node node = u.own(taskId, TASK, seq);
        if (node == null) {
            return;
        }
        node.startedBy(body, on);
        u.tree.recompute(node);
        u.acted(directiveId, Acts.STARTS, body, on);
        u.repo.flush();
    }

    @EventHandler
    public void on(ExtensionGranted e, @SequenceNumber Long seq) {
        update(e.taskId(), TASK, seq, n -> n.apply(e));
    }

    @EventHandler
    public void on(TaskCancelled e, @SequenceNumber Long seq) {
        update(e.taskId(), TASK, seq, n -> n.apply(e));
    }

    @EventHandler
    public void on(TaskCompleted e, @SequenceNumber Long seq) {
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(e.taskId(), TASK, seq);
        if (node == null) {
            return;
        }
        node.apply(e);
        u.tree.recompute(node);
        // declaring the work done is acting on the directive too
        u.acted(e.directiveId(), Acts.STARTS, e.actor() == null ? null : e.actor().bodyCode(), e.completedOn());
        u.repo.flush();
    }

    @EventHandler
    public void on(CompletionRejected e, @SequenceNumber Long seq) {
        update(e.taskId(), TASK, seq, n -> n.apply(e));
    }

    @EventHandler
    public void on(CompletionAccepted e, @SequenceNumber Long seq) {
        update(e.taskId(), TASK, seq, n -> n.apply(e));
    }

    @EventHandler
    public void on(TaskReassigned e, @SequenceNumber Long seq) {
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(e.taskId(), TASK, seq);
        if (node == null) {
            return;
        }
        node.leads = new ArrayList<>(e.newLeadBodies());
        node.cooperating = new ArrayList<>(e.newCooperatingBodies());
        node.coverage();
        u.tree.recompute(node);
        u.repo.flush();
    }

    @EventHandler
    public void on(TaskDelegated e, @SequenceNumber Long seq) {
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(e.taskId(), TASK, seq);
        if (node == null) {
            return;
        }
        node.delegatedBy(e.delegatingBodyCode(), e.delegatedOn());
        u.tree.recompute(node);
        u.acted(e.directiveId(), Acts.DELEGATIONS, e.delegatingBodyCode(), e.delegatedOn());
        u.repo.flush();
    }

    private void update(String id, String kind, Long seq, Consumer<Node> change) {
        ChainUnit u = new ChainUnit(store);
        Node node = u.own(id, kind, seq);
        if (node == null) {
            return;
        }
        change.accept(node);
        u.tree.recompute(node);
        u.repo.flush();
    }

    // ------------------------------------------------------------------ reading stored nodes

    public static boolean isDirective(Document node) {
        return NodeCodec.isDirective(node);
    }

    /** The ids of a stored node's children, in order. */
    public static List<String> children(Document node) {
        return NodeCodec.childIds(node);
    }

    /**
     * The ids of the directives citing any of {@code directiveIds}, from the acts on them: one {@code $in} for their
     * heads, one for their buckets.
     */
    public static Set<String> citing(ReadStore store, Collection<String> directiveIds) {
        Set<String> out = new LinkedHashSet<>();
        if (directiveIds.isEmpty()) {
            return out;
        }
        List<String> buckets = new ArrayList<>();
        store.findAll(ACTS, directiveIds).forEach((id, head) -> NodeCodec.actsBuckets(head)
                .forEach(k -> buckets.add(NodeCodec.actsBucketId(id, k))));
        store.findAll(ACTS, buckets).values().forEach(d -> out.addAll(NodeCodec.forwardIds(d)));
        return out;
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
}

package vn.ledger.core.task;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.BusinessCalendar;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.SixClear;
import vn.ledger.core.shared.TaskLink;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.TaskSpecRules;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One assignment: who leads, who cooperates, by when, what proves it done, under which authority. Created only
 * by a directive (issued or AssignTask) or by delegation from a parent task, never by a command of its own, so
 * that no task exists without an authority. Event sourced; registered by the application, no Spring here.
 */
public class Task {

    private enum Status { OPEN, COMPLETION_PENDING, ACCEPTED, CANCELLED }

    /** requestedOn: the request's business date, which its decision may not precede. */
    private record Request(String id, Deadline requested, LocalDate requestedOn, boolean pending) {
    }

    private static final String ASSIGNMENT = "the task's assignment";
    private static final String REQUEST = "the extension request";
    private static final String COMPLETION = "the declared completion";

    @AggregateIdentifier
    private String taskId;
    private String directiveId;
    private String assignerBodyCode;
    private List<String> leadBodies = List.of();
    private List<String> cooperatingBodies = List.of();
    private Deadline deadline;
    private Status status;
    /** Business dates acts may not precede: the assignment, and the pending completion (null when none). */
    private LocalDate assignedOn;
    private LocalDate completedOn;
    private final List<String> acknowledgedBy = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<String> children = new ArrayList<>();

    /** For Axon, to rebuild from events. */
    protected Task() {
    }

    /**
     * Creates a task. Called inside {@code AggregateLifecycle.createNew} by the Directive (issue, AssignTask) and
     * by a parent Task (delegation), after they validated the spec, so the task and its creator's event commit
     * together.
     *
     * @param parentTaskId null unless delegated
     * @param assignedOn   business date of the assignment
     */
    public Task(String taskId, String directiveId, String parentTaskId, String code, TaskSpec spec, Deadline deadline,
                String assignerBodyCode, LocalDate assignedOn, Actor actor) {
        this(taskId, directiveId, parentTaskId, code, spec, deadline, assignerBodyCode, assignedOn, List.of(), actor);
    }

    /** @param implementsTasks the tasks of cited directives it makes concrete, resolved by the directive */
    public Task(String taskId, String directiveId, String parentTaskId, String code, TaskSpec spec, Deadline deadline,
                String assignerBodyCode, LocalDate assignedOn, List<TaskLink> implementsTasks, Actor actor) {
        this(taskId, directiveId, parentTaskId, code, spec, deadline, assignerBodyCode, assignedOn, implementsTasks,
                List.of(), List.of(), actor);
    }

    /** @param leadGroups the groups its lead was named through; cooperatingGroups with their members */
    public Task(String taskId, String directiveId, String parentTaskId, String code, TaskSpec spec, Deadline deadline,
                String assignerBodyCode, LocalDate assignedOn, List<TaskLink> implementsTasks,
                List<BodyGroup> leadGroups, List<GroupMembers> cooperatingGroups, Actor actor) {
        apply(new TaskAssigned(taskId, directiveId, parentTaskId, code, spec.work(), spec.responsible(),
                spec.leadBodies(), spec.cooperatingBodies(), deadline, spec.product(), assignerBodyCode,
                SixClear.missing(spec, deadline, assignerBodyCode, directiveId), assignedOn, implementsTasks,
                leadGroups, cooperatingGroups, actor));
    }

    @CommandHandler
    public void handle(AcknowledgeTask cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        String body = requireAssignee(cmd.actor());
        if (acknowledgedBy.contains(body)) {
            return; // this body already acknowledged: nothing new to record
        }
        LocalDate on = BusinessCalendar.actedOn("acknowledgedOn", cmd.acknowledgedOn(), assignedOn, ASSIGNMENT);
        apply(new TaskAcknowledged(taskId, directiveId, body, on, cmd.actor()));
    }

    @CommandHandler
    public void handle(ReportProgress cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        String body = requireAssignee(cmd.actor());
        Text.require("text", "task.report.text.required", cmd.text());
        if (cmd.percent() != null && (cmd.percent() < 0 || cmd.percent() > 100)) {
            throw new DomainRuleViolation("percent", "task.report.percent.range", "Percent must be between 0 and 100");
        }
        // A recurring duty is judged period by period, so a report that does not say which month it covers
        // cannot be counted towards any.
        if (deadline.recurring() && cmd.period() == null) {
            throw new DomainRuleViolation("period", "task.report.period.required",
                    "This task reports monthly; say which month (period) the report covers");
        }
        Attachment.validateAll("attachments", cmd.attachments());
        LocalDate reportedOn = BusinessCalendar.actedOn("reportedOn", cmd.reportedOn(), assignedOn, ASSIGNMENT);
        apply(new ProgressReported(taskId, directiveId, body, cmd.text(), cmd.percent(), cmd.period(), reportedOn,
                cmd.attachments(), cmd.actor()));
    }

    @CommandHandler
    public void handle(UrgeTask cmd, DirectiveCatalog catalog, BodyDirectory bodies) {
        requireLive(catalog);
        requireNotAccepted();
        // The assigner, or anyone above it in the hierarchy, may urge: monitoring runs down the chain of command.
        if (!bodies.isSameOrDescendant(assignerBodyCode, bodyOf(cmd.actor()))) {
            throw new DomainRuleViolation("actor", "auth.not-assigner-or-above",
                    "Only the assigning body " + assignerBodyCode + " or a body above it may urge this task");
        }
        Text.require("message", "task.urge.message.required", cmd.message());
        LocalDate on = BusinessCalendar.actedOn("urgedOn", cmd.urgedOn(), assignedOn, ASSIGNMENT);
        apply(new TaskUrged(taskId, directiveId, cmd.message(), on, cmd.actor()));
    }

    @CommandHandler
    public String handle(RequestExtension cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireLead(cmd.actor());
        Text.require("reason", "task.extension.reason.required", cmd.reason());
        if (!deadline.hasDueDate()) {
            throw new DomainRuleViolation("taskId", "task.extension.no-deadline",
                    "The task has no due date to extend (" + deadline.kind() + ")");
        }
        if (requests.stream().anyMatch(Request::pending)) {
            throw new DomainRuleViolation("taskId", "task.extension.already-pending",
                    "An extension request is already awaiting a decision");
        }
        Deadline requested = DeadlineParser.parse(cmd.requestedDeadline(), "requestedDeadline");
        if (!requested.laterThan(deadline)) {
            throw new DomainRuleViolation("requestedDeadline", "task.extension.not-later",
                    "The requested deadline must be a date later than the current one (" + deadline.dueDate() + ")");
        }
        LocalDate on = BusinessCalendar.actedOn("requestedOn", cmd.requestedOn(), assignedOn, ASSIGNMENT);
        String requestId = taskId + "#ext" + (requests.size() + 1);
        apply(new ExtensionRequested(taskId, directiveId, requestId, deadline, requested, cmd.reason(), on,
                cmd.actor()));
        return requestId; // the caller needs it to have the request decided
    }

    @CommandHandler
    public void handle(GrantExtension cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireAssigner(cmd.actor());
        Request request = pendingRequest(cmd.requestId());
        LocalDate on = BusinessCalendar.actedOn("grantedOn", cmd.grantedOn(), request.requestedOn(), REQUEST);
        apply(new ExtensionGranted(taskId, directiveId, request.id(), deadline, request.requested(), on,
                cmd.actor()));
    }

    @CommandHandler
    public void handle(RefuseExtension cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireAssigner(cmd.actor());
        Request request = pendingRequest(cmd.requestId());
        Text.require("reason", "task.extension.reason.required", cmd.reason());
        LocalDate on = BusinessCalendar.actedOn("refusedOn", cmd.refusedOn(), request.requestedOn(), REQUEST);
        apply(new ExtensionRefused(taskId, directiveId, request.id(), request.requested(), cmd.reason(), on,
                cmd.actor()));
    }

    @CommandHandler
    public void handle(ReassignTask cmd, DirectiveCatalog catalog, BodyDirectory bodies) {
        requireLive(catalog);
        requireNotAccepted();
        requireAssigner(cmd.actor());
        Text.require("reason", "task.reason.required", cmd.reason());
        // Reassigning to nobody would leave work no one can complete; a vague assignment is recorded at
        // creation, but a deliberate change must say who now leads.
        if (cmd.newLeadBodies().isEmpty()) {
            throw new DomainRuleViolation("newLeadBodies", "task.lead.required", "Name at least one lead body");
        }
        TaskSpecRules.requireOpenBodies("newLeadBodies", cmd.newLeadBodies(), bodies);
        TaskSpecRules.requireOpenBodies("newCooperatingBodies", cmd.newCooperatingBodies(), bodies);
        LocalDate on = BusinessCalendar.actedOn("reassignedOn", cmd.reassignedOn(), assignedOn, ASSIGNMENT);
        if (cmd.newLeadBodies().equals(leadBodies) && cmd.newCooperatingBodies().equals(cooperatingBodies)) {
            return; // nothing changes
        }
        apply(new TaskReassigned(taskId, directiveId, leadBodies, cooperatingBodies, cmd.newLeadBodies(),
                cmd.newCooperatingBodies(), cmd.reason(), on, cmd.actor()));
    }

    @CommandHandler
    public void handle(CancelTask cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireAssigner(cmd.actor());
        Text.require("reason", "task.reason.required", cmd.reason());
        LocalDate on = BusinessCalendar.actedOn("cancelledOn", cmd.cancelledOn(), assignedOn, ASSIGNMENT);
        apply(new TaskCancelled(taskId, directiveId, cmd.reason(), on, cmd.actor()));
    }

    @CommandHandler
    public void handle(CompleteTask cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireLead(cmd.actor());
        if (status == Status.COMPLETION_PENDING) {
            throw new DomainRuleViolation("taskId", "task.completion.pending",
                    "A completion is already awaiting the assigner's acceptance");
        }
        Text.require("productDescription", "task.completion.product.required", cmd.productDescription());
        Attachment.validateAll("evidence", cmd.evidence());
        LocalDate on = BusinessCalendar.actedOn("completedOn", cmd.completedOn(), assignedOn, ASSIGNMENT);
        apply(new TaskCompleted(taskId, directiveId, cmd.productDescription(), cmd.evidence(), on,
                cmd.actor()));
    }

    @CommandHandler
    public void handle(AcceptCompletion cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireAssigner(cmd.actor());
        requireCompletionPending();
        LocalDate on = BusinessCalendar.actedOn("acceptedOn", cmd.acceptedOn(), completedOn, COMPLETION);
        apply(new CompletionAccepted(taskId, directiveId, on, cmd.actor()));
    }

    @CommandHandler
    public void handle(RejectCompletion cmd, DirectiveCatalog catalog) {
        requireLive(catalog);
        requireNotAccepted();
        requireAssigner(cmd.actor());
        requireCompletionPending();
        Text.require("reason", "task.reason.required", cmd.reason());
        LocalDate on = BusinessCalendar.actedOn("rejectedOn", cmd.rejectedOn(), completedOn, COMPLETION);
        apply(new CompletionRejected(taskId, directiveId, cmd.reason(), on, cmd.actor()));
    }

    @CommandHandler
    public String handle(DelegateTask cmd, DirectiveCatalog catalog, BodyDirectory bodies) throws Exception {
        requireLive(catalog);
        requireNotAccepted();
        String delegator = requireLead(cmd.actor());
        String childId = cmd.childTaskId();
        DelegationRules.requireChildId(taskId, childId, children);
        TaskSpec spec = cmd.spec();
        Deadline childDeadline = DelegationRules.validate(taskId, deadline, spec, delegator, bodies);
        String code = Text.isBlank(spec.code()) ? childId.substring(directiveId.length() + 1) : spec.code();
        LocalDate today = BusinessCalendar.actedOn("delegatedOn", cmd.delegatedOn(), assignedOn, ASSIGNMENT);
        apply(new TaskDelegated(taskId, directiveId, childId, delegator, spec.leadBodies(), spec.cooperatingBodies(),
                childDeadline, today, cmd.actor()));
        String parentId = taskId;
        String authority = directiveId;
        AggregateLifecycle.createNew(Task.class, () -> new Task(childId, authority, parentId, code, spec,
                childDeadline, delegator, today, cmd.actor()));
        return childId;
    }

    @EventSourcingHandler
    void on(TaskAssigned e) {
        taskId = e.taskId();
        directiveId = e.directiveId();
        assignerBodyCode = e.assignerBodyCode();
        leadBodies = e.leadBodies();
        cooperatingBodies = e.cooperatingBodies();
        deadline = e.deadline() != null ? e.deadline() : Deadline.none(null);
        status = Status.OPEN;
        assignedOn = e.assignedOn();
    }

    @EventSourcingHandler
    void on(TaskAcknowledged e) {
        acknowledgedBy.add(e.bodyCode());
    }

    @EventSourcingHandler
    void on(ExtensionRequested e) {
        requests.add(new Request(e.requestId(), e.requestedDeadline(), e.requestedOn(), true));
    }

    @EventSourcingHandler
    void on(ExtensionGranted e) {
        deadline = e.newDeadline();
        decide(e.requestId());
    }

    @EventSourcingHandler
    void on(ExtensionRefused e) {
        decide(e.requestId());
    }

    @EventSourcingHandler
    void on(TaskReassigned e) {
        leadBodies = e.newLeadBodies();
        cooperatingBodies = e.newCooperatingBodies();
    }

    @EventSourcingHandler
    void on(TaskCancelled e) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(TaskCompleted e) {
        status = Status.COMPLETION_PENDING;
        completedOn = e.completedOn();
    }

    @EventSourcingHandler
    void on(CompletionAccepted e) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(CompletionRejected e) {
        status = Status.OPEN;
        completedOn = null;
    }

    @EventSourcingHandler
    void on(TaskDelegated e) {
        children.add(e.childTaskId());
    }

    private void decide(String requestId) {
        requests.replaceAll(r -> r.id().equals(requestId) ? new Request(r.id(), r.requested(), r.requestedOn(), false) : r);
    }

    /** Nothing happens to a cancelled task, nor to any task of a recalled or replaced directive. */
    private void requireLive(DirectiveCatalog catalog) {
        if (status == Status.CANCELLED) {
            throw new DomainRuleViolation("taskId", "task.cancelled", "Task " + taskId + " was cancelled");
        }
        // UNKNOWN is let through on purpose: the catalog is a projection that may not have caught up yet, and
        // this task's existence proves its directive was issued.
        DirectiveStatus directive = catalog.statusOf(directiveId);
        if (directive == DirectiveStatus.RECALLED) {
            throw new DomainRuleViolation("taskId", "directive.recalled",
                    "Directive " + directiveId + " was recalled; its tasks no longer run");
        }
        if (directive == DirectiveStatus.REPLACED) {
            throw new DomainRuleViolation("taskId", "directive.replaced",
                    "Directive " + directiveId + " was replaced; its tasks no longer run");
        }
    }

    /** Once the assigner accepted the completion the task is closed; it is history from then on. */
    private void requireNotAccepted() {
        if (status == Status.ACCEPTED) {
            throw new DomainRuleViolation("taskId", "task.accepted",
                    "Task " + taskId + " was completed and accepted; it is closed");
        }
    }

    private void requireCompletionPending() {
        if (status != Status.COMPLETION_PENDING) {
            throw new DomainRuleViolation("taskId", "task.completion.not-pending",
                    "No completion of task " + taskId + " is awaiting a decision");
        }
    }

    private Request pendingRequest(String requestId) {
        return requests.stream()
                .filter(r -> r.id().equals(requestId) && r.pending())
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation("requestId", "task.extension.not-pending",
                        "No pending extension request " + requestId + " on task " + taskId));
    }

    private String requireAssignee(Actor actor) {
        String body = bodyOf(actor);
        if (!leadBodies.contains(body) && !cooperatingBodies.contains(body)) {
            throw new DomainRuleViolation("actor", "auth.not-assignee",
                    "Only a lead or cooperating body of task " + taskId + " may do this");
        }
        return body;
    }

    private String requireLead(Actor actor) {
        String body = bodyOf(actor);
        if (!leadBodies.contains(body)) {
            throw new DomainRuleViolation("actor", "auth.not-lead", "Only a lead body of task " + taskId + " may do this");
        }
        return body;
    }

    private void requireAssigner(Actor actor) {
        if (!assignerBodyCode.equals(bodyOf(actor))) {
            throw new DomainRuleViolation("actor", "auth.not-assigner",
                    "Only the assigning body " + assignerBodyCode + " may do this");
        }
    }

    /** Every command passes an authorisation check through here, so an anonymous command is refused too. */
    private static String bodyOf(Actor actor) {
        return Actor.require(actor).bodyCode();
    }
}

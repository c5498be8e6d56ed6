package vn.ledger.api.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.history.CommandResult;
import vn.ledger.api.history.HistoryController;
import vn.ledger.api.history.HistoryResponse;
import vn.ledger.api.history.Paths;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.security.CurrentActor;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.AcceptCompletion;
import vn.ledger.core.task.AcknowledgeTask;
import vn.ledger.core.task.CancelTask;
import vn.ledger.core.task.CompleteTask;
import vn.ledger.core.task.DelegateTask;
import vn.ledger.core.task.GrantExtension;
import vn.ledger.core.task.ReassignTask;
import vn.ledger.core.task.RefuseExtension;
import vn.ledger.core.task.RejectCompletion;
import vn.ledger.core.task.ReportProgress;
import vn.ledger.core.task.RequestExtension;
import vn.ledger.core.task.UrgeTask;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasks. A task id is {@code directiveId/code} (a delegated child: {@code parentId.n}, e.g.
 * {@code 5f0c.../II.1.2}); its two parts are two path segments: {@code /api/tasks/{directiveId}/{code}/...}.
 * OFFICER: acknowledge, report, request extension, complete. LEADER: urge, grant/refuse extension, reassign,
 * cancel, accept/reject, delegate (and everything an OFFICER does).
 */
@RestController
@RequestMapping("/api/tasks/{directiveId}/{code}")
@Tag(name = "Tasks", description = "The life of a task. Task id = directiveId/code, addressed as "
        + "/api/tasks/{directiveId}/{code}/...; a delegated child of II.1 is code II.1.1, II.1.2, ...")
public class TaskController {

    private static final Pattern EXT_SUFFIX = Pattern.compile("#ext([0-9]+)$");
    private static final Pattern REQUEST_NO = Pattern.compile("(?:ext)?([1-9][0-9]{0,5})");

    private final CommandDispatcher commands;
    private final CurrentActor current;
    private final HistoryController history;

    public TaskController(CommandDispatcher commands, CurrentActor current, HistoryController history) {
        this.commands = commands;
        this.current = current;
        this.history = history;
    }

    private static String taskId(String directiveId, String code) {
        return directiveId + "/" + code;
    }

    private CommandResult done(String taskId) {
        return CommandResult.of(taskId, Paths.taskHistory(taskId));
    }

    @PostMapping("/acknowledge")
    @Operation(summary = "The caller's (lead or cooperating) body acknowledges the task (→ TaskAcknowledged)")
    public CommandResult acknowledge(@PathVariable String directiveId, @PathVariable String code,
                                     @Valid @RequestBody(required = false) TaskRequests.Acknowledgement req) {
        String id = taskId(directiveId, code);
        commands.send(new AcknowledgeTask(id, req == null ? null : req.acknowledgedOn(), current.actor()), id);
        return done(id).on(req == null ? null : req.acknowledgedOn());
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report progress (→ ProgressReported); reportedOn keeps the report's own date")
    public CommandResult report(@PathVariable String directiveId, @PathVariable String code,
                                @Valid @RequestBody TaskRequests.Report req) {
        String id = taskId(directiveId, code);
        commands.send(new ReportProgress(id, req.text(), req.percent(), req.period(), req.reportedOn(),
                TaskRequests.AttachmentRequest.all(req.attachments()), current.actor()), id);
        return done(id).on(req.reportedOn());
    }

    @PostMapping("/urge")
    @Operation(summary = "Urge the task (đôn đốc) (→ TaskUrged); the assigner or a body above it")
    public CommandResult urge(@PathVariable String directiveId, @PathVariable String code,
                              @Valid @RequestBody TaskRequests.Urge req) {
        String id = taskId(directiveId, code);
        commands.send(new UrgeTask(id, req.message(), req.urgedOn(), current.actor()), id);
        return done(id).on(req.urgedOn());
    }

    @PostMapping("/extensions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a later deadline (→ ExtensionRequested); answers the requestId and its number N")
    public CommandResult requestExtension(@PathVariable String directiveId, @PathVariable String code,
                                          @Valid @RequestBody TaskRequests.ExtensionRequest req) {
        String id = taskId(directiveId, code);
        // the handler answers the request it created
        String requestId = commands.send(new RequestExtension(id, req.requestedDeadline(), req.reason(),
                req.requestedOn(), current.actor()), id);
        Matcher m = EXT_SUFFIX.matcher(requestId);
        Integer number = m.find() ? Integer.valueOf(m.group(1)) : null;
        return new CommandResult(id, null, requestId, number, Paths.taskHistory(id)).on(req.requestedOn());
    }

    @PostMapping("/extensions/{requestNo}/grant")
    @Operation(summary = "Grant extension request N (→ ExtensionGranted with old and new deadline); the assigner")
    public CommandResult grant(@PathVariable String directiveId, @PathVariable String code,
                               @Parameter(description = "N of requestId taskId#extN (or 'extN')")
                               @PathVariable String requestNo,
                               @Valid @RequestBody(required = false) TaskRequests.Grant req) {
        String id = taskId(directiveId, code);
        commands.send(new GrantExtension(id, requestId(id, requestNo), req == null ? null : req.grantedOn(),
                current.actor()), id);
        return done(id).on(req == null ? null : req.grantedOn());
    }

    @PostMapping("/extensions/{requestNo}/refuse")
    @Operation(summary = "Refuse extension request N (→ ExtensionRefused); the assigner")
    public CommandResult refuse(@PathVariable String directiveId, @PathVariable String code,
                                @PathVariable String requestNo, @Valid @RequestBody TaskRequests.Refusal req) {
        String id = taskId(directiveId, code);
        commands.send(new RefuseExtension(id, requestId(id, requestNo), req.reason(), req.refusedOn(),
                current.actor()), id);
        return done(id).on(req.refusedOn());
    }

    private static String requestId(String taskId, String requestNo) {
        Matcher m = REQUEST_NO.matcher(requestNo);
        if (!m.matches()) {
            throw new BadRequest("task.extension.request-no", "requestNo",
                    "The extension request is addressed by its number N (requestId " + taskId + "#extN).");
        }
        return taskId + "#ext" + m.group(1);
    }

    @PostMapping("/reassign")
    @Operation(summary = "Change the lead and cooperating bodies (→ TaskReassigned, old and new); the assigner")
    public CommandResult reassign(@PathVariable String directiveId, @PathVariable String code,
                                  @Valid @RequestBody TaskRequests.Reassign req) {
        String id = taskId(directiveId, code);
        commands.send(new ReassignTask(id, req.newLeadBodies(), req.newCooperatingBodies(), req.reason(),
                req.reassignedOn(), current.actor()), id);
        return done(id).on(req.reassignedOn());
    }

    @PostMapping("/cancel")
    @Operation(summary = "Cancel the task (→ TaskCancelled); the assigner. Nothing happens to it afterwards")
    public CommandResult cancel(@PathVariable String directiveId, @PathVariable String code,
                                @Valid @RequestBody TaskRequests.Cancel req) {
        String id = taskId(directiveId, code);
        commands.send(new CancelTask(id, req.reason(), req.cancelledOn(), current.actor()), id);
        return done(id).on(req.cancelledOn());
    }

    @PostMapping("/complete")
    @Operation(summary = "Declare the work done with the product as evidence (→ TaskCompleted); a lead body")
    public CommandResult complete(@PathVariable String directiveId, @PathVariable String code,
                                  @Valid @RequestBody TaskRequests.Complete req) {
        String id = taskId(directiveId, code);
        commands.send(new CompleteTask(id, req.productDescription(),
                TaskRequests.AttachmentRequest.all(req.evidence()), req.completedOn(), current.actor()), id);
        return done(id).on(req.completedOn());
    }

    @PostMapping("/accept")
    @Operation(summary = "Accept the pending completion (→ CompletionAccepted); the assigner")
    public CommandResult accept(@PathVariable String directiveId, @PathVariable String code,
                                @Valid @RequestBody(required = false) TaskRequests.Acceptance req) {
        String id = taskId(directiveId, code);
        commands.send(new AcceptCompletion(id, req == null ? null : req.acceptedOn(), current.actor()), id);
        return done(id).on(req == null ? null : req.acceptedOn());
    }

    @PostMapping("/reject")
    @Operation(summary = "Reject the pending completion (→ CompletionRejected); the assigner")
    public CommandResult reject(@PathVariable String directiveId, @PathVariable String code,
                                @Valid @RequestBody TaskRequests.Rejection req) {
        String id = taskId(directiveId, code);
        commands.send(new RejectCompletion(id, req.reason(), req.rejectedOn(), current.actor()), id);
        return done(id).on(req.rejectedOn());
    }

    @PostMapping("/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Delegate to subordinate bodies (→ TaskDelegated + child TaskAssigned, one commit)",
            description = "The child task id is {directiveId}/{code}.{number}; its deadline may not be later "
                    + "than the parent's. Only a lead body of the parent delegates, to itself or bodies below it.")
    public CommandResult delegate(@PathVariable String directiveId, @PathVariable String code,
                                  @Valid @RequestBody TaskRequests.Delegation req) {
        String id = taskId(directiveId, code);
        String childCode = code + "." + req.number();
        String childId = id + "." + req.number();
        TaskSpec spec = new TaskSpec(childCode, req.work(),
                req.responsible() == null ? null : new vn.ledger.core.shared.Person(req.responsible().name(),
                        req.responsible().position()),
                req.leadBodies(), req.cooperatingBodies(), req.deadline(), req.product());
        // the handler answers the child it created
        String created = commands.send(new DelegateTask(id, childId, spec, req.delegatedOn(), current.actor()), id);
        return new CommandResult(created, List.of(created), null, null, Paths.taskHistory(created))
                .on(req.delegatedOn());
    }

    @GetMapping("/history")
    @Operation(summary = "Stored events of a task, in order")
    public HistoryResponse history(@PathVariable String directiveId, @PathVariable String code,
            @Parameter(description = HistoryController.LATE_ENTRY)
            @RequestParam(required = false) Boolean lateEntry) {
        return history.load(taskId(directiveId, code), lateEntry);
    }
}

package vn.ledger.api.directive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.body.BodyRequests;
import vn.ledger.api.history.CommandResult;
import vn.ledger.api.history.HistoryController;
import vn.ledger.api.history.HistoryResponse;
import vn.ledger.api.history.HistoryService;
import vn.ledger.api.history.Paths;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.api.idempotency.IdempotencyFilter;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.problem.Conflict;
import vn.ledger.api.security.CurrentActor;
import vn.ledger.api.task.TaskRequests;
import vn.ledger.core.directive.AcknowledgeReceipt;
import vn.ledger.core.directive.AssignTask;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.CorrectDirective;
import vn.ledger.core.directive.IssueDirective;
import vn.ledger.core.directive.RecallDirective;
import vn.ledger.core.directive.RegisterSymbolAlias;
import vn.ledger.core.directive.ReplaceDirective;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.group.BodyRoster;
import vn.ledger.core.group.GroupedTasks;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BusinessCalendar;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.TaskSpec;

import java.util.List;
import java.util.UUID;

/** Directives (official documents). Issuing, recalling, replacing, correcting, aliases, tasks: LEADER. Receipts: OFFICER. */
@RestController
@RequestMapping("/api/directives")
@Tag(name = "Directives", description = "Issue a directive with its tasks; receipts; recall, replace, correct; "
        + "symbol aliases; add tasks")
public class DirectiveController {

    private final CommandDispatcher commands;
    private final CurrentActor current;
    private final HistoryController history;
    private final HistoryService historyService;

    private final BodyDirectory bodies;
    private final BodyRoster roster;

    public DirectiveController(CommandDispatcher commands, CurrentActor current, HistoryController history,
                               HistoryService historyService, BodyDirectory bodies, BodyRoster roster) {
        this.commands = commands;
        this.current = current;
        this.history = history;
        this.historyService = historyService;
        this.bodies = bodies;
        this.roster = roster;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a directive (IssueDirective → DirectiveIssued + one TaskAssigned per task, one commit)",
            description = "Citations are resolved by symbol or registered alias; each task's deadline is accepted "
                    + "as written ('trước ngày 05/4/2026', 'trong tháng 4/2026', 'định kỳ hằng tháng', ISO date). "
                    + "`taskIds` are the tasks the directive created, as it decided them: a task led by a group is "
                    + "one task per member on the issue date (directiveId/code@BODY).")
    public CommandResult issue(@Valid @RequestBody DirectiveRequests.Issue req) {
        Actor actor = current.actor();
        String id = req.directiveId() != null ? req.directiveId() : UUID.randomUUID().toString();
        // a caller-chosen id that exists: refused before dispatch, so that no commit position is taken, unless an
        // earlier attempt under the same Idempotency-Key stored it (then its answer is given); two requests racing
        // for a new id are settled by the event store's unique key
        if (req.directiveId() != null && historyService.exists(id)) {
            commands.answerIfStoredUnderCurrentKey(id);
            throw new Conflict("directive.id.taken", "directiveId", "A directive with id " + id + " already exists.");
        }
        String issuingBody = req.issuingBodyCode() != null ? req.issuingBodyCode() : actor.bodyCode();
        List<Citation> citations = req.implementsDirectives() == null ? List.of()
                : req.implementsDirectives().stream().map(c -> new Citation(c.asWritten(), null)).toList();
        if (req.tasks() != null && req.tasks().stream().anyMatch(t -> t.assignedOn() != null)) {
            throw new BadRequest("task.assigned-on.with-issue", "tasks",
                    "A task issued with its directive is assigned on the date of issue; leave assignedOn out.");
        }
        List<TaskSpec> tasks = req.tasks() == null ? List.of()
                : req.tasks().stream().map(TaskRequests.Spec::toSpec).toList();
        Signer signer = new Signer(req.signer().name(), req.signer().position(), req.signer().capacity());
        List<String> taskIds;
        try {
            // the ids of the tasks the directive created, as it decided them (a group's members on the issue date)
            taskIds = commands.send(new IssueDirective(id, req.symbol(), req.kind(), issuingBody, signer, req.issuedOn(),
                    req.subject(), req.recipientsForAction(), req.recipientsForInformation(),
                    req.recipientsForReport(), req.orientations(), citations, tasks, req.replacesDirectiveId(),
                    BodyRequests.Group.all(req.recipientGroupsForAction()),
                    BodyRequests.Group.all(req.recipientGroupsForInformation()),
                    BodyRequests.Group.all(req.recipientGroupsForReport()), actor), id);
        } catch (RuntimeException e) {
            // lost a race for a new caller-chosen id: the store's unique key refused the second stream; say which
            // rule, not a bare conflict
            if (req.directiveId() != null && causedBy(e, ConcurrencyException.class) && historyService.exists(id)) {
                throw new Conflict("directive.id.taken", "directiveId", "A directive with id " + id
                        + " already exists.");
            }
            throw e;
        }
        if (req.replacesDirectiveId() != null) {
            // a second command on the replaced directive: should it be refused (its issuer differs, it was
            // recalled meanwhile), the new directive stands and the problem says why the old one is not replaced
            // (its own commit, so its own idempotency key: the store takes one commit per key)
            String key = IdempotencyFilter.currentKey();
            commands.send(new ReplaceDirective(req.replacesDirectiveId(), id, "Thay thế bởi " + req.symbol(),
                    req.issuedOn(), actor), req.replacesDirectiveId(), key == null ? null : key + "#replaces");
        }
        return new CommandResult(id, List.copyOf(taskIds), null, null, Paths.directiveHistory(id))
                .on(req.issuedOn());
    }

    @PostMapping("/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Acknowledge receipt by the caller's body (AcknowledgeReceipt → DirectiveReceived)",
            description = "A second receipt by the same body records nothing.")
    public CommandResult receipt(@PathVariable String id,
                                 @Valid @RequestBody(required = false) DirectiveRequests.Receipt req) {
        commands.send(new AcknowledgeReceipt(id, req == null ? null : req.receivedOn(), current.actor()), id);
        return CommandResult.of(id, Paths.directiveHistory(id)).on(req == null ? null : req.receivedOn());
    }

    @PostMapping("/{id}/recall")
    @Operation(summary = "Recall a directive (RecallDirective → DirectiveRecalled); its tasks stop")
    public CommandResult recall(@PathVariable String id, @Valid @RequestBody DirectiveRequests.Recall req) {
        commands.send(new RecallDirective(id, req.reason(), req.recalledOn(), current.actor()), id);
        return CommandResult.of(id, Paths.directiveHistory(id)).on(req.recalledOn());
    }

    @PostMapping("/{id}/replace")
    @Operation(summary = "Replace a directive by another (ReplaceDirective → DirectiveReplaced)")
    public CommandResult replace(@PathVariable String id, @Valid @RequestBody DirectiveRequests.Replace req) {
        commands.send(new ReplaceDirective(id, req.replacementDirectiveId(), req.reason(), req.replacedOn(),
                current.actor()), id);
        return CommandResult.of(id, Paths.directiveHistory(id)).on(req.replacedOn());
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct a header field (CorrectDirective → DirectiveCorrected with old and new value)")
    public CommandResult correct(@PathVariable String id, @Valid @RequestBody DirectiveRequests.Correction req) {
        commands.send(new CorrectDirective(id, req.field(), req.newValue(), req.reason(), req.correctedOn(),
                current.actor()), id);
        return CommandResult.of(id, Paths.directiveHistory(id)).on(req.correctedOn());
    }

    @PostMapping("/{id}/aliases")
    @Operation(summary = "Register another symbol the directive is cited under (RegisterSymbolAlias → "
            + "DirectiveAliasRegistered)")
    public CommandResult alias(@PathVariable String id, @Valid @RequestBody DirectiveRequests.Alias req) {
        commands.send(new RegisterSymbolAlias(id, req.alias(), current.actor()), id);
        return CommandResult.of(id, Paths.directiveHistory(id));
    }

    @PostMapping("/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a task to an issued directive (AssignTask → TaskAssigned; for a group of lead bodies "
            + "one TaskAssigned per member, ids directiveId/code@BODY)")
    public CommandResult assign(@PathVariable String id, @Valid @RequestBody TaskRequests.Spec req) {
        String taskId = id + "/" + req.code();
        // the directive knows only the codes it was issued with; a task added later lives in its own stream (a
        // group's tasks, code@BODY, in one each: the written code is taken when any of them exists)
        if (historyService.exists(taskId) || groupTaskExists(id, req)) {
            commands.answerIfStoredUnderCurrentKey(taskId);
            throw new DomainRuleViolation("code", "task.code.taken", "This directive already has a task " + req.code());
        }
        // the ids of the tasks the directive created, as it decided them (a group's members on the assignment date)
        List<String> taskIds = commands.send(new AssignTask(id, req.toSpec(), req.assignedOn(), current.actor()), id);
        return new CommandResult(taskIds.get(0), taskIds, null, null, Paths.taskHistory(taskIds.get(0)))
                .on(req.assignedOn());
    }

    /** For a group lead, whether a member's task of this code exists (only the directive's issuer can tell). */
    private boolean groupTaskExists(String directiveId, TaskRequests.Spec req) {
        if (req.leadGroups() == null || req.leadGroups().isEmpty()) {
            return false;
        }
        TaskSpec spec = req.toSpec();
        String writer = current.actor().bodyCode();
        return GroupedTasks.plan("task", spec, writer, roster, bodies, BusinessCalendar.orToday(req.assignedOn()))
                .stream().anyMatch(p -> historyService.exists(directiveId + "/" + p.code()));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Stored events of a directive, in order")
    public HistoryResponse history(@PathVariable String id,
            @Parameter(description = HistoryController.LATE_ENTRY)
            @RequestParam(required = false) Boolean lateEntry) {
        return history.load(id, lateEntry);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

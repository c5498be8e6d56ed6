package vn.ledger.core.directive;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import vn.ledger.core.group.BodyGroups;
import vn.ledger.core.group.BodyRoster;
import vn.ledger.core.group.GroupedTasks;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BusinessCalendar;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.ImplementationLinks;
import vn.ledger.core.shared.TaskLink;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.TaskSpecRules;
import vn.ledger.core.shared.Text;
import vn.ledger.core.task.Task;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One official document: who issued it, to whom, what it implements, its orientations and its tasks. Issuing it
 * creates its Task aggregates in the same commit. Event sourced; registered by the application, no Spring here.
 * The revision is its snapshots' revision: Axon's default snapshot filter ignores a snapshot of another revision, so
 * a snapshot taken before the directive remembered what it cites (revision 2) is not read; the events are.
 */
@Revision("2")
public class Directive {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT); // 31/4 is an error, not 30/4

    private static final String ISSUE = "the directive's date of issue";

    @AggregateIdentifier
    private String directiveId;
    private String symbol;
    private DirectiveKind kind;
    private String issuingBodyCode;
    private Signer signer;
    private LocalDate issuedOn;
    private String subject;
    private DirectiveStatus status;
    private final List<String> recipients = new ArrayList<>();
    private final List<String> receivedBy = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    private final List<String> taskCodes = new ArrayList<>();
    /** The directives this one implements: the tasks of its tasks may link only to theirs. */
    private final List<String> cited = new ArrayList<>();

    /** For Axon, to rebuild from events. */
    protected Directive() {
    }

    /**
     * Issues the directive. A creation handler that is a method rather than a constructor, so that it can answer
     * what it decided: the ids of the tasks it created (a group lead's expanded to its members on the issue date),
     * which no caller can work out again safely (a body registered meanwhile would change the expansion).
     *
     * @return the ids of the tasks created, in the order of their TaskAssigned events
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public List<String> issue(IssueDirective cmd, BodyDirectory bodies, DirectiveCatalog catalog,
                              BodyRoster allBodies) {
        BodyRoster roster = BodyRoster.readOnce(allBodies);
        Text.require("directiveId", "directive.id.required", cmd.directiveId());
        Text.require("issuingBodyCode", "directive.issuing-body.required", cmd.issuingBodyCode());
        if (!cmd.issuingBodyCode().equals(Actor.require(cmd.actor()).bodyCode())) {
            throw notIssuingBody(cmd.issuingBodyCode());
        }
        if (!bodies.exists(cmd.issuingBodyCode())) {
            throw new DomainRuleViolation("issuingBodyCode", "body.not-found", "No body with code " + cmd.issuingBodyCode());
        }
        if (!bodies.isActive(cmd.issuingBodyCode())) {
            throw new DomainRuleViolation("issuingBodyCode", "body.closed",
                    "Body " + cmd.issuingBodyCode() + " is closed and can no longer issue documents");
        }
        Text.require("symbol", "directive.symbol.required", cmd.symbol());
        Text.require("subject", "directive.subject.required", cmd.subject());
        if (cmd.kind() == null) {
            throw new DomainRuleViolation("kind", "directive.kind.required", "The kind of document is required");
        }
        if (cmd.issuedOn() == null) {
            throw new DomainRuleViolation("issuedOn", "directive.issued-on.required", "The date of issue is required");
        }
        BusinessCalendar.notInFuture("issuedOn", cmd.issuedOn());
        TaskSpecRules.requireKnownBodies("recipientsForAction", cmd.recipientsForAction(), bodies);
        TaskSpecRules.requireKnownBodies("recipientsForInformation", cmd.recipientsForInformation(), bodies);
        TaskSpecRules.requireKnownBodies("recipientsForReport", cmd.recipientsForReport(), bodies);
        String issuer = cmd.issuingBodyCode();
        List<GroupMembers> forAction = IssueRules.recipientGroups("recipientGroupsForAction",
                cmd.recipientGroupsForAction(), issuer, roster, cmd.issuedOn());
        List<GroupMembers> forInformation = IssueRules.recipientGroups("recipientGroupsForInformation",
                cmd.recipientGroupsForInformation(), issuer, roster, cmd.issuedOn());
        List<GroupMembers> forReport = IssueRules.recipientGroups("recipientGroupsForReport",
                cmd.recipientGroupsForReport(), issuer, roster, cmd.issuedOn());
        List<Citation> citations = IssueRules.resolve(cmd.implementsDirectives(), cmd.directiveId(), catalog);

        List<String> citedIds = citations.stream().map(Citation::directiveId).toList();
        List<String> codes = new ArrayList<>();
        List<Deadline> deadlines = new ArrayList<>();
        List<List<TaskLink>> links = new ArrayList<>();
        List<List<GroupedTasks.Planned>> planned = new ArrayList<>();
        for (int i = 0; i < cmd.tasks().size(); i++) {
            TaskSpec spec = cmd.tasks().get(i);
            String at = "tasks[" + i + "]";
            Deadline deadline = TaskSpecRules.validate(at, spec, bodies);
            deadlines.add(deadline);
            IssueRules.requireNewCode(at + ".code", spec.code(), codes);
            codes.add(spec.code());
            links.add(ImplementationLinks.resolve(at, spec, deadline, citedIds, catalog, issuer));
            planned.add(IssueRules.plan(at, spec, issuer, roster, bodies, cmd.issuedOn(), codes));
        }

        String id = cmd.directiveId();
        String replaces = Text.isBlank(cmd.replacesDirectiveId()) ? null : cmd.replacesDirectiveId();
        if (replaces != null && (replaces.equals(id) || catalog.statusOf(replaces) != DirectiveStatus.ACTIVE)) {
            throw new DomainRuleViolation("replacesDirectiveId", "directive.replacement.not-found",
                    "No directive " + replaces + " in force to replace");
        }
        // Last, once nothing else can refuse: the claim is what stops a second document under the same number.
        String symbol = cmd.symbol().strip();
        Optional<String> holder = catalog.claimNumber(cmd.issuingBodyCode(), cmd.issuedOn().getYear(), symbol, id,
                replaces);
        if (holder.isPresent()) {
            throw new NumberTaken(symbol, cmd.issuingBodyCode(), cmd.issuedOn().getYear(), holder.get());
        }
        List<String> created = new ArrayList<>();
        for (List<GroupedTasks.Planned> tasks : planned) {
            tasks.forEach(t -> created.add(id + "/" + t.code()));
        }
        // andThen keeps DirectiveIssued ahead of the TaskAssigned events in the stream, so readers meet the
        // authority before the tasks it empowers.
        apply(new DirectiveIssued(id, symbol, cmd.kind(), cmd.issuingBodyCode(), cmd.signer(),
                cmd.issuedOn(), cmd.subject(), BodyGroups.union(cmd.recipientsForAction(), forAction),
                BodyGroups.union(cmd.recipientsForInformation(), forInformation),
                BodyGroups.union(cmd.recipientsForReport(), forReport), cmd.orientations(), citations, cmd.tasks(),
                forAction, forInformation, forReport, cmd.actor()))
                .andThen(() -> {
                    for (int i = 0; i < cmd.tasks().size(); i++) {
                        for (GroupedTasks.Planned task : planned.get(i)) {
                            createTask(id, task, deadlines.get(i), links.get(i), cmd.issuingBodyCode(),
                                    cmd.issuedOn(), cmd.actor());
                        }
                    }
                });
        return List.copyOf(created);
    }

    @CommandHandler
    public void handle(AcknowledgeReceipt cmd) {
        requireActive();
        String body = Actor.require(cmd.actor()).bodyCode();
        if (!recipients.contains(body)) {
            throw new DomainRuleViolation("actor", "auth.not-a-recipient",
                    "Body " + body + " is not among the recipients of " + symbol);
        }
        if (receivedBy.contains(body)) {
            return; // a second receipt by the same body changes nothing
        }
        LocalDate receivedOn = BusinessCalendar.orToday(cmd.receivedOn());
        BusinessCalendar.notInFuture("receivedOn", receivedOn);
        if (receivedOn.isBefore(issuedOn)) {
            throw new DomainRuleViolation("receivedOn", "directive.receipt.before-issue",
                    "Received on " + receivedOn + ", before the document was issued on " + issuedOn);
        }
        apply(new DirectiveReceived(directiveId, body, receivedOn, cmd.actor()));
    }

    @CommandHandler
    public void handle(RecallDirective cmd) {
        requireActive();
        requireIssuingBody(cmd.actor());
        Text.require("reason", "directive.reason.required", cmd.reason());
        LocalDate on = BusinessCalendar.actedOn("recalledOn", cmd.recalledOn(), issuedOn, ISSUE);
        apply(new DirectiveRecalled(directiveId, cmd.reason(), on, cmd.actor()));
    }

    @CommandHandler
    public void handle(ReplaceDirective cmd, DirectiveCatalog catalog) {
        requireActive();
        requireIssuingBody(cmd.actor());
        Text.require("replacementDirectiveId", "directive.replacement.required", cmd.replacementDirectiveId());
        if (cmd.replacementDirectiveId().equals(directiveId)) {
            throw new DomainRuleViolation("replacementDirectiveId", "directive.replacement.self",
                    "A directive cannot replace itself");
        }
        if (catalog.statusOf(cmd.replacementDirectiveId()) == DirectiveStatus.UNKNOWN) {
            throw new DomainRuleViolation("replacementDirectiveId", "directive.replacement.not-found",
                    "No directive " + cmd.replacementDirectiveId() + " is known; record the replacement first");
        }
        LocalDate on = BusinessCalendar.actedOn("replacedOn", cmd.replacedOn(), issuedOn, ISSUE);
        apply(new DirectiveReplaced(directiveId, cmd.replacementDirectiveId(), cmd.reason(), on, cmd.actor()));
    }

    @CommandHandler
    public void handle(CorrectDirective cmd) {
        requireActive();
        requireIssuingBody(cmd.actor());
        if (cmd.field() == null) {
            throw new DomainRuleViolation("field", "directive.correction.field.required", "Say which field to correct");
        }
        Text.require("newValue", "directive.correction.value.required", cmd.newValue());
        Text.require("reason", "directive.reason.required", cmd.reason());
        String oldValue = currentValue(cmd.field());
        String newValue = normalised(cmd.field(), cmd.newValue());
        // a correction of the issue date itself is dated after the date as first recorded
        LocalDate on = BusinessCalendar.actedOn("correctedOn", cmd.correctedOn(), issuedOn, ISSUE);
        if (newValue.equals(oldValue)) {
            return; // the record already says this
        }
        apply(new DirectiveCorrected(directiveId, cmd.field(), oldValue, newValue, cmd.reason(), on, cmd.actor()));
    }

    @CommandHandler
    public void handle(RegisterSymbolAlias cmd, DirectiveCatalog catalog) {
        requireActive();
        requireIssuingBody(cmd.actor());
        Text.require("alias", "directive.alias.required", cmd.alias());
        String alias = cmd.alias().strip();
        String folded = Text.fold(alias);
        if (Text.fold(symbol).equals(folded) || aliases.stream().anyMatch(a -> Text.fold(a).equals(folded))) {
            return; // already resolves here
        }
        // One alias naming two documents would make the catalog's resolution ambiguous for both.
        Optional<String> other = catalog.resolveSymbol(alias);
        if (other.isPresent() && !other.get().equals(directiveId)) {
            throw new DomainRuleViolation("alias", "directive.alias.taken",
                    "'" + alias + "' already names directive " + other.get());
        }
        apply(new DirectiveAliasRegistered(directiveId, alias, BusinessCalendar.today(), cmd.actor()));
    }

    /** @return the ids of the tasks created: one, or one per lead body of a group */
    @CommandHandler
    public List<String> handle(AssignTask cmd, BodyDirectory bodies, DirectiveCatalog catalog, BodyRoster roster) {
        requireActive();
        requireIssuingBody(cmd.actor());
        Deadline deadline = TaskSpecRules.validate("task", cmd.task(), bodies);
        // Only the codes issued with the directive are known here (a later TaskAssigned belongs to the task's
        // own stream); a clash with a task added later is stopped by the event store, which refuses a second
        // stream with the same id.
        IssueRules.requireNewCode("task.code", cmd.task().code(), taskCodes);
        LocalDate on = BusinessCalendar.actedOn("assignedOn", cmd.assignedOn(), issuedOn, ISSUE);
        List<TaskLink> links = ImplementationLinks.resolve("task", cmd.task(), deadline, cited, catalog,
                issuingBodyCode);
        List<String> codes = new ArrayList<>(taskCodes);
        codes.add(cmd.task().code());
        List<String> created = new ArrayList<>();
        for (GroupedTasks.Planned task : IssueRules.plan("task", cmd.task(), issuingBodyCode,
                BodyRoster.readOnce(roster), bodies, on, codes)) {
            createTask(directiveId, task, deadline, links, issuingBodyCode, on, cmd.actor());
            created.add(directiveId + "/" + task.code());
        }
        return List.copyOf(created);
    }

    @EventSourcingHandler
    void on(DirectiveIssued e) {
        directiveId = e.directiveId();
        symbol = e.symbol();
        kind = e.kind();
        issuingBodyCode = e.issuingBodyCode();
        signer = e.signer();
        issuedOn = e.issuedOn();
        subject = e.subject();
        status = DirectiveStatus.ACTIVE;
        addAll(recipients, e.recipientsForAction());
        addAll(recipients, e.recipientsForInformation());
        addAll(recipients, e.recipientsForReport());
        e.tasks().forEach(t -> taskCodes.add(t.code()));
        e.implementsDirectives().forEach(c -> cited.add(c.directiveId()));
    }

    @EventSourcingHandler
    void on(DirectiveReceived e) {
        receivedBy.add(e.bodyCode());
    }

    @EventSourcingHandler
    void on(DirectiveRecalled e) {
        status = DirectiveStatus.RECALLED;
    }

    @EventSourcingHandler
    void on(DirectiveReplaced e) {
        status = DirectiveStatus.REPLACED;
    }

    @EventSourcingHandler
    void on(DirectiveCorrected e) {
        switch (e.field()) {
            case SYMBOL -> symbol = e.newValue();
            case SUBJECT -> subject = e.newValue();
            case ISSUED_ON -> issuedOn = LocalDate.parse(e.newValue());
            case SIGNER_NAME -> signer = new Signer(e.newValue(), signer == null ? null : signer.position(),
                    signer == null ? null : signer.capacity());
            case SIGNER_POSITION -> signer = new Signer(signer == null ? null : signer.name(), e.newValue(),
                    signer == null ? null : signer.capacity());
            case KIND -> kind = DirectiveKind.valueOf(e.newValue());
        }
    }

    @EventSourcingHandler
    void on(DirectiveAliasRegistered e) {
        aliases.add(e.alias());
    }

    /** Spawns the Task aggregate in the current unit of work, so it commits or rolls back with the directive. */
    private static void createTask(String directiveId, GroupedTasks.Planned task, Deadline deadline,
                                   List<TaskLink> links, String assigner, LocalDate assignedOn, Actor actor) {
        String taskId = directiveId + "/" + task.code();
        try {
            AggregateLifecycle.createNew(Task.class, () -> new Task(taskId, directiveId, null, task.code(),
                    task.spec(), deadline, assigner, assignedOn, links, task.leadGroups(), task.cooperatingGroups(),
                    actor));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not create task " + taskId, e);
        }
    }

    private void requireActive() {
        if (status == DirectiveStatus.RECALLED) {
            throw new DomainRuleViolation("directiveId", "directive.recalled", "Directive " + symbol + " was recalled");
        }
        if (status == DirectiveStatus.REPLACED) {
            throw new DomainRuleViolation("directiveId", "directive.replaced", "Directive " + symbol + " was replaced");
        }
    }

    private void requireIssuingBody(Actor actor) {
        if (!issuingBodyCode.equals(Actor.require(actor).bodyCode())) {
            throw notIssuingBody(issuingBodyCode);
        }
    }

    private static DomainRuleViolation notIssuingBody(String issuer) {
        return new DomainRuleViolation("actor", "auth.not-issuing-body", "Only the issuing body " + issuer + " may do this");
    }

    private String currentValue(DirectiveField field) {
        return switch (field) {
            case SYMBOL -> symbol;
            case SUBJECT -> subject;
            case ISSUED_ON -> issuedOn.toString();
            case SIGNER_NAME -> signer == null ? null : signer.name();
            case SIGNER_POSITION -> signer == null ? null : signer.position();
            case KIND -> kind.name();
        };
    }

    /** The new value in the form the event stores: ISO date, enum name, or trimmed text. */
    private static String normalised(DirectiveField field, String value) {
        String v = value.strip();
        return switch (field) {
            case ISSUED_ON -> {
                LocalDate date;
                try {
                    date = v.contains("/") ? LocalDate.parse(v, DMY) : LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw new DomainRuleViolation("newValue", "directive.correction.value.invalid",
                            "'" + v + "' is not a date (write 2026-03-20 or 20/3/2026)");
                }
                BusinessCalendar.notInFuture("newValue", date);
                yield date.toString();
            }
            case KIND -> {
                try {
                    yield DirectiveKind.valueOf(v.toUpperCase(Locale.ROOT)).name();
                } catch (IllegalArgumentException e) {
                    throw new DomainRuleViolation("newValue", "directive.correction.value.invalid",
                            "'" + v + "' is not a kind of document " + List.of(DirectiveKind.values()));
                }
            }
            default -> v;
        };
    }

    private static void addAll(List<String> into, List<String> codes) {
        codes.stream().filter(c -> !into.contains(c)).forEach(into::add);
    }
}

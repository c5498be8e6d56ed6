package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * The document as issued. Orientations are kept apart from tasks: they are content, not trackable work.
 * Citations hold both the symbol as written and the resolved id. Each task is followed, in the same commit, by
 * a TaskAssigned of the Task aggregate directiveId + "/" + code (the authority is this directive and the
 * issuing body).
 *
 * <p>A group of recipients written as such ("Các tỉnh ủy, thành ủy") is kept as written with its members on the
 * date of issue (recipientGroupsFor*), and its members are also among the recipients (recipientsFor*), each
 * once, so that each receives on its own. Events stored before groups existed read with no groups.
 */
public record DirectiveIssued(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode,
                              Signer signer, LocalDate issuedOn, String subject, List<String> recipientsForAction,
                              List<String> recipientsForInformation, List<String> recipientsForReport,
                              List<String> orientations, List<Citation> implementsDirectives, List<TaskSpec> tasks,
                              List<GroupMembers> recipientGroupsForAction,
                              List<GroupMembers> recipientGroupsForInformation,
                              List<GroupMembers> recipientGroupsForReport, Actor actor) implements DirectiveEvent {

    public DirectiveIssued {
        recipientsForAction = Text.listOf(recipientsForAction);
        recipientsForInformation = Text.listOf(recipientsForInformation);
        recipientsForReport = Text.listOf(recipientsForReport);
        orientations = Text.listOf(orientations);
        implementsDirectives = Text.listOf(implementsDirectives);
        tasks = Text.listOf(tasks);
        recipientGroupsForAction = Text.listOf(recipientGroupsForAction);
        recipientGroupsForInformation = Text.listOf(recipientGroupsForInformation);
        recipientGroupsForReport = Text.listOf(recipientGroupsForReport);
    }

    /** A document whose recipients are named one by one. */
    public DirectiveIssued(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode,
                           Signer signer, LocalDate issuedOn, String subject, List<String> recipientsForAction,
                           List<String> recipientsForInformation, List<String> recipientsForReport,
                           List<String> orientations, List<Citation> implementsDirectives, List<TaskSpec> tasks,
                           Actor actor) {
        this(directiveId, symbol, kind, issuingBodyCode, signer, issuedOn, subject, recipientsForAction,
                recipientsForInformation, recipientsForReport, orientations, implementsDirectives, tasks, List.of(),
                List.of(), List.of(), actor);
    }
}

package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * Records a document as issued, with its recipients, its orientations (guidance, not tracked) and its tasks
 * (each becomes a Task aggregate with id directiveId + "/" + code, in the same commit).
 *
 * @param replacesDirectiveId a directive of the same issuer this one supersedes under the same number and symbol;
 *                            null for none. Only that directive's number may be reused; the replacement itself
 *                            is recorded on the replaced directive by {@link ReplaceDirective}.
 * @param recipientGroupsForAction groups of recipients as written ("Các tỉnh ủy, thành ủy"), expanded to their
 *                                 members on the date of issue; likewise ...ForInformation and ...ForReport
 */
public record IssueDirective(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode,
                             Signer signer, LocalDate issuedOn, String subject, List<String> recipientsForAction,
                             List<String> recipientsForInformation, List<String> recipientsForReport,
                             List<String> orientations, List<Citation> implementsDirectives, List<TaskSpec> tasks,
                             String replacesDirectiveId, List<BodyGroup> recipientGroupsForAction,
                             List<BodyGroup> recipientGroupsForInformation, List<BodyGroup> recipientGroupsForReport,
                             Actor actor) implements DirectiveCommand {

    public IssueDirective {
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
    public IssueDirective(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode, Signer signer,
                          LocalDate issuedOn, String subject, List<String> recipientsForAction,
                          List<String> recipientsForInformation, List<String> recipientsForReport,
                          List<String> orientations, List<Citation> implementsDirectives, List<TaskSpec> tasks,
                          String replacesDirectiveId, Actor actor) {
        this(directiveId, symbol, kind, issuingBodyCode, signer, issuedOn, subject, recipientsForAction,
                recipientsForInformation, recipientsForReport, orientations, implementsDirectives, tasks,
                replacesDirectiveId, List.of(), List.of(), List.of(), actor);
    }

    /** A document that replaces none. */
    public IssueDirective(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode, Signer signer,
                          LocalDate issuedOn, String subject, List<String> recipientsForAction,
                          List<String> recipientsForInformation, List<String> recipientsForReport,
                          List<String> orientations, List<Citation> implementsDirectives, List<TaskSpec> tasks,
                          Actor actor) {
        this(directiveId, symbol, kind, issuingBodyCode, signer, issuedOn, subject, recipientsForAction,
                recipientsForInformation, recipientsForReport, orientations, implementsDirectives, tasks, null, actor);
    }
}

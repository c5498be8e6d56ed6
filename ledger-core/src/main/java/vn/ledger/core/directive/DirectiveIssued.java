package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * The document as issued. Orientations are kept apart from tasks: they are content, not trackable work.
 * Citations hold both the symbol as written and the resolved id. Each task is followed, in the same commit, by
 * a TaskAssigned of the Task aggregate directiveId + "/" + code (the authority is this directive and the
 * issuing body).
 */
public record DirectiveIssued(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode,
                              Signer signer, LocalDate issuedOn, String subject, List<String> recipientsForAction,
                              List<String> recipientsForInformation, List<String> recipientsForReport,
                              List<String> orientations, List<Citation> implementsDirectives, List<TaskSpec> tasks,
                              Actor actor) implements DirectiveEvent {

    public DirectiveIssued {
        recipientsForAction = Text.listOf(recipientsForAction);
        recipientsForInformation = Text.listOf(recipientsForInformation);
        recipientsForReport = Text.listOf(recipientsForReport);
        orientations = Text.listOf(orientations);
        implementsDirectives = Text.listOf(implementsDirectives);
        tasks = Text.listOf(tasks);
    }
}

package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

/** Commands on the Directive aggregate (one official document), identified by a caller-given UUID string. */
public sealed interface DirectiveCommand
        permits IssueDirective, AcknowledgeReceipt, RecallDirective, ReplaceDirective, CorrectDirective,
        RegisterSymbolAlias, AssignTask {

    String directiveId();

    Actor actor();
}

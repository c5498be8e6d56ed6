package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

/** Events of the Directive aggregate; their names are stored forever. */
public sealed interface DirectiveEvent
        permits DirectiveIssued, DirectiveReceived, DirectiveRecalled, DirectiveReplaced, DirectiveCorrected,
        DirectiveAliasRegistered {

    String directiveId();

    Actor actor();
}

package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** The document was superseded by another; its tasks stop, the replacement's tasks carry on. */
public record DirectiveReplaced(String directiveId, String replacementDirectiveId, String reason,
                                LocalDate replacedOn, Actor actor) implements DirectiveEvent {
}

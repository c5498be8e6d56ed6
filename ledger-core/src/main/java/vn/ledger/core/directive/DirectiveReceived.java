package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** A recipient body received the document on receivedOn (business date). */
public record DirectiveReceived(String directiveId, String bodyCode, LocalDate receivedOn,
                                Actor actor) implements DirectiveEvent {
}

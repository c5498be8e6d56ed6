package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** The issuing body withdrew the document; its tasks stop. */
public record DirectiveRecalled(String directiveId, String reason, LocalDate recalledOn,
                                Actor actor) implements DirectiveEvent {
}

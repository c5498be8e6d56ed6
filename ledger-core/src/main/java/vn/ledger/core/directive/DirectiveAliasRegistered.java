package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** Another symbol under which the document is cited now resolves to it. */
public record DirectiveAliasRegistered(String directiveId, String alias, LocalDate registeredOn,
                                       Actor actor) implements DirectiveEvent {
}

package vn.ledger.core.directive;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** A header field corrected; old and new values as text so that an inspector sees what changed. */
public record DirectiveCorrected(String directiveId, DirectiveField field, String oldValue, String newValue,
                                 String reason, LocalDate correctedOn, Actor actor) implements DirectiveEvent {
}

package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

/**
 * Corrects one header field entered wrongly. newValue is text: ISSUED_ON as "2026-03-20" or "20/3/2026",
 * KIND as a {@link DirectiveKind} name.
 */
public record CorrectDirective(@TargetAggregateIdentifier String directiveId, DirectiveField field, String newValue,
                               String reason, Actor actor) implements DirectiveCommand {
}

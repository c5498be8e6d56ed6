package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

public record ReplaceDirective(@TargetAggregateIdentifier String directiveId, String replacementDirectiveId,
                               String reason, Actor actor) implements DirectiveCommand {
}

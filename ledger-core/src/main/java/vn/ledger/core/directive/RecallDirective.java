package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

public record RecallDirective(@TargetAggregateIdentifier String directiveId, String reason,
                              Actor actor) implements DirectiveCommand {
}

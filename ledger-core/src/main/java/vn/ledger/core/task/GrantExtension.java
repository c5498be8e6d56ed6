package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

public record GrantExtension(@TargetAggregateIdentifier String taskId, String requestId,
                             Actor actor) implements TaskCommand {
}

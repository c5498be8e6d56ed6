package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

public record RejectCompletion(@TargetAggregateIdentifier String taskId, String reason,
                               Actor actor) implements TaskCommand {
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

public record RefuseExtension(@TargetAggregateIdentifier String taskId, String requestId, String reason,
                              Actor actor) implements TaskCommand {
}

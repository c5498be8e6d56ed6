package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

public record AcceptCompletion(@TargetAggregateIdentifier String taskId, Actor actor) implements TaskCommand {
}

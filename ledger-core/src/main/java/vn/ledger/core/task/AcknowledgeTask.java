package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

/** A lead or cooperating body (the actor's) takes note of the task. */
public record AcknowledgeTask(@TargetAggregateIdentifier String taskId, Actor actor) implements TaskCommand {
}

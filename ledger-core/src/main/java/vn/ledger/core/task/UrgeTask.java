package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

/** The assigner, or any body above it, urges the assignees (đôn đốc). */
public record UrgeTask(@TargetAggregateIdentifier String taskId, String message, Actor actor) implements TaskCommand {
}

package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.TaskSpec;

/** Adds a task to an already issued directive; creates the Task aggregate directiveId + "/" + code. */
public record AssignTask(@TargetAggregateIdentifier String directiveId, TaskSpec task,
                         Actor actor) implements DirectiveCommand {
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.TaskSpec;

/**
 * A lead body of the parent passes (part of) the work down to its own units, creating the child task
 * childTaskId = parentTaskId + "." + n. The child's deadline may not be later than the parent's.
 */
public record DelegateTask(@TargetAggregateIdentifier String parentTaskId, String childTaskId, TaskSpec spec,
                           Actor actor) implements TaskCommand {
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.TaskSpec;

import java.time.LocalDate;

/**
 * A lead body of the parent passes (part of) the work down to its own units, creating the child task
 * childTaskId = parentTaskId + "." + n. The child's deadline may not be later than the parent's. delegatedOn
 * (null: today) is also the child's assignedOn. The handler answers the child's id.
 */
public record DelegateTask(@TargetAggregateIdentifier String parentTaskId, String childTaskId, TaskSpec spec,
                           LocalDate delegatedOn, Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public DelegateTask(String parentTaskId, String childTaskId, TaskSpec spec, Actor actor) {
        this(parentTaskId, childTaskId, spec, null, actor);
    }
}

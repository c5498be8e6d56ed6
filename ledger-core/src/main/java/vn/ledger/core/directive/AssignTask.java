package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.TaskSpec;

import java.time.LocalDate;

/**
 * Adds a task to an already issued directive; creates the Task aggregate directiveId + "/" + code. assignedOn
 * (null: today) is the business date of the addition, not before the directive's issue.
 */
public record AssignTask(@TargetAggregateIdentifier String directiveId, TaskSpec task, LocalDate assignedOn,
                         Actor actor) implements DirectiveCommand {

    /** Dated the day it is recorded. */
    public AssignTask(String directiveId, TaskSpec task, Actor actor) {
        this(directiveId, task, null, actor);
    }
}

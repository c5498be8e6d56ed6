package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** cancelledOn null means today. */
public record CancelTask(@TargetAggregateIdentifier String taskId, String reason, LocalDate cancelledOn,
                         Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public CancelTask(String taskId, String reason, Actor actor) {
        this(taskId, reason, null, actor);
    }
}

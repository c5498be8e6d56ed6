package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** A lead or cooperating body (the actor's) takes note of the task; acknowledgedOn null means today. */
public record AcknowledgeTask(@TargetAggregateIdentifier String taskId, LocalDate acknowledgedOn,
                              Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public AcknowledgeTask(String taskId, Actor actor) {
        this(taskId, null, actor);
    }
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** The assigner, or any body above it, urges the assignees (đôn đốc); urgedOn null means today. */
public record UrgeTask(@TargetAggregateIdentifier String taskId, String message, LocalDate urgedOn,
                       Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public UrgeTask(String taskId, String message, Actor actor) {
        this(taskId, message, null, actor);
    }
}

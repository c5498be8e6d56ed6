package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** refusedOn null means today. */
public record RefuseExtension(@TargetAggregateIdentifier String taskId, String requestId, String reason,
                              LocalDate refusedOn, Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public RefuseExtension(String taskId, String requestId, String reason, Actor actor) {
        this(taskId, requestId, reason, null, actor);
    }
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** rejectedOn null means today. */
public record RejectCompletion(@TargetAggregateIdentifier String taskId, String reason, LocalDate rejectedOn,
                               Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public RejectCompletion(String taskId, String reason, Actor actor) {
        this(taskId, reason, null, actor);
    }
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** acceptedOn null means today. */
public record AcceptCompletion(@TargetAggregateIdentifier String taskId, LocalDate acceptedOn,
                               Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public AcceptCompletion(String taskId, Actor actor) {
        this(taskId, null, actor);
    }
}

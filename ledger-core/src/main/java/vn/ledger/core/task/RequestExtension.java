package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/**
 * The lead body asks for a later deadline, written as officials write it ("trong tháng 7/2026"). The handler
 * answers the requestId it created (taskId#extN). requestedOn null means today.
 */
public record RequestExtension(@TargetAggregateIdentifier String taskId, String requestedDeadline, String reason,
                               LocalDate requestedOn, Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public RequestExtension(String taskId, String requestedDeadline, String reason, Actor actor) {
        this(taskId, requestedDeadline, reason, null, actor);
    }
}

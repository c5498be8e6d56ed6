package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** grantedOn null means today. */
public record GrantExtension(@TargetAggregateIdentifier String taskId, String requestId, LocalDate grantedOn,
                             Actor actor) implements TaskCommand {

    /** Dated the day it is recorded. */
    public GrantExtension(String taskId, String requestId, Actor actor) {
        this(taskId, requestId, null, actor);
    }
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

/** The lead body asks for a later deadline, written as officials write it ("trong tháng 7/2026"). */
public record RequestExtension(@TargetAggregateIdentifier String taskId, String requestedDeadline, String reason,
                               Actor actor) implements TaskCommand {
}

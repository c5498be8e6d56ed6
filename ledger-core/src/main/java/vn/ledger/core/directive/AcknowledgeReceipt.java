package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** A recipient body (the actor's) confirms it received the document; receivedOn null means today. */
public record AcknowledgeReceipt(@TargetAggregateIdentifier String directiveId, LocalDate receivedOn,
                                 Actor actor) implements DirectiveCommand {
}

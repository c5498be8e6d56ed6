package vn.ledger.core.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record CloseBody(@TargetAggregateIdentifier String code, String reason, LocalDate effectiveDate,
                        Actor actor) implements BodyCommand {
}

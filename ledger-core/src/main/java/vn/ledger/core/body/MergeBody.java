package vn.ledger.core.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** Merges this body into another (provinces and communes merged in 2025): it closes with a successor. */
public record MergeBody(@TargetAggregateIdentifier String code, String intoCode, LocalDate effectiveDate,
                        Actor actor) implements BodyCommand {
}

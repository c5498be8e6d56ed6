package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/**
 * Corrects one header field entered wrongly. newValue is text: ISSUED_ON as "2026-03-20" or "20/3/2026",
 * KIND as a {@link DirectiveKind} name. correctedOn null means today.
 */
public record CorrectDirective(@TargetAggregateIdentifier String directiveId, DirectiveField field, String newValue,
                               String reason, LocalDate correctedOn, Actor actor) implements DirectiveCommand {

    /** Dated the day it is recorded. */
    public CorrectDirective(String directiveId, DirectiveField field, String newValue, String reason, Actor actor) {
        this(directiveId, field, newValue, reason, null, actor);
    }
}

package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** recalledOn null means today. */
public record RecallDirective(@TargetAggregateIdentifier String directiveId, String reason, LocalDate recalledOn,
                              Actor actor) implements DirectiveCommand {

    /** Dated the day it is recorded. */
    public RecallDirective(String directiveId, String reason, Actor actor) {
        this(directiveId, reason, null, actor);
    }
}

package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** replacedOn null means today. */
public record ReplaceDirective(@TargetAggregateIdentifier String directiveId, String replacementDirectiveId,
                               String reason, LocalDate replacedOn, Actor actor) implements DirectiveCommand {

    /** Dated the day it is recorded. */
    public ReplaceDirective(String directiveId, String replacementDirectiveId, String reason, Actor actor) {
        this(directiveId, replacementDirectiveId, reason, null, actor);
    }
}

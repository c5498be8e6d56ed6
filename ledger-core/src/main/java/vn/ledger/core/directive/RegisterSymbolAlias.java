package vn.ledger.core.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;

/** Another symbol under which the document is cited, e.g. "22-TB/VPTW" for "22-TB/CQTTBCĐ". */
public record RegisterSymbolAlias(@TargetAggregateIdentifier String directiveId, String alias,
                                  Actor actor) implements DirectiveCommand {
}

package vn.ledger.core.shared;

import java.util.Optional;

/**
 * Port: lookup of directives by symbol and their status. Implemented outside the core and injected into
 * command handlers. Needed because documents cite each other under varying symbols ("22-TB/VPTW",
 * "22-TB/CQTTBCĐ") and tasks must stop when their directive is recalled or replaced.
 */
public interface DirectiveCatalog {

    /** Id of the one directive this symbol (or a registered alias) names; empty when unknown or ambiguous. */
    Optional<String> resolveSymbol(String symbolAsWritten);

    /** Status of the directive with this id; UNKNOWN when the catalog does not know it. */
    DirectiveStatus statusOf(String directiveId);
}

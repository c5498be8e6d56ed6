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

    /**
     * One document, one number: claims the number and symbol as printed ({@code symbol}, compared as the catalog
     * compares symbols) for {@code directiveId} among the documents {@code issuingBodyCode} issued in
     * {@code year}. Called by the handler that issues, as its last check, so that of two documents issued at once
     * under the same number only one gets it.
     *
     * @param replacing a directive the new one replaces: its number may be taken over; null for none
     * @return the id of another directive that holds the number (the command must be refused); empty when
     *         {@code directiveId} now holds it. A catalog that keeps no numbers answers empty.
     */
    default Optional<String> claimNumber(String issuingBodyCode, int year, String symbol, String directiveId,
                                         String replacing) {
        return Optional.empty();
    }

    /**
     * A task, for the rules of implementation links; empty when no such task was assigned. A catalog that keeps
     * no tasks answers empty, so no link resolves.
     */
    default Optional<LinkedTask> task(String taskId) {
        return Optional.empty();
    }
}

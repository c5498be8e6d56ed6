package vn.ledger.core.directive;

/**
 * A directive this one implements, as written in it ("22-TB/VPTW") and resolved to one directive id. The
 * same document is cited under several symbols in the seeds, so the wording is kept and the id is what links.
 *
 * @param directiveId null in a command means "resolve asWritten through the catalog"; always set in events
 */
public record Citation(String asWritten, String directiveId) {
}

package vn.ledger.core.shared;

/**
 * A task of a cited directive that an assignment makes concrete: as written ("II.1", or a task id) and resolved
 * to the task's id. Like a citation, the wording is kept and the id is what links.
 */
public record TaskLink(String asWritten, String taskId) {
}

package vn.ledger.core.shared;

/**
 * What the rules need to know of a task another directive's task implements: which directive it belongs to
 * and its deadline in force (extensions granted included).
 */
public record LinkedTask(String taskId, String directiveId, Deadline deadline) {
}

package vn.ledger.projections.chain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * "Where did this stall?" below a directive or task, by {@link ChainRules#STALL}.
 *
 * @param cutoff            the last day that counts as N days ago (today in Vietnam − afterDays)
 * @param receivedNotActed  action recipients waiting since the cutoff or earlier (whole tree, from the roll-up)
 * @param neverAcknowledged action recipients silent since an issue on or before the cutoff
 * @param tasksNotStarted   open tasks nobody started or delegated, assigned on or before the cutoff
 * @param items             the stalls, nearest levels first, at most the limit asked for
 * @param truncated         more stalls exist than listed
 * @param branches          for each child of the node: the deepest level reached below it
 */
public record StallReport(String id, String rule, Instant now, int afterDays, LocalDate cutoff,
                          long receivedNotActed, long neverAcknowledged, long tasksNotStarted, List<Stall> items,
                          boolean truncated, int deepestLevel, List<Branch> branches) {

    public enum Reason { RECEIVED_NOT_ACTED, NEVER_ACKNOWLEDGED, TASK_NOT_STARTED }

    /**
     * @param nodeId   the directive (recipient stalls) or task (task stalls)
     * @param body     the recipient, or the task's lead bodies joined by ", "
     * @param since    receipt, issue or assignment date
     * @param level    distance below the node asked about
     */
    public record Stall(String nodeId, String kind, String label, Reason reason, String body, LocalDate since,
                        long days, int level) {
    }

    /** @param deepestLevel distance from the node asked about to the deepest node of this branch */
    public record Branch(String id, String kind, String label, int deepestLevel) {
    }
}

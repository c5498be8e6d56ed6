package vn.ledger.projections.chain;

/**
 * The rules the chain read model applies, each with a version shown in the answers that depend on it. A change
 * of rule is a new version, so a figure can always be traced to the rule that produced it.
 */
public final class ChainRules {

    private ChainRules() {
    }

    /**
     * How the tree is built. A task hangs under the task it was delegated from, else under its directive. A
     * directive hangs under the first directive it cites (its {@code implementsDirectives[0]}, resolved id):
     * documents cite the one they directly implement first (506-CV/ĐU cites 569-CV/TU, then 22-TB/VPTW). The
     * other citations are kept on the node ({@code alsoImplements}) and count as forwarding for the cited
     * directive's recipients, but roll-ups follow the first citation only, so nothing is counted twice.
     */
    public static final String TREE = "chain-tree/1";

    /**
     * "Where did this stall?", with N the number of days asked for and dates in the Vietnamese calendar. An
     * action recipient ({@code recipientsForAction}) stalls when it received the directive on day R and
     * acted on no day: it neither issued a directive citing it (forwarded), nor delegated one of its tasks,
     * nor acknowledged or reported on one of its tasks, and R ≤ today − N. It never acknowledged when no
     * receipt (and no act) is recorded and the issue date ≤ today − N. A task stalls when it is open, nobody
     * acknowledged or reported on it, it was not delegated, and its assignment date ≤ today − N. Recipients
     * and tasks of a recalled or replaced directive do not stall.
     */
    public static final String STALL = "chain-stall/1";

    /**
     * "Which parent tasks were never made concrete below?": a (task, lead body) pair is a gap when the task is
     * open (neither done, cancelled, nor stopped by the recall or replacement of its directive) and the lead
     * body neither delegated the task nor issued a directive citing the task's directive that assigns at least
     * one task. Tasks with no lead body have no such pair (their gap is the missing "rõ trách nhiệm").
     */
    public static final String COVERAGE = "chain-coverage/1";
}

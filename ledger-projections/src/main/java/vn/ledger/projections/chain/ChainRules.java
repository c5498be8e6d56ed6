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
     * "Which parent tasks were never made concrete below?", per parent task and per lead body: a (task, lead
     * body) pair is a gap when the task is open (neither done, cancelled, nor stopped by the recall or replacement
     * of its directive) and the lead body neither delegated the task nor issued a task linked to it (a task whose
     * {@code implementsTasks} names it; the linking task's assigner is the body that made it concrete). A letter
     * of the lead body that cites the task's directive but links none of its tasks to this one (and no delegation
     * of it) passes the notice on without making the task concrete: the gap stays, listed as such with the letters
     * ({@link CoverageReport.Reason#PASSED_ON_WITHOUT_CONCRETE_TASKS}). Tasks with no lead body have no such pair
     * (their gap is the missing "rõ trách nhiệm").
     */
    public static final String COVERAGE = "chain-coverage/2";

    /**
     * The coverage rule {@link #COVERAGE} replaced, named in its answers: any directive of the lead body citing
     * the task's directive and assigning at least one task covered every task that body led there, so a province
     * that made only task 1 concrete showed no gap on task 2.
     */
    public static final String COVERAGE_PREVIOUS = "chain-coverage/1";
}

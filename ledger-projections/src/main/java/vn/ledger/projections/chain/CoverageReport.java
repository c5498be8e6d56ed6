package vn.ledger.projections.chain;

import java.time.LocalDate;
import java.util.List;

/**
 * "Which parent tasks were never made concrete below?" by {@link ChainRules#COVERAGE}, per parent task and per
 * lead body.
 *
 * @param rule         the rule applied, {@link ChainRules#COVERAGE}
 * @param previousRule the rule it replaced, {@link ChainRules#COVERAGE_PREVIOUS}
 * @param gaps         (task, lead) gaps in the whole tree, from the roll-up
 * @param items        the gaps, nearest levels first, at most the limit asked for
 * @param byLead       the listed gaps per lead body, in the order each body first appears among the items
 * @param truncated    more gaps exist than listed
 */
public record CoverageReport(String id, String rule, String previousRule, long gaps, List<Gap> items,
                             List<ByLead> byLead, boolean truncated) {

    /** Why a lead body has not made a task concrete. */
    public enum Reason {
        /** It issued no letter citing the task's directive, delegated nothing of the task. */
        NOT_PASSED_ON,
        /**
         * It issued letters citing the task's directive ({@link Gap#passedOnIn}), but none links a task to this one,
         * and it did not delegate it: the notice was passed on without a concrete task for this one.
         */
        PASSED_ON_WITHOUT_CONCRETE_TASKS
    }

    /**
     * @param status     the task's timeliness at the moment asked
     * @param passedOnIn the lead body's letters citing the task's directive, in log order (empty when none)
     */
    public record Gap(String taskId, String directiveId, String code, String work, String leadBody, Reason reason,
                      List<String> passedOnIn, String status, LocalDate assignedOn, LocalDate due, int level) {
    }

    /**
     * One lead body's listed gaps.
     *
     * @param taskIds    the tasks it has not made concrete, in the order listed
     * @param passedOnIn its letters that passed those tasks' directives on without concrete tasks for them
     */
    public record ByLead(String leadBody, List<String> taskIds, List<String> passedOnIn) {
    }
}

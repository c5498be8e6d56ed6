package vn.ledger.projections.chain;

import java.time.LocalDate;
import java.util.List;

/**
 * "Which parent tasks were never made concrete below?" by {@link ChainRules#COVERAGE}.
 *
 * @param gaps      (task, lead) gaps in the whole tree, from the roll-up
 * @param items     the gaps, nearest levels first, at most the limit asked for
 * @param truncated more gaps exist than listed
 */
public record CoverageReport(String id, String rule, long gaps, List<Gap> items, boolean truncated) {

    /** @param status the task's timeliness at the moment asked */
    public record Gap(String taskId, String directiveId, String code, String work, String leadBody, String status,
                      LocalDate assignedOn, LocalDate due, int level) {
    }
}

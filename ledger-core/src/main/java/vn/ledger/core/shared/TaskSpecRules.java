package vn.ledger.core.shared;

import java.util.List;

/**
 * Checks shared by every way a task comes into being (issued with a directive, added later, delegated):
 * the bodies named must exist and be open, and the deadline must be readable. Everything else an assignment
 * may lack is a missing rõ, recorded by {@link SixClear}, not refused.
 */
public final class TaskSpecRules {

    private TaskSpecRules() {
    }

    /**
     * @param prefix where the spec sits in the command, e.g. "tasks[2]", for naming the offending field
     * @return the parsed deadline
     */
    public static Deadline validate(String prefix, TaskSpec spec, BodyDirectory bodies) {
        if (spec == null) {
            throw new DomainRuleViolation(prefix, "task.spec.required", "The task is missing");
        }
        requireOpenBodies(prefix + ".leadBodies", spec.leadBodies(), bodies);
        requireOpenBodies(prefix + ".cooperatingBodies", spec.cooperatingBodies(), bodies);
        for (String lead : spec.leadBodies()) {
            if (spec.cooperatingBodies().contains(lead)) {
                throw new DomainRuleViolation(prefix + ".cooperatingBodies", "task.bodies.lead-and-cooperating",
                        "Body " + lead + " cannot both lead and cooperate on the same task");
            }
        }
        return DeadlineParser.parse(spec.deadline(), prefix + ".deadline");
    }

    /** New work can only go to bodies that exist and are still open (a closed or merged body cannot act). */
    public static void requireOpenBodies(String field, List<String> codes, BodyDirectory bodies) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = field + "[" + i + "]";
            if (!bodies.exists(code)) {
                throw new DomainRuleViolation(at, "body.not-found", "No body with code " + code);
            }
            if (!bodies.isActive(code)) {
                throw new DomainRuleViolation(at, "body.closed", "Body " + code + " is closed and cannot be given work");
            }
        }
    }

    /** Recipients must be known bodies. */
    public static void requireKnownBodies(String field, List<String> codes, BodyDirectory bodies) {
        for (int i = 0; i < codes.size(); i++) {
            if (!bodies.exists(codes.get(i))) {
                throw new DomainRuleViolation(field + "[" + i + "]", "body.not-found", "No body with code " + codes.get(i));
            }
        }
    }
}

package vn.ledger.core.task;

import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.TaskSpecRules;

import java.util.List;
import java.util.regex.Pattern;

/** What a delegation must respect, apart from who may delegate (the parent task checks that). */
final class DelegationRules {

    private DelegationRules() {
    }

    /** The child's id is the parent's followed by '.' and a number not taken yet. */
    static void requireChildId(String parentId, String childId, List<String> children) {
        if (childId == null || !Pattern.matches(Pattern.quote(parentId + ".") + "[1-9][0-9]*", childId)) {
            throw new DomainRuleViolation("childTaskId", "task.child-id.invalid",
                    "A delegated task's id is the parent's id followed by '.' and a number, e.g. " + parentId + ".1");
        }
        if (children.contains(childId)) {
            throw new DomainRuleViolation("childTaskId", "task.child-id.taken", "Task " + childId + " already exists");
        }
    }

    /** @return the child's parsed deadline */
    static Deadline validate(String parentId, Deadline parentDeadline, TaskSpec spec, String delegator,
                             BodyDirectory bodies) {
        // A delegated task implements its parent; links to other directives' tasks belong to directives.
        if (spec != null && !spec.implementsTasks().isEmpty()) {
            throw new DomainRuleViolation("spec.implementsTasks", "task.link.delegated",
                    "A delegated task implements its parent " + parentId + "; it names no other");
        }
        // A delegation creates one child task; a group would need one per member (name the bodies instead).
        if (spec != null && spec.namesGroups()) {
            throw new DomainRuleViolation(spec.leadGroups().isEmpty() ? "spec.cooperatingGroups" : "spec.leadGroups",
                    "task.delegate.group", "A delegation names its bodies one by one; a group of bodies may lead "
                            + "or cooperate on the tasks of a directive");
        }
        Deadline childDeadline = TaskSpecRules.validate("spec", spec, bodies);
        // A body can only pass work to itself or to bodies under it: that is the extent of its authority.
        requireSubordinates("spec.leadBodies", spec.leadBodies(), delegator, bodies);
        requireSubordinates("spec.cooperatingBodies", spec.cooperatingBodies(), delegator, bodies);
        // The child must be done in time for the parent to be done in time; a parent without a due date
        // (recurring, urgent or none) imposes nothing.
        if (childDeadline.laterThan(parentDeadline)) {
            throw new DomainRuleViolation("spec.deadline", "task.deadline.after-parent",
                    "The delegated deadline " + childDeadline.dueDate() + " is later than the parent's "
                            + parentDeadline.dueDate());
        }
        return childDeadline;
    }

    private static void requireSubordinates(String field, List<String> codes, String delegator, BodyDirectory bodies) {
        for (int i = 0; i < codes.size(); i++) {
            if (!bodies.isSameOrDescendant(codes.get(i), delegator)) {
                throw new DomainRuleViolation(field + "[" + i + "]", "task.delegate.not-subordinate",
                        "Body " + codes.get(i) + " is not " + delegator + " nor under it");
            }
        }
    }
}

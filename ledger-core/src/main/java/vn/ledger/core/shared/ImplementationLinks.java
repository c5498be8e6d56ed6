package vn.ledger.core.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The links of an assignment to the tasks of the directives it implements ("569-CV/TU's task 2 makes 22-TB's II.1
 * concrete"). A link is written as a task id, or as the code printed in a cited directive ("II.1"), resolved
 * through the citations: the code must name a task in exactly one of them. Once linked, the rule of delegation
 * applies across the link: the task may not be due later than the task it implements, or the lower level
 * could never make the upper level's deadline.
 */
public final class ImplementationLinks {

    public static final String UNRESOLVED = "task.link.unresolved";
    public static final String AMBIGUOUS = "task.link.ambiguous";
    public static final String NOT_CITED = "task.link.not-cited";
    /** The same rule as a delegated deadline later than its parent's. */
    public static final String AFTER_PARENT = "task.deadline.after-parent";

    private ImplementationLinks() {
    }

    /**
     * @param prefix   where the spec sits in the command, e.g. "tasks[1]"
     * @param deadline the spec's parsed deadline
     * @param cited    ids of the directives the assigning directive implements
     * @return the links, resolved, in the order written
     */
    public static List<TaskLink> resolve(String prefix, TaskSpec spec, Deadline deadline, List<String> cited,
                                         DirectiveCatalog catalog) {
        return resolve(prefix, spec, deadline, cited, catalog, null);
    }

    /**
     * @param implementer the body that issues the implementing directive: a printed code ("II.1") of a task that
     *                    a group led, one task per member ("II.1@TU-DIENBIEN"), names that body's own task
     */
    public static List<TaskLink> resolve(String prefix, TaskSpec spec, Deadline deadline, List<String> cited,
                                         DirectiveCatalog catalog, String implementer) {
        List<TaskLink> links = new ArrayList<>();
        for (int i = 0; i < spec.implementsTasks().size(); i++) {
            String field = prefix + ".implementsTasks[" + i + "]";
            String written = spec.implementsTasks().get(i);
            if (Text.isBlank(written)) {
                throw new DomainRuleViolation(field, UNRESOLVED, "Name the task implemented, e.g. II.1");
            }
            LinkedTask parent = find(field, written.strip(), cited, catalog, implementer);
            if (deadline.laterThan(parent.deadline())) {
                throw new DomainRuleViolation(prefix + ".deadline", AFTER_PARENT, "The deadline "
                        + deadline.dueDate() + " is later than " + parent.deadline().dueDate() + ", the deadline of "
                        + parent.taskId() + " which this task implements ('" + written.strip() + "')");
            }
            if (links.stream().noneMatch(l -> l.taskId().equals(parent.taskId()))) {
                links.add(new TaskLink(written.strip(), parent.taskId()));
            }
        }
        return List.copyOf(links);
    }

    private static LinkedTask find(String field, String written, List<String> cited, DirectiveCatalog catalog,
                                   String implementer) {
        if (written.contains("/")) {
            LinkedTask task = catalog.task(written).orElseThrow(() -> new DomainRuleViolation(field, UNRESOLVED,
                    "No task " + written + " is known"));
            if (!cited.contains(task.directiveId())) {
                throw new DomainRuleViolation(field, NOT_CITED, "Task " + written + " belongs to directive "
                        + task.directiveId() + ", which this directive does not cite as implemented");
            }
            return task;
        }
        List<LinkedTask> found = new ArrayList<>();
        for (String directiveId : cited) {
            Optional<LinkedTask> task = catalog.task(directiveId + "/" + written);
            if (task.isEmpty() && implementer != null) {
                task = catalog.task(directiveId + "/" + written + "@" + implementer);
            }
            task.ifPresent(found::add);
        }
        if (found.isEmpty()) {
            throw new DomainRuleViolation(field, UNRESOLVED, "No task '" + written + "' in the directives cited "
                    + cited + "; cite the directive it belongs to, or give the task's id");
        }
        if (found.size() > 1) {
            throw new DomainRuleViolation(field, AMBIGUOUS, "'" + written + "' names a task in several cited "
                    + "directives " + found.stream().map(LinkedTask::taskId).toList() + "; give the task's id");
        }
        return found.get(0);
    }
}

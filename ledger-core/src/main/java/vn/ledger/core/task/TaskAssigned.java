package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.shared.TaskLink;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * A task exists. Authority: directiveId + assignerBodyCode (+ parentTaskId when delegated). {@code missing}
 * lists the "6 rõ" the assignment lacks; they are recorded, never refused.
 *
 * @param assignedOn      business date: the directive's issue date, or the day a task was added or delegated
 * @param implementsTasks the tasks of cited directives this one makes concrete (empty in events stored before
 *                        links existed, which read as linking nothing)
 * @param leadGroups        the groups, as written, through which this task's lead was named (its code is then the
 *                          printed code + "@" + the lead body); empty for a body named by itself, and in events
 *                          stored before groups existed
 * @param cooperatingGroups the groups of cooperating bodies as written with their members on the assignment date
 *                          (the members are also among cooperatingBodies)
 */
public record TaskAssigned(String taskId, String directiveId, String parentTaskId, String code, String work,
                           Person responsible, List<String> leadBodies, List<String> cooperatingBodies,
                           Deadline deadline, String product, String assignerBodyCode, List<Ro> missing,
                           LocalDate assignedOn, List<TaskLink> implementsTasks, List<BodyGroup> leadGroups,
                           List<GroupMembers> cooperatingGroups, Actor actor) implements TaskEvent {

    public TaskAssigned {
        leadBodies = Text.listOf(leadBodies);
        cooperatingBodies = Text.listOf(cooperatingBodies);
        missing = Text.listOf(missing);
        implementsTasks = Text.listOf(implementsTasks);
        leadGroups = Text.listOf(leadGroups);
        cooperatingGroups = Text.listOf(cooperatingGroups);
    }

    /** A task named without any group of bodies. */
    public TaskAssigned(String taskId, String directiveId, String parentTaskId, String code, String work,
                        Person responsible, List<String> leadBodies, List<String> cooperatingBodies,
                        Deadline deadline, String product, String assignerBodyCode, List<Ro> missing,
                        LocalDate assignedOn, List<TaskLink> implementsTasks, Actor actor) {
        this(taskId, directiveId, parentTaskId, code, work, responsible, leadBodies, cooperatingBodies, deadline,
                product, assignerBodyCode, missing, assignedOn, implementsTasks, List.of(), List.of(), actor);
    }

    /** A task that implements no task of another directive. */
    public TaskAssigned(String taskId, String directiveId, String parentTaskId, String code, String work,
                        Person responsible, List<String> leadBodies, List<String> cooperatingBodies,
                        Deadline deadline, String product, String assignerBodyCode, List<Ro> missing,
                        LocalDate assignedOn, Actor actor) {
        this(taskId, directiveId, parentTaskId, code, work, responsible, leadBodies, cooperatingBodies, deadline,
                product, assignerBodyCode, missing, assignedOn, List.of(), actor);
    }
}

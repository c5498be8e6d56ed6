package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/** On the parent: the work was passed down to childTaskId, whose own TaskAssigned follows in the same commit. */
public record TaskDelegated(String taskId, String directiveId, String childTaskId, String delegatingBodyCode,
                            List<String> leadBodies, List<String> cooperatingBodies, Deadline deadline,
                            LocalDate delegatedOn, Actor actor) implements TaskEvent {

    public TaskDelegated {
        leadBodies = Text.listOf(leadBodies);
        cooperatingBodies = Text.listOf(cooperatingBodies);
    }
}

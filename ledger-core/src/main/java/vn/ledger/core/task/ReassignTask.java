package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/** The assigner changes who leads and who cooperates; reassignedOn null means today. */
public record ReassignTask(@TargetAggregateIdentifier String taskId, List<String> newLeadBodies,
                           List<String> newCooperatingBodies, String reason, LocalDate reassignedOn,
                           Actor actor) implements TaskCommand {

    public ReassignTask {
        newLeadBodies = Text.listOf(newLeadBodies);
        newCooperatingBodies = Text.listOf(newCooperatingBodies);
    }

    /** Dated the day it is recorded. */
    public ReassignTask(String taskId, List<String> newLeadBodies, List<String> newCooperatingBodies, String reason,
                        Actor actor) {
        this(taskId, newLeadBodies, newCooperatingBodies, reason, null, actor);
    }
}

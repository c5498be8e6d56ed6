package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Text;

import java.util.List;

/** The assigner changes who leads and who cooperates. */
public record ReassignTask(@TargetAggregateIdentifier String taskId, List<String> newLeadBodies,
                           List<String> newCooperatingBodies, String reason, Actor actor) implements TaskCommand {

    public ReassignTask {
        newLeadBodies = Text.listOf(newLeadBodies);
        newCooperatingBodies = Text.listOf(newCooperatingBodies);
    }
}

package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

public record TaskReassigned(String taskId, String directiveId, List<String> oldLeadBodies,
                             List<String> oldCooperatingBodies, List<String> newLeadBodies,
                             List<String> newCooperatingBodies, String reason, LocalDate reassignedOn,
                             Actor actor) implements TaskEvent {

    public TaskReassigned {
        oldLeadBodies = Text.listOf(oldLeadBodies);
        oldCooperatingBodies = Text.listOf(oldCooperatingBodies);
        newLeadBodies = Text.listOf(newLeadBodies);
        newCooperatingBodies = Text.listOf(newCooperatingBodies);
    }
}

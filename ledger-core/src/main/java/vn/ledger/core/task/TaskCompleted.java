package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/** The lead body declares the work done; pending until the assigner accepts or rejects. */
public record TaskCompleted(String taskId, String directiveId, String productDescription, List<Attachment> evidence,
                            LocalDate completedOn, Actor actor) implements TaskEvent {

    public TaskCompleted {
        evidence = Text.listOf(evidence);
    }
}

package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.List;

/** The lead body declares the work done; the assigner then accepts or rejects. completedOn null means today. */
public record CompleteTask(@TargetAggregateIdentifier String taskId, String productDescription,
                           List<Attachment> evidence, LocalDate completedOn, Actor actor) implements TaskCommand {

    public CompleteTask {
        evidence = Text.listOf(evidence);
    }
}

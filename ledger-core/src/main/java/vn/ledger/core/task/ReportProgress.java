package vn.ledger.core.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A lead or cooperating body reports progress.
 *
 * @param percent    0..100, nullable
 * @param period     the month the report covers; required when the task reports monthly
 * @param reportedOn business date of the report (a report dated 25/3 entered on 2/4 keeps 25/3; the recording
 *                   instant is the event timestamp); null means today
 */
public record ReportProgress(@TargetAggregateIdentifier String taskId, String text, Integer percent, YearMonth period,
                             LocalDate reportedOn, List<Attachment> attachments, Actor actor) implements TaskCommand {

    public ReportProgress {
        attachments = Text.listOf(attachments);
    }
}

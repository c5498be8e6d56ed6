package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** reportedOn is the business date; the moment it was recorded is the event's timestamp. */
public record ProgressReported(String taskId, String directiveId, String bodyCode, String text, Integer percent,
                               YearMonth period, LocalDate reportedOn, List<Attachment> attachments,
                               Actor actor) implements TaskEvent {

    public ProgressReported {
        attachments = Text.listOf(attachments);
    }
}

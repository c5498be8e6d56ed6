package vn.ledger.projections.task;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskUrged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A task's acknowledgements, reports and urgings are one string each; those of layout 1 still read")
class TaskEntriesTest {

    private static final Actor ACTOR = new Actor("thang", "Hạng Xuân Thắng", "Bí thư", "DU-SINHBINH");
    private static final Instant AT = Instant.parse("2026-04-02T03:04:05.678Z");
    private static final String SHA = "a".repeat(64);
    private static final Document ACTOR_LAYOUT_1 = new Document("username", "thang").append("fullName", "Hạng Xuân Thắng")
            .append("position", "Bí thư").append("body", "DU-SINHBINH");

    @Test
    void aReportReadsBackWithEveryField() {
        ProgressReported e = new ProgressReported("d-1/II.2", "d-1", "DU-SINHBINH", "Đã triển khai\u001F 50%", 50,
                YearMonth.of(2026, 4), LocalDate.of(2026, 4, 2), List.of(new Attachment("bao-cao.pdf", SHA)), ACTOR);
        String stored = TaskEntries.report(e, AT);

        TaskView.Report expected = new TaskView.Report("DU-SINHBINH", "Đã triển khai\u001F 50%", 50,
                YearMonth.of(2026, 4), LocalDate.of(2026, 4, 2), AT, List.of(new Attachment("bao-cao.pdf", SHA)), ACTOR);
        assertThat(TaskEntries.report(stored)).isEqualTo(expected);
        Document layout1 = new Document("body", "DU-SINHBINH").append("text", "Đã triển khai\u001F 50%")
                .append("percent", 50).append("period", "2026-04").append("on", "2026-04-02").append("at", Date.from(AT))
                .append("attachments", List.of(new Document("name", "bao-cao.pdf").append("sha256", SHA)))
                .append("by", ACTOR_LAYOUT_1);
        assertThat(TaskEntries.report(layout1)).isEqualTo(expected);
    }

    @Test
    void aReportWithoutPercentPeriodOrAttachmentsKeepsThemAbsent() {
        ProgressReported e = new ProgressReported("d-1/1", "d-1", "BTC", "", null, null, null, List.of(), null);

        TaskView.Report r = TaskEntries.report(TaskEntries.report(e, null));
        assertThat(r).isEqualTo(new TaskView.Report("BTC", "", null, null, null, null, List.of(), null));
    }

    @Test
    void acknowledgementsAndUrgingsReadBackInEitherLayout() {
        TaskAcknowledged ack = new TaskAcknowledged("d-1/1", "d-1", "BTC", LocalDate.of(2026, 3, 5), ACTOR);
        TaskView.Acknowledgement a = new TaskView.Acknowledgement("BTC", LocalDate.of(2026, 3, 5), ACTOR, AT);
        assertThat(TaskEntries.ack(TaskEntries.ack(ack, AT))).isEqualTo(a);
        assertThat(TaskEntries.ack(new Document("body", "BTC").append("on", "2026-03-05")
                .append("by", ACTOR_LAYOUT_1).append("at", Date.from(AT)))).isEqualTo(a);

        TaskUrged urged = new TaskUrged("d-1/1", "d-1", "Khẩn trương", LocalDate.of(2026, 3, 9), ACTOR);
        TaskView.Urging u = new TaskView.Urging("Khẩn trương", LocalDate.of(2026, 3, 9), ACTOR, AT);
        assertThat(TaskEntries.urging(TaskEntries.urging(urged, AT))).isEqualTo(u);
        assertThat(TaskEntries.urging(new Document("message", "Khẩn trương").append("on", "2026-03-09")
                .append("by", ACTOR_LAYOUT_1).append("at", Date.from(AT)))).isEqualTo(u);
    }
}

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

@DisplayName("A task's acknowledgements, reports and urgings are stored packed by their forms; sub-documents of the previous layout read")
class TaskItemFormsTest {

    private static final Actor ACTOR = new Actor("thang", "Hạng Xuân Thắng", "Bí thư", "DU-SINHBINH");
    private static final Instant AT = Instant.parse("2026-04-02T03:04:05.678Z");
    private static final String SHA = "a".repeat(64);
    private static final Document ACTOR_LAYOUT_1 = new Document("username", "thang").append("fullName", "Hạng Xuân Thắng")
            .append("position", "Bí thư").append("body", "DU-SINHBINH");

    @Test
    void aReportReadsBackWithEveryField() {
        ProgressReported e = new ProgressReported("d-1/II.2", "d-1", "DU-SINHBINH", "Đã triển khai\u001F 50%", 50,
                YearMonth.of(2026, 4), LocalDate.of(2026, 4, 2), List.of(new Attachment("bao-cao.pdf", SHA)), ACTOR);
        Object stored = TaskView.Report.FORM.write(TaskView.Report.of(e, AT));

        TaskView.Report expected = new TaskView.Report("DU-SINHBINH", "Đã triển khai\u001F 50%", 50,
                YearMonth.of(2026, 4), LocalDate.of(2026, 4, 2), AT, List.of(new Attachment("bao-cao.pdf", SHA)), ACTOR);
        assertThat(TaskView.Report.FORM.read(stored)).isEqualTo(expected);
        // the string task layout 3 stores, unchanged: a document of the current main layout decodes
        assertThat(stored).isEqualTo("DU-SINHBINH\u001FĐã triển khai\u001B\u001F 50%\u001F50\u001F2026-04\u001F"
                + "2026-04-02\u001F" + AT.toEpochMilli() + "\u001F1\u001Fbao-cao.pdf\u001F" + SHA
                + "\u001Fthang\u001FHạng Xuân Thắng\u001FBí thư\u001FDU-SINHBINH");
        Document layout1 = new Document("body", "DU-SINHBINH").append("text", "Đã triển khai\u001F 50%")
                .append("percent", 50).append("period", "2026-04").append("on", "2026-04-02").append("at", Date.from(AT))
                .append("attachments", List.of(new Document("name", "bao-cao.pdf").append("sha256", SHA)))
                .append("by", ACTOR_LAYOUT_1);
        assertThat(TaskView.Report.FORM.read(layout1)).isEqualTo(expected);
    }

    @Test
    void aReportWithoutPercentPeriodOrAttachmentsKeepsThemAbsent() {
        ProgressReported e = new ProgressReported("d-1/1", "d-1", "BTC", "", null, null, null, List.of(), null);

        TaskView.Report r = TaskView.Report.FORM.read(TaskView.Report.FORM.write(TaskView.Report.of(e, null)));
        assertThat(r).isEqualTo(new TaskView.Report("BTC", "", null, null, null, null, List.of(), null));
    }

    @Test
    void acknowledgementsAndUrgingsReadBackInEitherLayout() {
        TaskAcknowledged ack = new TaskAcknowledged("d-1/1", "d-1", "BTC", LocalDate.of(2026, 3, 5), ACTOR);
        TaskView.Acknowledgement a = new TaskView.Acknowledgement("BTC", LocalDate.of(2026, 3, 5), ACTOR, AT);
        assertThat(TaskView.Acknowledgement.FORM.read(TaskView.Acknowledgement.FORM.write(
                TaskView.Acknowledgement.of(ack, AT)))).isEqualTo(a);
        assertThat(TaskView.Acknowledgement.FORM.read(new Document("body", "BTC").append("on", "2026-03-05")
                .append("by", ACTOR_LAYOUT_1).append("at", Date.from(AT)))).isEqualTo(a);

        TaskUrged urged = new TaskUrged("d-1/1", "d-1", "Khẩn trương", LocalDate.of(2026, 3, 9), ACTOR);
        TaskView.Urging u = new TaskView.Urging("Khẩn trương", LocalDate.of(2026, 3, 9), ACTOR, AT);
        assertThat(TaskView.Urging.FORM.read(TaskView.Urging.FORM.write(TaskView.Urging.of(urged, AT))))
                .isEqualTo(u);
        assertThat(TaskView.Urging.FORM.read(new Document("message", "Khẩn trương").append("on", "2026-03-09")
                .append("by", ACTOR_LAYOUT_1).append("at", Date.from(AT)))).isEqualTo(u);
    }
}

package vn.ledger.archive.records;

import org.junit.jupiter.api.Test;
import vn.ledger.archive.spill.SpilledEvent;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineKind;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.eventstore.CanonicalJson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A step read once by streaming reads as databind and the earlier second pass over the payload read it. */
class StepsTest {

    private static final String TASK = "A-22-TB/II.1";
    private static final String DOC = "A-22-TB";
    private static final Actor CLERK = new Actor("vt.hoa", "Vũ Thị Hoà", "Chuyên viên", "BKHCN");
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

    @Test
    void everyStreamedStepReadsAsDatabindReadsIt() {
        // given the frequent steps of the seed cascade as the store keeps them (canonical JSON), Vietnamese text,
        // absent values and an actor without a name among them
        List<Object> events = List.of(
                new DirectiveReceived(DOC, "TU-DIENBIEN", LocalDate.of(2026, 3, 21), CLERK),
                new DirectiveAliasRegistered(DOC, "22-TB/CQTT", LocalDate.of(2026, 3, 22), CLERK),
                new DirectiveCorrected(DOC, DirectiveField.SUBJECT, "Về công nghệ", "Về công nghệ chiến lược",
                        "gõ nhầm", LocalDate.of(2026, 3, 23), CLERK),
                new DirectiveRecalled(DOC, "ban hành nhầm", LocalDate.of(2026, 3, 24), CLERK),
                new DirectiveReplaced(DOC, "B-569-CV-TU", "thay bằng văn bản mới", null, CLERK),
                new TaskAcknowledged(TASK, DOC, "BKHCN", LocalDate.of(2026, 3, 25),
                        new Actor("x", null, null, "BKHCN")),
                new ProgressReported(TASK, DOC, "BKHCN", "Đã rà soát 12/20 công nghệ; \"đúng\" tiến độ\n", 60,
                        YearMonth.of(2026, 4), APRIL_30, List.of(), CLERK),
                new ProgressReported(TASK, DOC, "BKHCN", "Không có kỳ", null, null, APRIL_30, List.of(), CLERK),
                new TaskUrged(TASK, DOC, "Đề nghị khẩn trương hoàn thành", LocalDate.of(2026, 4, 20), CLERK),
                new TaskCompleted(TASK, DOC, "Danh mục đã trình Thủ tướng", List.of(), LocalDate.of(2026, 5, 5), CLERK),
                new CompletionAccepted(TASK, DOC, LocalDate.of(2026, 5, 6), CLERK),
                new CompletionRejected(TASK, DOC, "Thiếu phụ lục", LocalDate.of(2026, 5, 6), null),
                new TaskCancelled(TASK, DOC, "Không còn cần thiết", LocalDate.of(2026, 5, 7), CLERK));

        for (Object event : events) {
            SpilledEvent stored = stored(event.getClass().getName(), CanonicalJson.write(event));

            // when it is read once by streaming, and the earlier way
            Steps.Step once = Steps.read(stored);
            Steps.Step before = Steps.databound(stored);

            // then the event, the step's actor, dates and detail are the same
            assertThat(once).as(event.getClass().getSimpleName()).isEqualTo(before);
            assertThat(once.event()).isEqualTo(event);
        }
    }

    @Test
    void attachmentsAreNotReadForNothingShownComesFromThem() {
        // given a completion with evidence and a report with attachments
        Object completed = new TaskCompleted(TASK, DOC, "Danh mục", List.of(new Attachment("dm.pdf", "ab12")),
                LocalDate.of(2026, 5, 5), CLERK);
        Object reported = new ProgressReported(TASK, DOC, "BKHCN", "Đã xong", 100, null, APRIL_30,
                List.of(new Attachment("bc.pdf", "cd34")), CLERK);

        for (Object event : List.of(completed, reported)) {
            SpilledEvent stored = stored(event.getClass().getName(), CanonicalJson.write(event));
            Steps.Step once = Steps.read(stored);
            Steps.Step before = Steps.databound(stored);

            // then the step printed is the same, the event without its attachments
            assertThat(once.happening()).isEqualTo(before.happening());
            assertThat(once.event()).isNotNull();
        }
        assertThat(((TaskCompleted) Steps.read(stored(TaskCompleted.class.getName(),
                CanonicalJson.write(completed))).event()).completedOn()).isEqualTo(LocalDate.of(2026, 5, 5));
    }

    @Test
    void aPayloadUnlikeTheApplicationsReadsAsDatabindReadsIt() {
        String type = TaskUrged.class.getName();
        List<String> odd = List.of(
                // a day that is none: databind refuses it, so the step has no event and no business date
                "{\"actor\":null,\"directiveId\":\"D\",\"message\":\"m\",\"taskId\":\"T\",\"urgedOn\":\"2026-02-30\"}",
                // a date written otherwise, a number for a text, an actor with a nested value, no actor at all
                "{\"message\":5,\"taskId\":\"T\",\"urgedOn\":\"+2026-04-01\"}",
                "{\"actor\":{\"bodyCode\":{\"x\":1},\"fullName\":\"An\"},\"urgedOn\":\"2026-04-01\"}",
                "{\"actor\":\"An\",\"urgedOn\":\"2026-04-01\"}",
                "[1,2]");
        for (String payload : odd) {
            SpilledEvent stored = stored(type, payload);
            assertThat(Steps.read(stored)).as(payload).isEqualTo(Steps.databound(stored));
        }
        // and a percent written as text is taken as databind takes it
        String progress = "{\"percent\":\"50\",\"reportedOn\":\"2026-04-30\",\"text\":\"t\"}";
        SpilledEvent p = stored(ProgressReported.class.getName(), progress);
        assertThat(Steps.read(p)).isEqualTo(Steps.databound(p));
    }

    @Test
    void theOtherStepsAreDecodedByDatabindAndAnUnknownTypeHasNoEvent() {
        Deadline due = Deadline.dueOn("trong tháng 6/2026", DeadlineKind.EXACT_DATE, LocalDate.of(2026, 6, 30), null);
        Object granted = new ExtensionGranted(TASK, DOC, "r1", null, due, LocalDate.of(2026, 4, 1), CLERK);
        SpilledEvent stored = stored(ExtensionGranted.class.getName(), CanonicalJson.write(granted));
        assertThat(Steps.read(stored).event()).isEqualTo(granted);
        assertThat(Steps.read(stored).happening().detail()).isEqualTo("hạn mới \"trong tháng 6/2026\"");

        SpilledEvent unknown = stored("vn.ledger.core.task.TaskTeleported", "{\"teleportedOn\":\"2026-04-01\"}");
        assertThat(Steps.read(unknown).event()).isNull();
        assertThat(Steps.read(unknown).happening().businessDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Steps.read(unknown).happening().type()).isEqualTo("TaskTeleported");
    }

    @Test
    void datesAreReadAsLocalDateParseReadsThem() {
        for (String s : List.of("2026-04-30", "2024-02-29", "2026-02-29", "2026-13-01", "2026-4-30", "+12026-04-30",
                "0000-01-01", "2026-04-3x", "")) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(s);
            } catch (RuntimeException e) {
                expected = null;
            }
            assertThat(Steps.dateOrNull(s)).as(s).isEqualTo(expected);
        }
    }

    private static SpilledEvent stored(String type, String payload) {
        return new SpilledEvent(DOC, TASK, 1, 7, "Task", type, null, Instant.parse("2026-04-30T03:04:05Z"), payload);
    }
}

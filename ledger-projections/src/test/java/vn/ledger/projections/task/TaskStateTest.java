package vn.ledger.projections.task;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.DeadlineKind;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRefused;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Seed.BKHCN;
import static vn.ledger.projections.fixture.Seed.BTC;
import static vn.ledger.projections.fixture.Seed.MOF_OFFICER;
import static vn.ledger.projections.fixture.Seed.MOST_OFFICER;
import static vn.ledger.projections.fixture.Seed.PHAM_GIA_TUC;

@DisplayName("Task state: every fact of a task, its timeliness under the versioned rule, monthly schedules")
class TaskStateTest {

    private static final String II1 = Seed.A + "/II.1";
    private static final String II2 = Seed.A + "/II.2";
    private static final String APP1 = Seed.A + "/App.1";
    private static final String SHA = "a".repeat(64);

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new TaskProjection(store)).ticking();
    private final TaskQueries queries = new TaskQueries(store);

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private TaskView at(String taskId, String instant) {
        return new TaskQueries(store, clockAt(instant)).state(taskId).orElseThrow();
    }

    private void assignA() {
        feed.send(Seed.tasksAssigned(Seed.issuedA()).toArray());
    }

    @Test
    void anAssignmentKeepsItsFactsTheDeadlineAsWrittenAndTheMissingSixClear() {
        assignA();

        TaskView t = queries.state(II1, Instant.parse("2026-03-21T00:00:00Z")).orElseThrow();
        assertThat(t.directiveId()).isEqualTo(Seed.A);
        assertThat(t.code()).isEqualTo("II.1");
        assertThat(t.leadBodies()).containsExactly(BKHCN);
        assertThat(t.cooperatingBodies()).containsExactly(BTC);
        assertThat(t.assignerBodyCode()).isEqualTo(Seed.CQTT);
        assertThat(t.assignedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(t.assignedBy()).isEqualTo(PHAM_GIA_TUC);
        assertThat(t.deadlineAsWritten().wording()).isEqualTo("trình Thủ tướng ban hành trong tháng 4/2026");
        assertThat(t.deadlineAsWritten().kind()).isEqualTo(DeadlineKind.MONTH);
        assertThat(t.deadlineInForce().dueAt()).isEqualTo(Instant.parse("2026-04-30T16:59:59Z"));
        assertThat(t.missing()).isEmpty();
        assertThat(t.timeliness()).isEqualTo(Timeliness.NOT_STARTED);
        assertThat(t.ruleVersion()).isEqualTo(TimelinessRule.VERSION);
        assertThat(t.schedule()).isNull();

        TaskView app1 = queries.state(APP1, Instant.parse("2026-03-21T00:00:00Z")).orElseThrow();
        assertThat(app1.missing()).containsExactly(Ro.NGUOI, Ro.SAN_PHAM);
        assertThat(app1.deadlineInForce().dueDate()).isEqualTo(LocalDate.of(2026, 4, 4)); // "trước ngày 05/4/2026"

        assertThat(queries.state("no-such-task", Instant.now())).isEmpty();
    }

    @Test
    void timelinessOnAFixedClockThroughAcknowledgementOverdueExtensionCompletionRejectionAndAcceptance() {
        assignA();
        assertThat(at(II1, "2026-04-01T03:00:00Z").timeliness()).isEqualTo(Timeliness.NOT_STARTED);

        feed.send(new TaskAcknowledged(II1, Seed.A, BKHCN, LocalDate.of(2026, 4, 2), MOST_OFFICER));
        assertThat(at(II1, "2026-04-03T03:00:00Z").timeliness()).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
        // 30/4 23:59:59 in Hà Nội is the last instant in time; one second later it is overdue
        assertThat(at(II1, "2026-04-30T16:59:59Z").timeliness()).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
        assertThat(at(II1, "2026-04-30T17:00:00Z").timeliness()).isEqualTo(Timeliness.OVERDUE_NOT_DONE);

        var april = DeadlineParser.parse("trình Thủ tướng ban hành trong tháng 4/2026");
        var may = DeadlineParser.parse("trong tháng 5/2026");
        feed.send(new ExtensionRequested(II1, Seed.A, II1 + "#ext1", april, may, "Chờ ý kiến các bộ",
                        LocalDate.of(2026, 4, 20), MOST_OFFICER),
                new ExtensionGranted(II1, Seed.A, II1 + "#ext1", april, may, LocalDate.of(2026, 4, 22), PHAM_GIA_TUC));
        TaskView extended = at(II1, "2026-05-01T00:00:00Z");
        assertThat(extended.timeliness()).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
        assertThat(extended.deadlineInForce().dueDate()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(extended.deadlineAsWritten().dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(extended.deadlineHistory()).singleElement().satisfies(h -> {
            assertThat(h.from().dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(h.to().dueDate()).isEqualTo(LocalDate.of(2026, 5, 31));
            assertThat(h.requestId()).isEqualTo(II1 + "#ext1");
            assertThat(h.grantedBy()).isEqualTo(PHAM_GIA_TUC);
        });
        assertThat(extended.extensionRequests()).singleElement().satisfies(x -> {
            assertThat(x.decision()).isEqualTo("GRANTED");
            assertThat(x.decidedOn()).isEqualTo(LocalDate.of(2026, 4, 22));
            assertThat(x.reason()).isEqualTo("Chờ ý kiến các bộ");
        });

        // done within the extended deadline: on time, although after the deadline as written
        feed.send(new TaskCompleted(II1, Seed.A, "Danh mục đã trình", List.of(new Attachment("danh-muc.pdf", SHA)),
                LocalDate.of(2026, 5, 20), MOST_OFFICER));
        TaskView done = at(II1, "2026-06-10T00:00:00Z");
        assertThat(done.timeliness()).isEqualTo(Timeliness.DONE_ON_TIME);
        assertThat(done.status()).isEqualTo(TaskProjection.Status.COMPLETION_PENDING);
        assertThat(done.completion().evidence()).containsExactly(new Attachment("danh-muc.pdf", SHA));
        assertThat(done.completion().dueAtInForce()).isEqualTo(Instant.parse("2026-05-31T16:59:59Z"));

        // rejected: open again, and by now overdue
        feed.send(new CompletionRejected(II1, Seed.A, "Thiếu ý kiến Bộ Tài chính", LocalDate.of(2026, 5, 25), PHAM_GIA_TUC));
        TaskView rejected = at(II1, "2026-06-10T00:00:00Z");
        assertThat(rejected.timeliness()).isEqualTo(Timeliness.OVERDUE_NOT_DONE);
        assertThat(rejected.status()).isEqualTo(TaskProjection.Status.OPEN);
        assertThat(rejected.completion()).isNull();
        assertThat(rejected.completions()).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo("REJECTED"));

        feed.send(new TaskCompleted(II1, Seed.A, "Danh mục bổ sung", List.of(), LocalDate.of(2026, 6, 2), MOST_OFFICER),
                new CompletionAccepted(II1, Seed.A, LocalDate.of(2026, 6, 3), PHAM_GIA_TUC));
        TaskView accepted = at(II1, "2026-07-01T00:00:00Z");
        assertThat(accepted.timeliness()).isEqualTo(Timeliness.DONE_LATE);
        assertThat(accepted.status()).isEqualTo(TaskProjection.Status.ACCEPTED);
        assertThat(accepted.completion().outcome()).isEqualTo("ACCEPTED");
        assertThat(accepted.completion().decidedBy()).isEqualTo(PHAM_GIA_TUC);
        assertThat(accepted.completions()).extracting(TaskView.Completion::outcome).containsExactly("REJECTED", "ACCEPTED");
    }

    @Test
    void aCompletionIsJudgedByTheDeadlineInForceOnItsBusinessDateWhateverTheOrderOfEntry() {
        assignA();
        var april = DeadlineParser.parse("trình Thủ tướng ban hành trong tháng 4/2026");
        var may = DeadlineParser.parse("trong tháng 5/2026");
        // done on 20/5; the extension to May, granted on 22/4, is entered only after the completion
        feed.send(new ExtensionRequested(II1, Seed.A, II1 + "#ext1", april, may, "Chờ ý kiến các bộ",
                LocalDate.of(2026, 4, 20), MOST_OFFICER));
        feed.send(new TaskCompleted(II1, Seed.A, "Danh mục đã trình", List.of(), LocalDate.of(2026, 5, 20),
                MOST_OFFICER));
        feed.send(new ExtensionGranted(II1, Seed.A, II1 + "#ext1", april, may, LocalDate.of(2026, 4, 22),
                PHAM_GIA_TUC));

        TaskView done = at(II1, "2026-12-10T00:00:00Z");
        assertThat(done.timeliness()).as("in force on 20/5: the end of May").isEqualTo(Timeliness.DONE_ON_TIME);
        assertThat(done.completion().dueAtInForce()).isEqualTo(Instant.parse("2026-05-31T16:59:59Z"));
        assertThat(done.ruleVersion()).isEqualTo("vn-task-timeliness/2");
    }

    @Test
    void anExtensionGrantedAfterTheCompletionsDayDoesNotMakeItOnTime() {
        assignA();
        var april = DeadlineParser.parse("trình Thủ tướng ban hành trong tháng 4/2026");
        var may = DeadlineParser.parse("trong tháng 5/2026");
        feed.send(new ExtensionRequested(II1, Seed.A, II1 + "#ext1", april, may, "Chờ ý kiến các bộ",
                LocalDate.of(2026, 4, 28), MOST_OFFICER));
        feed.send(new TaskCompleted(II1, Seed.A, "Danh mục đã trình", List.of(), LocalDate.of(2026, 5, 5),
                MOST_OFFICER));
        feed.send(new ExtensionGranted(II1, Seed.A, II1 + "#ext1", april, may, LocalDate.of(2026, 5, 8),
                PHAM_GIA_TUC));

        TaskView done = at(II1, "2026-06-10T00:00:00Z");
        assertThat(done.timeliness()).as("on 5/5 the end of April was in force").isEqualTo(Timeliness.DONE_LATE);
        assertThat(done.deadlineInForce().dueDate()).as("in force now").isEqualTo(LocalDate.of(2026, 5, 31));
    }

    @Test
    void reportsUrgingsRefusalsReassignmentsDelegationAndCancellationAreAllKept() {
        assignA();
        Instant recorded = feed.now();
        feed.send(new ProgressReported(II1, Seed.A, BKHCN, "Đã lấy ý kiến các bộ", 40, null, LocalDate.of(2026, 4, 10),
                List.of(new Attachment("y-kien.docx", SHA)), MOST_OFFICER));
        feed.send(new TaskUrged(II1, Seed.A, "Đề nghị khẩn trương hoàn thành", LocalDate.of(2026, 4, 25), PHAM_GIA_TUC));
        var april = DeadlineParser.parse("trong tháng 4/2026");
        var june = DeadlineParser.parse("trong tháng 6/2026");
        feed.send(new ExtensionRequested(II1, Seed.A, II1 + "#ext1", april, june, "Khối lượng lớn",
                        LocalDate.of(2026, 4, 26), MOST_OFFICER),
                new ExtensionRefused(II1, Seed.A, II1 + "#ext1", june, "Không có căn cứ", LocalDate.of(2026, 4, 27),
                        PHAM_GIA_TUC),
                new TaskReassigned(II1, Seed.A, List.of(BKHCN), List.of(BTC), List.of(BKHCN, BTC), List.of(),
                        "Bổ sung Bộ Tài chính cùng chủ trì", LocalDate.of(2026, 4, 28), PHAM_GIA_TUC));
        var childSpec = Seed.spec("1", "Tổng hợp ý kiến", List.of(BTC), List.of(), "ngày 25/4/2026", "Báo cáo tổng hợp");
        TaskAssigned child = Seed.assigned(Seed.A, II1, childSpec, BTC, LocalDate.of(2026, 4, 28), MOF_OFFICER);
        // the child's assignment delivered before the parent's delegation (another aggregate, another segment)
        feed.send(child);
        feed.send(new TaskDelegated(II1, Seed.A, child.taskId(), BTC, List.of(BTC), List.of(), child.deadline(),
                LocalDate.of(2026, 4, 28), MOF_OFFICER));
        feed.send(new TaskCancelled(II1, Seed.A, "Nội dung đã được xử lý tại văn bản khác", LocalDate.of(2026, 4, 29),
                PHAM_GIA_TUC));

        TaskView t = queries.state(II1, Instant.parse("2026-05-10T00:00:00Z")).orElseThrow();
        assertThat(t.reports()).singleElement().satisfies(r -> {
            assertThat(r.bodyCode()).isEqualTo(BKHCN);
            assertThat(r.text()).isEqualTo("Đã lấy ý kiến các bộ");
            assertThat(r.percent()).isEqualTo(40);
            assertThat(r.reportedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
            assertThat(r.recordedAt()).isEqualTo(recorded);
            assertThat(r.attachments()).containsExactly(new Attachment("y-kien.docx", SHA));
            assertThat(r.by()).isEqualTo(MOST_OFFICER);
        });
        assertThat(t.lastPercent()).isEqualTo(40);
        assertThat(t.urgings()).singleElement().satisfies(u -> assertThat(u.message()).contains("khẩn trương"));
        assertThat(t.extensionRequests()).singleElement().satisfies(x -> {
            assertThat(x.decision()).isEqualTo("REFUSED");
            assertThat(x.refusalReason()).isEqualTo("Không có căn cứ");
        });
        assertThat(t.deadlineHistory()).isEmpty();
        assertThat(t.reassignments()).singleElement().satisfies(r -> {
            assertThat(r.oldLeadBodies()).containsExactly(BKHCN);
            assertThat(r.newLeadBodies()).containsExactly(BKHCN, BTC);
            assertThat(r.oldCooperatingBodies()).containsExactly(BTC);
            assertThat(r.newCooperatingBodies()).isEmpty();
        });
        assertThat(t.leadBodies()).containsExactly(BKHCN, BTC);
        assertThat(t.childTaskIds()).containsExactly(II1 + ".1");
        assertThat(t.delegations()).singleElement().satisfies(d -> assertThat(d.deadline().dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 25)));
        assertThat(t.cancellation().reason()).contains("văn bản khác");
        assertThat(t.status()).isEqualTo(TaskProjection.Status.CANCELLED);
        assertThat(t.timeliness()).isEqualTo(Timeliness.CANCELLED);

        TaskView c = queries.state(II1 + ".1", Instant.parse("2026-05-10T00:00:00Z")).orElseThrow();
        assertThat(c.parentTaskId()).isEqualTo(II1);
        assertThat(c.assignerBodyCode()).isEqualTo(BTC);
        assertThat(c.timeliness()).isEqualTo(Timeliness.OVERDUE_NOT_DONE);
        assertThat(queries.states(List.of(II1 + ".1", "unknown", II1), Instant.parse("2026-05-10T00:00:00Z")))
                .extracting(TaskView::taskId).containsExactly(II1 + ".1", II1);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        assignA();
        feed.send(new TaskAcknowledged(II2, Seed.A, BKHCN, LocalDate.of(2026, 3, 21), MOST_OFFICER),
                new ProgressReported(II2, Seed.A, BKHCN, "Tháng 3", 10, YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31),
                        List.of(), MOST_OFFICER),
                new TaskUrged(II2, Seed.A, "Nhắc", LocalDate.of(2026, 4, 2), PHAM_GIA_TUC));
        Map<Object, Document> before = snapshot();

        feed.deliverAll(feed.delivered());
        List<EventMessage<?>> reversed = new ArrayList<>(feed.delivered());
        Collections.reverse(reversed);
        feed.deliverAll(reversed);

        assertThat(snapshot()).isEqualTo(before);
        TaskView t = queries.state(II2, Instant.parse("2026-04-02T00:00:00Z")).orElseThrow();
        assertThat(t.reports()).hasSize(1);
        assertThat(t.urgings()).hasSize(1);
        assertThat(t.acknowledgements()).hasSize(1);
    }

    @Test
    void aMonthlyDutyListsExpectedAndReceivedReportsPerMonthAndEachMissedPeriod() {
        assignA(); // II.2 "định kỳ hằng tháng báo cáo", assigned 20/3/2026
        feed.send(new ProgressReported(II2, Seed.A, BKHCN, "Báo cáo tháng 3", null, YearMonth.of(2026, 3),
                        LocalDate.of(2026, 3, 31), List.of(), MOST_OFFICER),
                // May's report arrives on 2 June: received, but late; April's never comes
                new ProgressReported(II2, Seed.A, BKHCN, "Báo cáo tháng 5", null, YearMonth.of(2026, 5),
                        LocalDate.of(2026, 6, 2), List.of(), MOST_OFFICER),
                new ProgressReported(II2, Seed.A, BKHCN, "Bổ sung tháng 5", null, YearMonth.of(2026, 5),
                        LocalDate.of(2026, 6, 3), List.of(), MOST_OFFICER));

        TaskView.Schedule s = at(II2, "2026-06-15T03:00:00Z").schedule();
        assertThat(s.periods()).extracting(TaskView.Period::period).containsExactly(
                YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        assertThat(s.periods()).extracting(TaskView.Period::state).containsExactly(TaskView.PeriodState.RECEIVED,
                TaskView.PeriodState.MISSED, TaskView.PeriodState.RECEIVED_LATE, TaskView.PeriodState.DUE);
        assertThat(s.periods()).extracting(TaskView.Period::reports).containsExactly(1, 0, 2, 0);
        assertThat(s.periods().get(2).firstReportedOn()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(s.expected()).isEqualTo(4);
        assertThat(s.received()).isEqualTo(2);
        assertThat(s.missed()).isEqualTo(1);
        assertThat(s.missedPeriods()).containsExactly(YearMonth.of(2026, 4));
        // a recurring duty is never overdue as a whole
        assertThat(at(II2, "2026-06-15T03:00:00Z").timeliness()).isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);

        // a month is missed only once it has ended in Vietnam (UTC+7)
        assertThat(at(II2, "2026-04-30T16:59:59Z").schedule().periods().get(1).state()).isEqualTo(TaskView.PeriodState.DUE);
        assertThat(at(II2, "2026-04-30T17:00:00Z").schedule().periods().get(1).state())
                .isEqualTo(TaskView.PeriodState.MISSED);
        assertThat(at(II2, "2026-04-30T17:00:00Z").schedule().periods()).hasSize(3); // May has begun in Hà Nội

        // once the duty is cancelled no further period is expected
        feed.send(new TaskCancelled(II2, Seed.A, "Tổ công tác giải thể", LocalDate.of(2026, 7, 10), PHAM_GIA_TUC));
        TaskView.Schedule after = at(II2, "2026-12-01T00:00:00Z").schedule();
        assertThat(after.periods()).last().extracting(TaskView.Period::period).isEqualTo(YearMonth.of(2026, 6));
        assertThat(after.missedPeriods()).containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 6));
    }

    private Map<Object, Document> snapshot() {
        return store.scan(TaskProjection.COLLECTION).collect(Collectors.toMap(d -> d.get("_id"), d -> d));
    }

    @Test
    @DisplayName("a task reported on for years keeps its old reports in sealed buckets, and its state lists them all in order")
    void oldReportsAreSealedInBucketsAndStillListed() {
        assignA();
        for (int m = 0; m < 150; m++) {
            YearMonth period = YearMonth.of(2026, 3).plusMonths(m);
            feed.send(new ProgressReported(II2, Seed.A, BKHCN, "Tháng " + m, m % 100, period, period.atEndOfMonth(),
                    List.of(), MOST_OFFICER));
        }
        feed.send(new TaskUrged(II2, Seed.A, "Đôn đốc", LocalDate.of(2026, 4, 25), PHAM_GIA_TUC));

        Document stored = store.find(TaskProjection.COLLECTION, II2).orElseThrow();
        assertThat(stored.get("reportsSealed")).isEqualTo(2);
        assertThat(Docs.items(stored, "reports")).hasSize(150 - 2 * SealedItems.BUCKET);
        assertThat(store.find(SealedItems.COLLECTION, II2 + "|reports|1")).isPresent();
        TaskView t = queries.state(II2, Instant.parse("2038-01-01T00:00:00Z")).orElseThrow();
        assertThat(t.reports()).hasSize(150).extracting(TaskView.Report::text)
                .startsWith("Tháng 0", "Tháng 1").endsWith("Tháng 149");
        assertThat(t.urgings()).hasSize(1);
        assertThat(queries.states(List.of(II1, II2), Instant.parse("2038-01-01T00:00:00Z")))
                .filteredOn(v -> v.reports().size() == 150).hasSize(1);
    }
}

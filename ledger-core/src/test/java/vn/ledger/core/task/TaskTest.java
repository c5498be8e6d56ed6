package vn.ledger.core.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.shared.TaskSpec;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.core.fixtures.Bodies.*;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Clock.TODAY;
import static vn.ledger.core.fixtures.Events.event;
import static vn.ledger.core.fixtures.Events.exactly;
import static vn.ledger.core.fixtures.Refusal.refused;
import static vn.ledger.core.fixtures.Seeds.MARCH_20;
import static vn.ledger.core.fixtures.Seeds.NOTICE_22;

@DisplayName("Task: one assignment, from assignment to accepted completion")
class TaskTest {

    static final String T = NOTICE_22 + "/II.1";
    static final Deadline END_OF_APRIL = DeadlineParser.parse("trình Thủ tướng ban hành trong tháng 4/2026");
    static final Deadline END_OF_MAY = DeadlineParser.parse("trong tháng 5/2026");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Attachment DANH_MUC = new Attachment("danh-muc.pdf", SHA);

    /** II.1 of notice 22: MoST leads, Finance cooperates, due end of April, assigned by the Central Office. */
    static final TaskAssigned ASSIGNED = assigned(T, null, List.of(BKHCN), List.of(BTC), END_OF_APRIL, CQTT);

    static final ExtensionRequested EXT_1_REQUESTED = new ExtensionRequested(T, NOTICE_22, T + "#ext1", END_OF_APRIL,
            END_OF_MAY, "Chờ ý kiến các bộ", MARCH_20, MOST);
    static final TaskCompleted COMPLETED = new TaskCompleted(T, NOTICE_22, "Danh mục đã trình", List.of(DANH_MUC),
            MARCH_20, MOST);
    static final TaskCancelled CANCELLED = new TaskCancelled(T, NOTICE_22, "Không còn cần thiết", MARCH_20, PHAM_GIA_TUC);
    static final CompletionAccepted ACCEPTED = new CompletionAccepted(T, NOTICE_22, MARCH_20, PHAM_GIA_TUC);

    private AggregateTestFixture<Task> fixture;
    private InMemoryDirectiveCatalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDirectiveCatalog().add(NOTICE_22, DirectiveStatus.ACTIVE, "22-TB/CQTTBCĐ");
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds());
        fixture.registerInjectableResource(catalog);
    }

    private TestExecutor<Task> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    static TaskAssigned assigned(String id, String parent, List<String> leads, List<String> coop, Deadline deadline,
                                 String assigner) {
        return new TaskAssigned(id, NOTICE_22, parent, id.substring(NOTICE_22.length() + 1), "Công việc", null,
                leads, coop, deadline, "Sản phẩm", assigner, List.of(Ro.NGUOI), MARCH_20, PHAM_GIA_TUC);
    }

    @Nested
    @DisplayName("Acknowledging")
    class Acknowledging {

        @Test
        void the_lead_body_acknowledges() {
            given(ASSIGNED).when(new AcknowledgeTask(T, MOST))
                    .expectEvents(new TaskAcknowledged(T, NOTICE_22, BKHCN, TODAY, MOST));
        }

        @Test
        void a_cooperating_body_acknowledges() {
            given(ASSIGNED).when(new AcknowledgeTask(T, MOF))
                    .expectEvents(new TaskAcknowledged(T, NOTICE_22, BTC, TODAY, MOF));
        }

        @Test
        void acknowledging_twice_records_nothing() {
            given(ASSIGNED, new TaskAcknowledged(T, NOTICE_22, BKHCN, MARCH_20, MOST))
                    .when(new AcknowledgeTask(T, MOST))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_body_not_assigned_cannot_acknowledge() {
            given(ASSIGNED).when(new AcknowledgeTask(T, actor(BGDDT)))
                    .expectException(refused("auth.not-assignee", "actor"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Reporting progress")
    class Reporting {

        @Test
        void a_report_dated_25_March_entered_on_2_April_keeps_its_business_date() {
            given(ASSIGNED)
                    .when(new ReportProgress(T, "Đã lấy ý kiến các bộ", 40, null, LocalDate.of(2026, 3, 25),
                            List.of(DANH_MUC), MOST))
                    .expectEvents(new ProgressReported(T, NOTICE_22, BKHCN, "Đã lấy ý kiến các bộ", 40, null,
                            LocalDate.of(2026, 3, 25), List.of(DANH_MUC), MOST));
        }

        @Test
        void a_cooperating_body_reports_too_and_without_a_date_it_is_today() {
            given(ASSIGNED)
                    .when(new ReportProgress(T, "Đã góp ý", null, null, null, null, MOF))
                    .expectEvents(new ProgressReported(T, NOTICE_22, BTC, "Đã góp ý", null, null, TODAY, List.of(), MOF));
        }

        @Test
        void a_body_not_assigned_cannot_report() {
            given(ASSIGNED).when(new ReportProgress(T, "Báo cáo", 10, null, TODAY, null, actor(BGDDT)))
                    .expectException(refused("auth.not-assignee", "actor"))
                    .expectNoEvents();
        }

        @Test
        void percent_must_lie_between_0_and_100() {
            given(ASSIGNED).when(new ReportProgress(T, "Báo cáo", 101, null, TODAY, null, MOST))
                    .expectException(refused("task.report.percent.range", "percent")).expectNoEvents();
            given(ASSIGNED).when(new ReportProgress(T, "Báo cáo", -1, null, TODAY, null, MOST))
                    .expectException(refused("task.report.percent.range", "percent")).expectNoEvents();
        }

        @Test
        void a_report_must_say_something() {
            given(ASSIGNED).when(new ReportProgress(T, " ", 10, null, TODAY, null, MOST))
                    .expectException(refused("task.report.text.required", "text"))
                    .expectNoEvents();
        }

        @Test
        void a_report_dated_in_the_future_is_refused() {
            given(ASSIGNED).when(new ReportProgress(T, "Báo cáo", 10, null, TODAY.plusDays(1), null, MOST))
                    .expectException(refused("date.in-future", "reportedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_attachment_with_a_malformed_hash_is_refused() {
            Attachment upperCase = new Attachment("bao-cao.pdf", SHA.toUpperCase());
            given(ASSIGNED).when(new ReportProgress(T, "Báo cáo", 10, null, TODAY, List.of(DANH_MUC, upperCase), MOST))
                    .expectException(refused("attachment.sha256", "attachments[1].sha256"))
                    .expectNoEvents();
        }

        @Test
        void a_monthly_duty_needs_the_period_the_report_covers() {
            TaskAssigned monthly = assigned(NOTICE_22 + "/II.2", null, List.of(BKHCN), List.of(),
                    DeadlineParser.parse("hoàn thành trong tháng 4/2026; định kỳ hằng tháng báo cáo"), CQTT);
            fixture.givenCurrentTime(NOW).andGiven(monthly)
                    .when(new ReportProgress(NOTICE_22 + "/II.2", "Báo cáo tháng 3", null, null, TODAY, null, MOST))
                    .expectException(refused("task.report.period.required", "period"))
                    .expectNoEvents();
        }

        @Test
        void a_monthly_report_with_its_period_is_recorded() {
            TaskAssigned monthly = assigned(NOTICE_22 + "/II.2", null, List.of(BKHCN), List.of(),
                    DeadlineParser.parse("định kỳ hằng tháng báo cáo"), CQTT);
            fixture.givenCurrentTime(NOW).andGiven(monthly)
                    .when(new ReportProgress(NOTICE_22 + "/II.2", "Báo cáo tháng 3", null, YearMonth.of(2026, 3),
                            TODAY, null, MOST))
                    .expectEvents(new ProgressReported(NOTICE_22 + "/II.2", NOTICE_22, BKHCN, "Báo cáo tháng 3", null,
                            YearMonth.of(2026, 3), TODAY, List.of(), MOST));
        }
    }

    @Nested
    @DisplayName("Urging")
    class Urging {

        @Test
        void the_assigning_body_urges() {
            given(ASSIGNED).when(new UrgeTask(T, "Đề nghị khẩn trương hoàn thành", PHAM_GIA_TUC))
                    .expectEvents(new TaskUrged(T, NOTICE_22, "Đề nghị khẩn trương hoàn thành", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void a_body_above_the_assigner_urges() {
            given(ASSIGNED).when(new UrgeTask(T, "Đôn đốc", actor(TW)))
                    .expectEvents(new TaskUrged(T, NOTICE_22, "Đôn đốc", TODAY, actor(TW)));
        }

        @Test
        void an_assignee_cannot_urge_its_own_task() {
            given(ASSIGNED).when(new UrgeTask(T, "Đôn đốc", MOST))
                    .expectException(refused("auth.not-assigner-or-above", "actor"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Extensions")
    class Extensions {

        @Test
        void the_lead_body_requests_a_later_deadline_under_a_deterministic_request_id() {
            given(ASSIGNED)
                    .when(new RequestExtension(T, "trong tháng 5/2026", "Chờ ý kiến các bộ", MOST))
                    .expectEvents(new ExtensionRequested(T, NOTICE_22, T + "#ext1", END_OF_APRIL, END_OF_MAY,
                            "Chờ ý kiến các bộ", TODAY, MOST));
        }

        @Test
        void a_cooperating_body_cannot_request_an_extension() {
            given(ASSIGNED).when(new RequestExtension(T, "trong tháng 5/2026", "Lý do", MOF))
                    .expectException(refused("auth.not-lead", "actor"))
                    .expectNoEvents();
        }

        @Test
        void the_requested_deadline_must_be_later() {
            given(ASSIGNED).when(new RequestExtension(T, "ngày 30/4/2026", "Lý do", MOST))
                    .expectException(refused("task.extension.not-later", "requestedDeadline"))
                    .expectNoEvents();
        }

        @Test
        void the_requested_deadline_must_be_readable() {
            given(ASSIGNED).when(new RequestExtension(T, "thêm ít hôm", "Lý do", MOST))
                    .expectException(refused("deadline.unrecognised", "requestedDeadline"))
                    .expectNoEvents();
        }

        @Test
        void a_request_needs_a_reason() {
            given(ASSIGNED).when(new RequestExtension(T, "trong tháng 5/2026", null, MOST))
                    .expectException(refused("task.extension.reason.required", "reason"))
                    .expectNoEvents();
        }

        @Test
        void one_request_at_a_time() {
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new RequestExtension(T, "trong tháng 6/2026", "Lý do", MOST))
                    .expectException(refused("task.extension.already-pending", "taskId"))
                    .expectNoEvents();
        }

        @Test
        void a_task_without_a_due_date_has_nothing_to_extend() {
            TaskAssigned monthly = assigned(NOTICE_22 + "/II.2", null, List.of(BKHCN), List.of(),
                    DeadlineParser.parse("định kỳ hằng tháng"), CQTT);
            fixture.givenCurrentTime(NOW).andGiven(monthly)
                    .when(new RequestExtension(NOTICE_22 + "/II.2", "trong tháng 5/2026", "Lý do", MOST))
                    .expectException(refused("task.extension.no-deadline", "taskId"))
                    .expectNoEvents();
        }

        @Test
        void the_assigner_grants_and_the_event_keeps_old_and_new_deadlines() {
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new GrantExtension(T, T + "#ext1", PHAM_GIA_TUC))
                    .expectEvents(new ExtensionGranted(T, NOTICE_22, T + "#ext1", END_OF_APRIL, END_OF_MAY, TODAY,
                            PHAM_GIA_TUC));
        }

        @Test
        void only_the_assigner_grants() {
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new GrantExtension(T, T + "#ext1", MOST))
                    .expectException(refused("auth.not-assigner", "actor"))
                    .expectNoEvents();
        }

        @Test
        void the_assigner_refuses_with_a_reason_and_the_refusal_is_recorded() {
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new RefuseExtension(T, T + "#ext1", "Thời hạn do Trung ương ấn định", PHAM_GIA_TUC))
                    .expectEvents(new ExtensionRefused(T, NOTICE_22, T + "#ext1", END_OF_MAY,
                            "Thời hạn do Trung ương ấn định", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void only_the_assigner_refuses_and_always_with_a_reason() {
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new RefuseExtension(T, T + "#ext1", "Không", MOF))
                    .expectException(refused("auth.not-assigner", "actor")).expectNoEvents();
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new RefuseExtension(T, T + "#ext1", "", PHAM_GIA_TUC))
                    .expectException(refused("task.extension.reason.required", "reason")).expectNoEvents();
        }

        @Test
        void an_unknown_or_already_decided_request_cannot_be_decided() {
            given(ASSIGNED, EXT_1_REQUESTED)
                    .when(new GrantExtension(T, T + "#ext9", PHAM_GIA_TUC))
                    .expectException(refused("task.extension.not-pending", "requestId")).expectNoEvents();
            given(ASSIGNED, EXT_1_REQUESTED, new ExtensionRefused(T, NOTICE_22, T + "#ext1", END_OF_MAY, "Không",
                    MARCH_20, PHAM_GIA_TUC))
                    .when(new GrantExtension(T, T + "#ext1", PHAM_GIA_TUC))
                    .expectException(refused("task.extension.not-pending", "requestId")).expectNoEvents();
        }

        @Test
        void after_a_refusal_a_new_request_gets_the_next_number() {
            given(ASSIGNED, EXT_1_REQUESTED, new ExtensionRefused(T, NOTICE_22, T + "#ext1", END_OF_MAY, "Không",
                    MARCH_20, PHAM_GIA_TUC))
                    .when(new RequestExtension(T, "ngày 15/5/2026", "Lý do mới", MOST))
                    .expectEventsMatching(exactly(event(ExtensionRequested.class,
                            e -> assertThat(e.requestId()).isEqualTo(T + "#ext2"))));
        }

        @Test
        void a_granted_extension_is_the_deadline_from_then_on() {
            given(ASSIGNED, EXT_1_REQUESTED, new ExtensionGranted(T, NOTICE_22, T + "#ext1", END_OF_APRIL, END_OF_MAY,
                    MARCH_20, PHAM_GIA_TUC))
                    .when(new DelegateTask(T, T + ".1", child("ngày 20/5/2026", BKHCN_VU), MOST))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    @DisplayName("Reassigning and cancelling")
    class Reassigning_and_cancelling {

        @Test
        void the_assigner_reassigns_and_the_event_keeps_old_and_new_bodies() {
            given(ASSIGNED)
                    .when(new ReassignTask(T, List.of(BGDDT), List.of(BKHCN), "Phù hợp chức năng", PHAM_GIA_TUC))
                    .expectEvents(new TaskReassigned(T, NOTICE_22, List.of(BKHCN), List.of(BTC), List.of(BGDDT),
                            List.of(BKHCN), "Phù hợp chức năng", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void only_the_assigner_reassigns() {
            given(ASSIGNED).when(new ReassignTask(T, List.of(BGDDT), List.of(), "Chuyển", MOST))
                    .expectException(refused("auth.not-assigner", "actor"))
                    .expectNoEvents();
        }

        @Test
        void a_reassignment_names_a_lead_and_open_bodies() {
            given(ASSIGNED).when(new ReassignTask(T, List.of(), List.of(BTC), "Chuyển", PHAM_GIA_TUC))
                    .expectException(refused("task.lead.required", "newLeadBodies")).expectNoEvents();
            given(ASSIGNED).when(new ReassignTask(T, List.of(BGDDT), List.of(OLD_COMMUNE), "Chuyển", PHAM_GIA_TUC))
                    .expectException(refused("body.closed", "newCooperatingBodies[0]")).expectNoEvents();
            given(ASSIGNED).when(new ReassignTask(T, List.of("BO-KHONG-CO"), List.of(), "Chuyển", PHAM_GIA_TUC))
                    .expectException(refused("body.not-found", "newLeadBodies[0]")).expectNoEvents();
        }

        @Test
        void reassigning_to_the_same_bodies_records_nothing() {
            given(ASSIGNED).when(new ReassignTask(T, List.of(BKHCN), List.of(BTC), "Giữ nguyên", PHAM_GIA_TUC))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void after_reassignment_the_former_lead_no_longer_leads() {
            given(ASSIGNED, new TaskReassigned(T, NOTICE_22, List.of(BKHCN), List.of(BTC), List.of(BGDDT), List.of(),
                    "Chuyển", MARCH_20, PHAM_GIA_TUC))
                    .when(new CompleteTask(T, "Xong", List.of(), TODAY, MOST))
                    .expectException(refused("auth.not-lead", "actor"))
                    .expectNoEvents();
        }

        @Test
        void the_assigner_cancels_with_a_reason() {
            given(ASSIGNED).when(new CancelTask(T, "Không còn cần thiết", PHAM_GIA_TUC))
                    .expectEvents(new TaskCancelled(T, NOTICE_22, "Không còn cần thiết", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void only_the_assigner_cancels_and_always_with_a_reason() {
            given(ASSIGNED).when(new CancelTask(T, "Thôi", MOST))
                    .expectException(refused("auth.not-assigner", "actor")).expectNoEvents();
            given(ASSIGNED).when(new CancelTask(T, null, PHAM_GIA_TUC))
                    .expectException(refused("task.reason.required", "reason")).expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Completion")
    class Completion {

        @Test
        void the_lead_body_declares_completion_with_evidence() {
            given(ASSIGNED)
                    .when(new CompleteTask(T, "Danh mục đã trình", List.of(DANH_MUC), LocalDate.of(2026, 3, 30), MOST))
                    .expectEvents(new TaskCompleted(T, NOTICE_22, "Danh mục đã trình", List.of(DANH_MUC),
                            LocalDate.of(2026, 3, 30), MOST));
        }

        @Test
        void a_cooperating_body_cannot_declare_completion() {
            given(ASSIGNED).when(new CompleteTask(T, "Xong", List.of(), TODAY, MOF))
                    .expectException(refused("auth.not-lead", "actor"))
                    .expectNoEvents();
        }

        @Test
        void completion_needs_a_product_and_well_formed_evidence() {
            given(ASSIGNED).when(new CompleteTask(T, " ", List.of(), TODAY, MOST))
                    .expectException(refused("task.completion.product.required", "productDescription")).expectNoEvents();
            given(ASSIGNED).when(new CompleteTask(T, "Xong", List.of(new Attachment("x.pdf", "abc")), TODAY, MOST))
                    .expectException(refused("attachment.sha256", "evidence[0].sha256")).expectNoEvents();
            given(ASSIGNED).when(new CompleteTask(T, "Xong", List.of(), TODAY.plusDays(1), MOST))
                    .expectException(refused("date.in-future", "completedOn")).expectNoEvents();
        }

        @Test
        void completion_is_not_declared_twice_while_awaiting_acceptance() {
            given(ASSIGNED, COMPLETED).when(new CompleteTask(T, "Xong lần nữa", List.of(), TODAY, MOST))
                    .expectException(refused("task.completion.pending", "taskId"))
                    .expectNoEvents();
        }

        @Test
        void the_assigner_accepts_a_pending_completion() {
            given(ASSIGNED, COMPLETED).when(new AcceptCompletion(T, PHAM_GIA_TUC))
                    .expectEvents(new CompletionAccepted(T, NOTICE_22, TODAY, PHAM_GIA_TUC));
        }

        @Test
        void the_assignee_cannot_accept_its_own_work() {
            given(ASSIGNED, COMPLETED).when(new AcceptCompletion(T, MOST))
                    .expectException(refused("auth.not-assigner", "actor"))
                    .expectNoEvents();
        }

        @Test
        void the_assigner_rejects_with_a_reason() {
            given(ASSIGNED, COMPLETED).when(new RejectCompletion(T, "Thiếu ý kiến Bộ Quốc phòng", PHAM_GIA_TUC))
                    .expectEvents(new CompletionRejected(T, NOTICE_22, "Thiếu ý kiến Bộ Quốc phòng", TODAY,
                            PHAM_GIA_TUC));
        }

        @Test
        void only_the_assigner_rejects() {
            given(ASSIGNED, COMPLETED).when(new RejectCompletion(T, "Chưa đạt", actor(TW)))
                    .expectException(refused("auth.not-assigner", "actor"))
                    .expectNoEvents();
        }

        @Test
        void nothing_to_accept_or_reject_without_a_pending_completion() {
            given(ASSIGNED).when(new AcceptCompletion(T, PHAM_GIA_TUC))
                    .expectException(refused("task.completion.not-pending", "taskId")).expectNoEvents();
            given(ASSIGNED, COMPLETED, new CompletionRejected(T, NOTICE_22, "Chưa đạt", MARCH_20, PHAM_GIA_TUC))
                    .when(new RejectCompletion(T, "Lại", PHAM_GIA_TUC))
                    .expectException(refused("task.completion.not-pending", "taskId")).expectNoEvents();
        }

        @Test
        void after_a_rejection_the_lead_body_completes_again() {
            given(ASSIGNED, COMPLETED, new CompletionRejected(T, NOTICE_22, "Chưa đạt", MARCH_20, PHAM_GIA_TUC))
                    .when(new CompleteTask(T, "Đã bổ sung", List.of(DANH_MUC), TODAY, MOST))
                    .expectEvents(new TaskCompleted(T, NOTICE_22, "Đã bổ sung", List.of(DANH_MUC), TODAY, MOST));
        }
    }

    /** One command of every kind, each one that would succeed on a live, open task. */
    static Stream<Object> everyCommand() {
        return Stream.of(
                new AcknowledgeTask(T, MOST),
                new ReportProgress(T, "Báo cáo", 50, null, TODAY, List.of(), MOST),
                new UrgeTask(T, "Đôn đốc", PHAM_GIA_TUC),
                new RequestExtension(T, "trong tháng 5/2026", "Lý do", MOST),
                new GrantExtension(T, T + "#ext1", PHAM_GIA_TUC),
                new RefuseExtension(T, T + "#ext1", "Không", PHAM_GIA_TUC),
                new ReassignTask(T, List.of(BGDDT), List.of(), "Chuyển", PHAM_GIA_TUC),
                new CancelTask(T, "Hủy", PHAM_GIA_TUC),
                new CompleteTask(T, "Xong", List.of(), TODAY, MOST),
                new AcceptCompletion(T, PHAM_GIA_TUC),
                new RejectCompletion(T, "Chưa đạt", PHAM_GIA_TUC),
                new DelegateTask(T, T + ".1", child("ngày 20/4/2026", BKHCN_VU), MOST));
    }

    @Nested
    @DisplayName("Tasks that no longer run")
    class Stopped {

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.ledger.core.task.TaskTest#everyCommand")
        void nothing_happens_to_a_cancelled_task(Object command) {
            given(ASSIGNED, EXT_1_REQUESTED, COMPLETED, CANCELLED).when(command)
                    .expectException(refused("task.cancelled", "taskId"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.ledger.core.task.TaskTest#everyCommand")
        void nothing_happens_to_a_task_of_a_recalled_directive(Object command) {
            catalog.set(NOTICE_22, DirectiveStatus.RECALLED);
            given(ASSIGNED, EXT_1_REQUESTED, COMPLETED).when(command)
                    .expectException(refused("directive.recalled", "taskId"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.ledger.core.task.TaskTest#everyCommand")
        void nothing_happens_to_a_task_of_a_replaced_directive(Object command) {
            catalog.set(NOTICE_22, DirectiveStatus.REPLACED);
            given(ASSIGNED, EXT_1_REQUESTED, COMPLETED).when(command)
                    .expectException(refused("directive.replaced", "taskId"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.ledger.core.task.TaskTest#everyCommand")
        void an_accepted_task_is_closed(Object command) {
            given(ASSIGNED, EXT_1_REQUESTED, COMPLETED, ACCEPTED).when(command)
                    .expectException(refused("task.accepted", "taskId"))
                    .expectNoEvents();
        }

        @Test
        void a_directive_the_catalog_has_not_caught_up_with_does_not_block_its_tasks() {
            catalog.set(NOTICE_22, DirectiveStatus.UNKNOWN);
            given(ASSIGNED).when(new AcknowledgeTask(T, MOST))
                    .expectEvents(new TaskAcknowledged(T, NOTICE_22, BKHCN, TODAY, MOST));
        }
    }

    @Nested
    @DisplayName("Delegation down the hierarchy")
    class Delegation {

        @Test
        void the_lead_body_passes_the_work_to_its_own_department_in_one_commit() {
            TaskSpec spec = child("ngày 20/4/2026", BKHCN_VU);
            Deadline april20 = DeadlineParser.parse("ngày 20/4/2026");
            given(ASSIGNED)
                    .when(new DelegateTask(T, T + ".1", spec, MOST))
                    .expectEvents(
                            new TaskDelegated(T, NOTICE_22, T + ".1", BKHCN, List.of(BKHCN_VU), List.of(), april20,
                                    TODAY, MOST),
                            new TaskAssigned(T + ".1", NOTICE_22, T, "II.1.1", spec.work(), spec.responsible(),
                                    List.of(BKHCN_VU), List.of(), april20, spec.product(), BKHCN, List.of(), TODAY,
                                    MOST));
        }

        @Test
        void the_child_may_fall_due_with_the_parent() {
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", child("trong tháng 4/2026", BKHCN_VU), MOST))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_child_due_after_the_parent_is_refused() {
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", child("ngày 01/5/2026", BKHCN_VU), MOST))
                    .expectException(refused("task.deadline.after-parent", "spec.deadline"))
                    .expectNoEvents();
        }

        @Test
        void a_parent_without_a_due_date_imposes_nothing() {
            TaskAssigned monthly = assigned(NOTICE_22 + "/II.2", null, List.of(BKHCN), List.of(),
                    DeadlineParser.parse("định kỳ hằng tháng báo cáo"), CQTT);
            fixture.givenCurrentTime(NOW).andGiven(monthly)
                    .when(new DelegateTask(NOTICE_22 + "/II.2", NOTICE_22 + "/II.2.1",
                            child("trong tháng 12/2026", BKHCN_VU), MOST))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_body_delegates_only_to_itself_or_bodies_under_it() {
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", child("ngày 20/4/2026", BTC), MOST))
                    .expectException(refused("task.delegate.not-subordinate", "spec.leadBodies[0]")).expectNoEvents();
            TaskSpec cooperatingOutsider = new TaskSpec(null, "Phối hợp", null, List.of(BKHCN), List.of(BCA),
                    "ngày 20/4/2026", "Sản phẩm");
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", cooperatingOutsider, MOST))
                    .expectException(refused("task.delegate.not-subordinate", "spec.cooperatingBodies[0]"))
                    .expectNoEvents();
        }

        @Test
        void a_delegation_names_its_bodies_one_by_one_never_a_group() {
            TaskSpec toGroup = new TaskSpec(null, "Triển khai", null, List.of(), List.of(), "ngày 20/4/2026",
                    "Sản phẩm", List.of(), List.of(BodyGroup.directlyUnder(BKHCN, "các đơn vị trực thuộc")),
                    List.of());
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", toGroup, MOST))
                    .expectException(refused("task.delegate.group", "spec.leadGroups")).expectNoEvents();
        }

        @Test
        void only_a_lead_body_delegates() {
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", child("ngày 20/4/2026", BTC), MOF))
                    .expectException(refused("auth.not-lead", "actor"))
                    .expectNoEvents();
        }

        @Test
        void the_child_id_is_the_parent_id_dot_a_number_not_used_before() {
            for (String bad : new String[]{NOTICE_22 + "/II.2", T + ".0", T + ".a", T + "1", T + ".1.1"}) {
                given(ASSIGNED).when(new DelegateTask(T, bad, child("ngày 20/4/2026", BKHCN_VU), MOST))
                        .expectException(refused("task.child-id.invalid", "childTaskId")).expectNoEvents();
            }
            given(ASSIGNED, new TaskDelegated(T, NOTICE_22, T + ".1", BKHCN, List.of(BKHCN_VU), List.of(),
                    END_OF_APRIL, MARCH_20, MOST))
                    .when(new DelegateTask(T, T + ".1", child("ngày 20/4/2026", BKHCN_VU), MOST))
                    .expectException(refused("task.child-id.taken", "childTaskId")).expectNoEvents();
        }

        @Test
        void delegation_goes_on_to_any_depth_each_level_bounded_by_the_one_above() {
            String child = T + ".1";
            TaskAssigned childAssigned = assigned(child, T, List.of(BKHCN_VU), List.of(),
                    DeadlineParser.parse("ngày 20/4/2026"), BKHCN);
            Actor department = actor(BKHCN_VU);

            fixture.givenCurrentTime(NOW).andGiven(childAssigned)
                    .when(new DelegateTask(child, child + ".1", child("ngày 15/4/2026", BKHCN_VU_PHONG), department))
                    .expectEventsMatching(exactly(
                            event(TaskDelegated.class, e -> assertThat(e.delegatingBodyCode()).isEqualTo(BKHCN_VU)),
                            event(TaskAssigned.class, e -> {
                                assertThat(e.taskId()).isEqualTo(T + ".1.1");
                                assertThat(e.code()).isEqualTo("II.1.1.1");
                                assertThat(e.parentTaskId()).isEqualTo(child);
                                assertThat(e.assignerBodyCode()).isEqualTo(BKHCN_VU);
                                assertThat(e.directiveId()).isEqualTo(NOTICE_22);
                            })));

            fixture.givenCurrentTime(NOW).andGiven(childAssigned)
                    .when(new DelegateTask(child, child + ".1", child("ngày 25/4/2026", BKHCN_VU_PHONG), department))
                    .expectException(refused("task.deadline.after-parent", "spec.deadline"))
                    .expectNoEvents();
        }

        @Test
        void the_delegating_body_is_the_assigner_of_the_child_not_the_original_assigner() {
            TaskAssigned childAssigned = assigned(T + ".1", T, List.of(BKHCN_VU), List.of(),
                    DeadlineParser.parse("ngày 20/4/2026"), BKHCN);
            fixture.givenCurrentTime(NOW).andGiven(childAssigned)
                    .when(new CancelTask(T + ".1", "Hủy", PHAM_GIA_TUC))
                    .expectException(refused("auth.not-assigner", "actor"));
            fixture.givenCurrentTime(NOW).andGiven(childAssigned)
                    .when(new CancelTask(T + ".1", "Bộ tự làm", MOST))
                    .expectEvents(new TaskCancelled(T + ".1", NOTICE_22, "Bộ tự làm", TODAY, MOST));
        }
    }

    static TaskSpec child(String deadline, String lead) {
        return new TaskSpec(null, "Xây dựng dự thảo danh mục", new vn.ledger.core.shared.Person("Trần Văn A", "Vụ trưởng"),
                List.of(lead), List.of(), deadline, "Dự thảo danh mục");
    }
}

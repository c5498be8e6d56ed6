package vn.ledger.core.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.TaskSpec;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.core.fixtures.Bodies.*;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Clock.TODAY;
import static vn.ledger.core.fixtures.Events.event;
import static vn.ledger.core.fixtures.Events.exactly;
import static vn.ledger.core.fixtures.Refusal.refused;
import static vn.ledger.core.fixtures.Seeds.MARCH_20;
import static vn.ledger.core.fixtures.Seeds.NOTICE_22;
import static vn.ledger.core.task.TaskTest.ASSIGNED;
import static vn.ledger.core.task.TaskTest.COMPLETED;
import static vn.ledger.core.task.TaskTest.END_OF_APRIL;
import static vn.ledger.core.task.TaskTest.END_OF_MAY;
import static vn.ledger.core.task.TaskTest.EXT_1_REQUESTED;
import static vn.ledger.core.task.TaskTest.T;

/**
 * Work done earlier and entered later keeps the day it was done: every act on a task may carry its business date,
 * today when left out, never in the future and never before what it acts on. Today here is 2/4/2026; the task was
 * assigned on 20/3/2026.
 */
@DisplayName("Task: the business date of every act")
class BusinessDateTest {

    static final LocalDate MARCH_25 = LocalDate.of(2026, 3, 25);
    static final LocalDate MARCH_19 = LocalDate.of(2026, 3, 19);

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds());
        fixture.registerInjectableResource(new InMemoryDirectiveCatalog()
                .add(NOTICE_22, DirectiveStatus.ACTIVE, "22-TB/CQTTBCĐ"));
    }

    private TestExecutor<Task> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    @Nested
    @DisplayName("a date given is kept")
    class Kept {

        @Test
        void an_acknowledgement_of_25_March_entered_on_2_April() {
            given(ASSIGNED).when(new AcknowledgeTask(T, MARCH_25, MOST))
                    .expectEvents(new TaskAcknowledged(T, NOTICE_22, BKHCN, MARCH_25, MOST));
        }

        @Test
        void an_urging() {
            given(ASSIGNED).when(new UrgeTask(T, "Đôn đốc", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new TaskUrged(T, NOTICE_22, "Đôn đốc", MARCH_25, PHAM_GIA_TUC));
        }

        @Test
        void an_extension_request_answers_its_id() {
            given(ASSIGNED).when(new RequestExtension(T, "trong tháng 5/2026", "Chờ ý kiến", MARCH_25, MOST))
                    .expectResultMessagePayload(T + "#ext1")
                    .expectEvents(new ExtensionRequested(T, NOTICE_22, T + "#ext1", END_OF_APRIL, END_OF_MAY,
                            "Chờ ý kiến", MARCH_25, MOST));
        }

        @Test
        void a_grant_and_a_refusal() {
            given(ASSIGNED, EXT_1_REQUESTED).when(new GrantExtension(T, T + "#ext1", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new ExtensionGranted(T, NOTICE_22, T + "#ext1", END_OF_APRIL, END_OF_MAY, MARCH_25,
                            PHAM_GIA_TUC));
            given(ASSIGNED, EXT_1_REQUESTED).when(new RefuseExtension(T, T + "#ext1", "Không", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new ExtensionRefused(T, NOTICE_22, T + "#ext1", END_OF_MAY, "Không", MARCH_25,
                            PHAM_GIA_TUC));
        }

        @Test
        void a_reassignment_and_a_cancellation() {
            given(ASSIGNED).when(new ReassignTask(T, List.of(BTC), List.of(), "Đổi", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new TaskReassigned(T, NOTICE_22, List.of(BKHCN), List.of(BTC), List.of(BTC),
                            List.of(), "Đổi", MARCH_25, PHAM_GIA_TUC));
            given(ASSIGNED).when(new CancelTask(T, "Thôi", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new TaskCancelled(T, NOTICE_22, "Thôi", MARCH_25, PHAM_GIA_TUC));
        }

        @Test
        void an_acceptance_and_a_rejection_on_the_day_of_the_completion() {
            // COMPLETED is dated 20/3
            given(ASSIGNED, COMPLETED).when(new AcceptCompletion(T, MARCH_20, PHAM_GIA_TUC))
                    .expectEvents(new CompletionAccepted(T, NOTICE_22, MARCH_20, PHAM_GIA_TUC));
            given(ASSIGNED, COMPLETED).when(new RejectCompletion(T, "Thiếu", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new CompletionRejected(T, NOTICE_22, "Thiếu", MARCH_25, PHAM_GIA_TUC));
        }

        @Test
        void a_delegation_dates_the_child_assignment_too_and_answers_the_child_id() {
            TaskSpec spec = new TaskSpec(null, "Dự thảo danh mục", null, List.of(BKHCN_VU), List.of(),
                    "trong tháng 4/2026", "Dự thảo");
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", spec, MARCH_25, MOST))
                    .expectResultMessagePayload(T + ".1")
                    .expectEventsMatching(exactly(
                            event(TaskDelegated.class, e -> assertThat(e.delegatedOn()).isEqualTo(MARCH_25)),
                            event(TaskAssigned.class, e -> {
                                assertThat(e.taskId()).isEqualTo(T + ".1");
                                assertThat(e.assignedOn()).isEqualTo(MARCH_25);
                            })));
        }

        @Test
        void left_out_it_is_the_day_of_recording() {
            given(ASSIGNED).when(new CancelTask(T, "Thôi", null, PHAM_GIA_TUC))
                    .expectEvents(new TaskCancelled(T, NOTICE_22, "Thôi", TODAY, PHAM_GIA_TUC));
        }
    }

    @Nested
    @DisplayName("a date in the future is refused")
    class Future {

        @Test
        void for_every_act() {
            LocalDate tomorrow = TODAY.plusDays(1);
            given(ASSIGNED).when(new AcknowledgeTask(T, tomorrow, MOST))
                    .expectException(refused("date.in-future", "acknowledgedOn")).expectNoEvents();
            given(ASSIGNED).when(new UrgeTask(T, "Đôn đốc", tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "urgedOn")).expectNoEvents();
            given(ASSIGNED).when(new RequestExtension(T, "trong tháng 5/2026", "Lý do", tomorrow, MOST))
                    .expectException(refused("date.in-future", "requestedOn")).expectNoEvents();
            given(ASSIGNED, EXT_1_REQUESTED).when(new GrantExtension(T, T + "#ext1", tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "grantedOn")).expectNoEvents();
            given(ASSIGNED, EXT_1_REQUESTED).when(new RefuseExtension(T, T + "#ext1", "Không", tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "refusedOn")).expectNoEvents();
            given(ASSIGNED).when(new ReassignTask(T, List.of(BTC), List.of(), "Đổi", tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "reassignedOn")).expectNoEvents();
            given(ASSIGNED).when(new CancelTask(T, "Thôi", tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "cancelledOn")).expectNoEvents();
            given(ASSIGNED, COMPLETED).when(new AcceptCompletion(T, tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "acceptedOn")).expectNoEvents();
            given(ASSIGNED, COMPLETED).when(new RejectCompletion(T, "Thiếu", tomorrow, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "rejectedOn")).expectNoEvents();
        }
    }

    @Nested
    @DisplayName("a date before what the act is about is refused")
    class BeforeItsSubject {

        @Test
        void no_act_on_a_task_precedes_its_assignment() {
            given(ASSIGNED).when(new AcknowledgeTask(T, MARCH_19, MOST))
                    .expectException(refused("date.before-acted-on", "acknowledgedOn")).expectNoEvents();
            given(ASSIGNED).when(new UrgeTask(T, "Đôn đốc", MARCH_19, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "urgedOn")).expectNoEvents();
            given(ASSIGNED).when(new RequestExtension(T, "trong tháng 5/2026", "Lý do", MARCH_19, MOST))
                    .expectException(refused("date.before-acted-on", "requestedOn")).expectNoEvents();
            given(ASSIGNED).when(new ReassignTask(T, List.of(BTC), List.of(), "Đổi", MARCH_19, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "reassignedOn")).expectNoEvents();
            given(ASSIGNED).when(new CancelTask(T, "Thôi", MARCH_19, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "cancelledOn")).expectNoEvents();
            given(ASSIGNED).when(new ReportProgress(T, "Báo cáo", 10, null, MARCH_19, null, MOST))
                    .expectException(refused("date.before-acted-on", "reportedOn")).expectNoEvents();
            given(ASSIGNED).when(new CompleteTask(T, "Xong", null, MARCH_19, MOST))
                    .expectException(refused("date.before-acted-on", "completedOn")).expectNoEvents();
        }

        @Test
        void a_delegation_does_not_precede_the_parent_assignment() {
            TaskSpec spec = new TaskSpec(null, "Dự thảo", null, List.of(BKHCN_VU), List.of(), null, null);
            given(ASSIGNED).when(new DelegateTask(T, T + ".1", spec, MARCH_19, MOST))
                    .expectException(refused("date.before-acted-on", "delegatedOn")).expectNoEvents();
        }

        @Test
        void a_decision_does_not_precede_the_request() {
            ExtensionRequested on25 = new ExtensionRequested(T, NOTICE_22, T + "#ext1", END_OF_APRIL, END_OF_MAY,
                    "Chờ ý kiến", MARCH_25, MOST);
            given(ASSIGNED, on25).when(new GrantExtension(T, T + "#ext1", MARCH_20, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "grantedOn")).expectNoEvents();
            given(ASSIGNED, on25).when(new RefuseExtension(T, T + "#ext1", "Không", MARCH_20, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "refusedOn")).expectNoEvents();
        }

        @Test
        void an_acceptance_or_rejection_does_not_precede_the_completion() {
            TaskCompleted on25 = new TaskCompleted(T, NOTICE_22, "Xong", List.of(), MARCH_25, MOST);
            given(ASSIGNED, on25).when(new AcceptCompletion(T, MARCH_20, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "acceptedOn")).expectNoEvents();
            given(ASSIGNED, on25).when(new RejectCompletion(T, "Thiếu", MARCH_20, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "rejectedOn")).expectNoEvents();
        }

        @Test
        void an_assignment_stored_without_its_date_imposes_nothing() {
            TaskAssigned undated = new TaskAssigned(T, NOTICE_22, null, "II.1", "Công việc", null, List.of(BKHCN),
                    List.of(), DeadlineParser.parse("trong tháng 4/2026"), "Sản phẩm", CQTT, List.of(), null,
                    PHAM_GIA_TUC);
            given(undated).when(new AcknowledgeTask(T, MARCH_19, MOST))
                    .expectEvents(new TaskAcknowledged(T, NOTICE_22, BKHCN, MARCH_19, MOST));
        }
    }
}

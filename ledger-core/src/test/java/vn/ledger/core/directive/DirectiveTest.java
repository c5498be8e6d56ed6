package vn.ledger.core.directive;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineKind;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.Recurrence;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.TaskAssigned;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.core.fixtures.Bodies.*;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Clock.TODAY;
import static vn.ledger.core.fixtures.Events.event;
import static vn.ledger.core.fixtures.Events.exactly;
import static vn.ledger.core.fixtures.Refusal.refused;
import static vn.ledger.core.fixtures.Seeds.*;

@DisplayName("Directive: an official document, its recipients and its tasks")
class DirectiveTest {

    private static final String REPLACEMENT = "e5a0b6f1-0099-4f00-8c00-replacement0";

    private AggregateTestFixture<Directive> fixture;
    private InMemoryDirectiveCatalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDirectiveCatalog()
                .add(NOTICE_22, DirectiveStatus.ACTIVE, "22-TB/CQTTBCĐ", "22-TB/VPTW")
                .add(REPLACEMENT, DirectiveStatus.ACTIVE, "30-TB/CQTTBCĐ");
        fixture = new AggregateTestFixture<>(Directive.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds());
        fixture.registerInjectableResource(catalog);
    }

    private TestExecutor<Directive> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static final DirectiveIssued NOTICE_22_ISSUED = issued(notice22(List.of(II_1)));

    private static IssueDirective notice22With(TaskSpec... tasks) {
        return notice22(List.of(tasks));
    }

    @Nested
    @DisplayName("Issuing")
    class Issuing {

        @Test
        void a_one_task_notice_records_the_document_then_creates_the_task_under_its_authority() {
            given().when(notice22With(II_1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            issued(notice22With(II_1)),
                            new TaskAssigned(NOTICE_22 + "/II.1", NOTICE_22, null, "II.1", II_1.work(), null,
                                    List.of(BKHCN), List.of(BCA, BTC, BGDDT),
                                    DeadlineParser.parse("trình Thủ tướng Chính phủ ban hành trong tháng 4/2026"),
                                    II_1.product(), CQTT, List.of(Ro.NGUOI), MARCH_20, PHAM_GIA_TUC));
        }

        @Test
        void notice_22_keeps_its_six_orientations_apart_from_its_seven_tasks() {
            // The fixture records the events of the directive and of the Task aggregates it creates, in order.
            given().when(notice22())
                    .expectEventsMatching(exactly(
                            event(DirectiveIssued.class, e -> {
                                assertThat(e.orientations()).hasSize(6);
                                assertThat(e.tasks()).extracting(TaskSpec::code)
                                        .containsExactly("II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "App.1");
                            }),
                            task("II.1", DeadlineKind.MONTH, LocalDate.of(2026, 4, 30)),
                            event(TaskAssigned.class, t -> {
                                assertThat(t.code()).isEqualTo("II.2");
                                assertThat(t.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
                                assertThat(t.deadline().recurrence()).isEqualTo(Recurrence.MONTHLY);
                            }),
                            task("II.3", DeadlineKind.MONTH, LocalDate.of(2026, 6, 30)),
                            event(TaskAssigned.class, t -> {
                                assertThat(t.code()).isEqualTo("II.4");
                                assertThat(t.leadBodies()).containsExactly(BKHCN, BTC);
                                assertThat(t.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 5, 31));
                            }),
                            task("II.5", DeadlineKind.MONTH, LocalDate.of(2026, 6, 30)),
                            task("II.6", DeadlineKind.MONTH, LocalDate.of(2026, 6, 30)),
                            task("App.1", DeadlineKind.BEFORE_DATE, LocalDate.of(2026, 4, 4))));
        }

        private static org.hamcrest.Matcher<Object> task(String code, DeadlineKind kind, LocalDate due) {
            return event(TaskAssigned.class, t -> {
                assertThat(t.taskId()).isEqualTo(NOTICE_22 + "/" + code);
                assertThat(t.directiveId()).isEqualTo(NOTICE_22);
                assertThat(t.assignerBodyCode()).isEqualTo(CQTT);
                assertThat(t.parentTaskId()).isNull();
                assertThat(t.deadline().kind()).isEqualTo(kind);
                assertThat(t.deadline().dueDate()).isEqualTo(due);
                assertThat(t.assignedOn()).isEqualTo(MARCH_20);
            });
        }

        @Test
        void a_citation_is_stored_as_written_and_resolved_to_one_directive() {
            given().when(letter569())
                    .expectEventsMatching(exactly(
                            event(DirectiveIssued.class, e -> assertThat(e.implementsDirectives())
                                    .containsExactly(new Citation("22-TB/CQTTBCĐ", NOTICE_22))),
                            event(TaskAssigned.class, t -> assertThat(t.code()).isEqualTo("1")),
                            event(TaskAssigned.class, t -> assertThat(t.code()).isEqualTo("3"))));
        }

        @Test
        void a_vague_task_is_recorded_with_its_missing_rõ_not_refused() {
            given().when(letter569())
                    .expectEventsMatching(exactly(
                            event(DirectiveIssued.class, e -> { }),
                            event(TaskAssigned.class, t -> {
                                assertThat(t.missing()).containsExactly(Ro.NGUOI, Ro.THOI_GIAN, Ro.SAN_PHAM);
                                assertThat(t.deadline().kind()).isEqualTo(DeadlineKind.NONE);
                            }),
                            event(TaskAssigned.class, t -> {
                                assertThat(t.missing()).containsExactly(Ro.NGUOI);
                                assertThat(t.deadline().kind()).isEqualTo(DeadlineKind.RECURRING_MONTHLY);
                            })));
        }

        @Test
        void a_citation_given_by_id_is_kept_when_the_catalog_knows_it() {
            IssueDirective cmd = withCitations(List.of(new Citation("22-TB/VPTW", NOTICE_22)));
            given().when(cmd)
                    .expectEvents(issued(cmd));
        }

        @Test
        void an_unresolvable_citation_is_refused() {
            given().when(withCitations(List.of(new Citation("22-TB/CQTTBCĐ", null), new Citation("99-TB/XYZ", null))))
                    .expectException(refused("citation.unresolved", "implementsDirectives[1]"))
                    .expectNoEvents();
        }

        @Test
        void a_citation_to_an_id_the_catalog_does_not_know_is_refused() {
            given().when(withCitations(List.of(new Citation("22-TB/VPTW", "no-such-id"))))
                    .expectException(refused("citation.unresolved", "implementsDirectives[0]"))
                    .expectNoEvents();
        }

        @Test
        void only_the_issuing_body_may_record_its_document() {
            IssueDirective byProvince = new IssueDirective(NOTICE_22, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, CQTT,
                    null, MARCH_20, "Thông báo", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    LE_THANH_DO);
            given().when(byProvince)
                    .expectException(refused("auth.not-issuing-body", "actor"))
                    .expectNoEvents();
        }

        @Test
        void an_anonymous_command_is_refused() {
            given().when(header("22-TB/CQTTBCĐ", "Thông báo", MARCH_20, DirectiveKind.THONG_BAO, null))
                    .expectException(refused("auth.actor.required", "actor"))
                    .expectNoEvents();
        }

        @Test
        void symbol_subject_date_and_kind_are_required() {
            given().when(header(" ", "Thông báo", MARCH_20, DirectiveKind.THONG_BAO, PHAM_GIA_TUC))
                    .expectException(refused("directive.symbol.required", "symbol")).expectNoEvents();
            given().when(header("22-TB", null, MARCH_20, DirectiveKind.THONG_BAO, PHAM_GIA_TUC))
                    .expectException(refused("directive.subject.required", "subject")).expectNoEvents();
            given().when(header("22-TB", "Thông báo", null, DirectiveKind.THONG_BAO, PHAM_GIA_TUC))
                    .expectException(refused("directive.issued-on.required", "issuedOn")).expectNoEvents();
            given().when(header("22-TB", "Thông báo", MARCH_20, null, PHAM_GIA_TUC))
                    .expectException(refused("directive.kind.required", "kind")).expectNoEvents();
        }

        @Test
        void a_document_dated_in_the_future_is_refused() {
            given().when(header("22-TB", "Thông báo", TODAY.plusDays(1), DirectiveKind.THONG_BAO, PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "issuedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_body_can_no_longer_issue() {
            Actor oldCommune = actor(OLD_COMMUNE);
            given().when(new IssueDirective(NOTICE_22, "1-CV/XA", DirectiveKind.CONG_VAN, OLD_COMMUNE, null, MARCH_20,
                            "V/v", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), oldCommune))
                    .expectException(refused("body.closed", "issuingBodyCode"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_recipient_is_refused_naming_it() {
            IssueDirective cmd = new IssueDirective(NOTICE_22, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, CQTT, null,
                    MARCH_20, "Thông báo", List.of(BKHCN, "BO-KHONG-CO"), List.of(), List.of(), List.of(), List.of(),
                    List.of(), PHAM_GIA_TUC);
            given().when(cmd)
                    .expectException(refused("body.not-found", "recipientsForAction[1]"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_lead_body_is_refused_naming_the_task() {
            given().when(notice22With(II_1, spec("II.2", List.of("BO-KHONG-CO"), List.of(), "trong tháng 4/2026")))
                    .expectException(refused("body.not-found", "tasks[1].leadBodies[0]"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_body_cannot_be_given_work() {
            given().when(notice22With(spec("II.1", List.of(BKHCN), List.of(OLD_COMMUNE), "trong tháng 4/2026")))
                    .expectException(refused("body.closed", "tasks[0].cooperatingBodies[0]"))
                    .expectNoEvents();
        }

        @Test
        void a_body_cannot_both_lead_and_cooperate() {
            given().when(notice22With(spec("II.1", List.of(BKHCN), List.of(BTC, BKHCN), "trong tháng 4/2026")))
                    .expectException(refused("task.bodies.lead-and-cooperating", "tasks[0].cooperatingBodies"))
                    .expectNoEvents();
        }

        @Test
        void an_unreadable_deadline_is_refused_naming_the_task() {
            given().when(notice22With(II_1, spec("II.2", List.of(BKHCN), List.of(), "khi có điều kiện")))
                    .expectException(refused("deadline.unrecognised", "tasks[1].deadline"))
                    .expectNoEvents();
        }

        @Test
        void two_tasks_with_the_same_code_are_refused() {
            given().when(notice22With(II_1, II_1))
                    .expectException(refused("task.code.taken", "tasks[1].code"))
                    .expectNoEvents();
        }

        @Test
        void a_task_needs_a_code_for_its_id() {
            given().when(notice22With(spec(" ", List.of(BKHCN), List.of(), null)))
                    .expectException(refused("task.code.required", "tasks[0].code"))
                    .expectNoEvents();
        }

        private IssueDirective withCitations(List<Citation> citations) {
            return new IssueDirective(LETTER_569, "569-CV/TU", DirectiveKind.CONG_VAN, TU_DIENBIEN, null,
                    LocalDate.of(2026, 3, 23), "V/v triển khai", List.of(DU_UBND_TINH), List.of(), List.of(),
                    List.of(), citations, List.of(), LE_THANH_DO);
        }

        private IssueDirective header(String symbol, String subject, LocalDate issuedOn, DirectiveKind kind, Actor a) {
            return new IssueDirective(NOTICE_22, symbol, kind, CQTT, null, issuedOn, subject, List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), a);
        }
    }

    @Nested
    @DisplayName("Receipts")
    class Receipts {

        @Test
        void a_recipient_acknowledges_receipt_on_a_business_date() {
            given(NOTICE_22_ISSUED)
                    .when(new AcknowledgeReceipt(NOTICE_22, LocalDate.of(2026, 3, 21), actor(TU_DIENBIEN)))
                    .expectEvents(new DirectiveReceived(NOTICE_22, TU_DIENBIEN, LocalDate.of(2026, 3, 21),
                            actor(TU_DIENBIEN)));
        }

        @Test
        void a_recipient_for_report_may_acknowledge_and_without_a_date_it_is_today() {
            given(NOTICE_22_ISSUED)
                    .when(new AcknowledgeReceipt(NOTICE_22, null, actor(TW)))
                    .expectEvents(new DirectiveReceived(NOTICE_22, TW, TODAY, actor(TW)));
        }

        @Test
        void a_second_receipt_by_the_same_body_records_nothing() {
            given(NOTICE_22_ISSUED, new DirectiveReceived(NOTICE_22, BKHCN, MARCH_20, MOST))
                    .when(new AcknowledgeReceipt(NOTICE_22, TODAY, MOST))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_body_that_is_not_a_recipient_cannot_acknowledge() {
            given(NOTICE_22_ISSUED)
                    .when(new AcknowledgeReceipt(NOTICE_22, TODAY, actor(DU_SINHBINH)))
                    .expectException(refused("auth.not-a-recipient", "actor"))
                    .expectNoEvents();
        }

        @Test
        void a_receipt_before_the_document_was_issued_is_refused() {
            given(NOTICE_22_ISSUED)
                    .when(new AcknowledgeReceipt(NOTICE_22, LocalDate.of(2026, 3, 19), MOST))
                    .expectException(refused("directive.receipt.before-issue", "receivedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_receipt_dated_in_the_future_is_refused() {
            given(NOTICE_22_ISSUED)
                    .when(new AcknowledgeReceipt(NOTICE_22, TODAY.plusDays(1), MOST))
                    .expectException(refused("date.in-future", "receivedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_recalled_directive_takes_no_more_receipts() {
            given(NOTICE_22_ISSUED, new DirectiveRecalled(NOTICE_22, "Ban hành nhầm", MARCH_20, PHAM_GIA_TUC))
                    .when(new AcknowledgeReceipt(NOTICE_22, TODAY, MOST))
                    .expectException(refused("directive.recalled", "directiveId"))
                    .expectNoEvents();
        }

        @Test
        void a_replaced_directive_takes_no_more_receipts() {
            given(NOTICE_22_ISSUED, new DirectiveReplaced(NOTICE_22, REPLACEMENT, null, MARCH_20, PHAM_GIA_TUC))
                    .when(new AcknowledgeReceipt(NOTICE_22, TODAY, MOST))
                    .expectException(refused("directive.replaced", "directiveId"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Recall and replacement")
    class Recall_and_replacement {

        @Test
        void the_issuing_body_recalls_with_a_reason() {
            given(NOTICE_22_ISSUED)
                    .when(new RecallDirective(NOTICE_22, "Ban hành nhầm đối tượng", PHAM_GIA_TUC))
                    .expectEvents(new DirectiveRecalled(NOTICE_22, "Ban hành nhầm đối tượng", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void only_the_issuing_body_may_recall() {
            given(NOTICE_22_ISSUED)
                    .when(new RecallDirective(NOTICE_22, "Không đồng ý", LE_THANH_DO))
                    .expectException(refused("auth.not-issuing-body", "actor"))
                    .expectNoEvents();
        }

        @Test
        void a_recall_needs_a_reason() {
            given(NOTICE_22_ISSUED)
                    .when(new RecallDirective(NOTICE_22, " ", PHAM_GIA_TUC))
                    .expectException(refused("directive.reason.required", "reason"))
                    .expectNoEvents();
        }

        @Test
        void a_recalled_directive_cannot_be_recalled_again() {
            given(NOTICE_22_ISSUED, new DirectiveRecalled(NOTICE_22, "Ban hành nhầm", MARCH_20, PHAM_GIA_TUC))
                    .when(new RecallDirective(NOTICE_22, "Lần nữa", PHAM_GIA_TUC))
                    .expectException(refused("directive.recalled", "directiveId"))
                    .expectNoEvents();
        }

        @Test
        void the_issuing_body_replaces_it_with_a_known_directive() {
            given(NOTICE_22_ISSUED)
                    .when(new ReplaceDirective(NOTICE_22, REPLACEMENT, "Thay thế bằng Thông báo 30", PHAM_GIA_TUC))
                    .expectEvents(new DirectiveReplaced(NOTICE_22, REPLACEMENT, "Thay thế bằng Thông báo 30", TODAY,
                            PHAM_GIA_TUC));
        }

        @Test
        void the_replacement_must_be_known() {
            given(NOTICE_22_ISSUED)
                    .when(new ReplaceDirective(NOTICE_22, "no-such-id", null, PHAM_GIA_TUC))
                    .expectException(refused("directive.replacement.not-found", "replacementDirectiveId"))
                    .expectNoEvents();
        }

        @Test
        void a_directive_cannot_replace_itself() {
            given(NOTICE_22_ISSUED)
                    .when(new ReplaceDirective(NOTICE_22, NOTICE_22, null, PHAM_GIA_TUC))
                    .expectException(refused("directive.replacement.self", "replacementDirectiveId"))
                    .expectNoEvents();
        }

        @Test
        void only_the_issuing_body_may_replace() {
            given(NOTICE_22_ISSUED)
                    .when(new ReplaceDirective(NOTICE_22, REPLACEMENT, null, MOST))
                    .expectException(refused("auth.not-issuing-body", "actor"))
                    .expectNoEvents();
        }

        @Test
        void a_replaced_directive_cannot_be_recalled() {
            given(NOTICE_22_ISSUED, new DirectiveReplaced(NOTICE_22, REPLACEMENT, null, MARCH_20, PHAM_GIA_TUC))
                    .when(new RecallDirective(NOTICE_22, "Thu hồi", PHAM_GIA_TUC))
                    .expectException(refused("directive.replaced", "directiveId"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Corrections and aliases")
    class Corrections_and_aliases {

        @Test
        void a_mistyped_symbol_is_corrected_keeping_old_and_new_values() {
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.SYMBOL, "22-TB/CQTTCĐ", "Theo phụ lục",
                            PHAM_GIA_TUC))
                    .expectEvents(new DirectiveCorrected(NOTICE_22, DirectiveField.SYMBOL, "22-TB/CQTTBCĐ",
                            "22-TB/CQTTCĐ", "Theo phụ lục", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void a_date_of_issue_written_day_first_is_stored_as_an_ISO_date() {
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.ISSUED_ON, "19/3/2026", "Nhập nhầm ngày",
                            PHAM_GIA_TUC))
                    .expectEvents(new DirectiveCorrected(NOTICE_22, DirectiveField.ISSUED_ON, "2026-03-20",
                            "2026-03-19", "Nhập nhầm ngày", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void a_corrected_date_of_issue_is_what_receipts_are_checked_against() {
            given(NOTICE_22_ISSUED, new DirectiveCorrected(NOTICE_22, DirectiveField.ISSUED_ON, "2026-03-20",
                    "2026-03-25", "Nhập nhầm ngày", TODAY, PHAM_GIA_TUC))
                    .when(new AcknowledgeReceipt(NOTICE_22, LocalDate.of(2026, 3, 24), MOST))
                    .expectException(refused("directive.receipt.before-issue", "receivedOn"));
        }

        @Test
        void a_kind_is_corrected_by_name() {
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.KIND, "ket_luan", "Là Kết luận", PHAM_GIA_TUC))
                    .expectEvents(new DirectiveCorrected(NOTICE_22, DirectiveField.KIND, "THONG_BAO", "KET_LUAN",
                            "Là Kết luận", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void correcting_to_the_value_already_recorded_records_nothing() {
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.SYMBOL, " 22-TB/CQTTBCĐ ", "Kiểm tra",
                            PHAM_GIA_TUC))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void an_impossible_value_is_refused() {
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.ISSUED_ON, "31/4/2026", "Sửa", PHAM_GIA_TUC))
                    .expectException(refused("directive.correction.value.invalid", "newValue"))
                    .expectNoEvents();
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.KIND, "THONG_TU", "Sửa", PHAM_GIA_TUC))
                    .expectException(refused("directive.correction.value.invalid", "newValue"))
                    .expectNoEvents();
        }

        @Test
        void a_correction_needs_a_reason_and_the_issuing_body() {
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.SUBJECT, "Mới", null, PHAM_GIA_TUC))
                    .expectException(refused("directive.reason.required", "reason"))
                    .expectNoEvents();
            given(NOTICE_22_ISSUED)
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.SUBJECT, "Mới", "Sửa", LE_THANH_DO))
                    .expectException(refused("auth.not-issuing-body", "actor"))
                    .expectNoEvents();
        }

        @Test
        void a_recalled_directive_is_not_corrected() {
            given(NOTICE_22_ISSUED, new DirectiveRecalled(NOTICE_22, "Thu hồi", MARCH_20, PHAM_GIA_TUC))
                    .when(new CorrectDirective(NOTICE_22, DirectiveField.SUBJECT, "Mới", "Sửa", PHAM_GIA_TUC))
                    .expectException(refused("directive.recalled", "directiveId"))
                    .expectNoEvents();
        }

        @Test
        void the_symbol_others_cite_is_registered_as_an_alias() {
            given(NOTICE_22_ISSUED)
                    .when(new RegisterSymbolAlias(NOTICE_22, "22-TB/VPTW", PHAM_GIA_TUC))
                    .expectEvents(new DirectiveAliasRegistered(NOTICE_22, "22-TB/VPTW", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void an_alias_equal_to_the_symbol_or_already_registered_records_nothing() {
            given(NOTICE_22_ISSUED)
                    .when(new RegisterSymbolAlias(NOTICE_22, "22-tb/cqttbcd", PHAM_GIA_TUC))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            given(NOTICE_22_ISSUED, new DirectiveAliasRegistered(NOTICE_22, "22-TB/VPTW", MARCH_20, PHAM_GIA_TUC))
                    .when(new RegisterSymbolAlias(NOTICE_22, "22-TB/VPTW", PHAM_GIA_TUC))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void an_alias_naming_another_directive_is_refused() {
            given(NOTICE_22_ISSUED)
                    .when(new RegisterSymbolAlias(NOTICE_22, "30-TB/CQTTBCĐ", PHAM_GIA_TUC))
                    .expectException(refused("directive.alias.taken", "alias"))
                    .expectNoEvents();
        }

        @Test
        void only_the_issuing_body_registers_aliases() {
            given(NOTICE_22_ISSUED)
                    .when(new RegisterSymbolAlias(NOTICE_22, "22-TB/VPTW", LE_THANH_DO))
                    .expectException(refused("auth.not-issuing-body", "actor"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Adding a task later")
    class Adding_a_task {

        private final TaskSpec extra = spec("II.7", List.of(BGDDT), List.of(BKHCN), "hoàn thành trong tháng 4/2026");

        @Test
        void the_issuing_body_adds_a_task_which_is_created_under_the_directive() {
            given(NOTICE_22_ISSUED)
                    .when(new AssignTask(NOTICE_22, extra, PHAM_GIA_TUC))
                    .expectEventsMatching(exactly(event(TaskAssigned.class, t -> {
                        assertThat(t.taskId()).isEqualTo(NOTICE_22 + "/II.7");
                        assertThat(t.directiveId()).isEqualTo(NOTICE_22);
                        assertThat(t.assignerBodyCode()).isEqualTo(CQTT);
                        assertThat(t.assignedOn()).isEqualTo(TODAY);
                        assertThat(t.deadline()).isEqualTo(Deadline.dueOn("hoàn thành trong tháng 4/2026",
                                DeadlineKind.MONTH, LocalDate.of(2026, 4, 30), null));
                    })));
        }

        @Test
        void a_code_the_directive_already_has_is_refused() {
            given(NOTICE_22_ISSUED)
                    .when(new AssignTask(NOTICE_22, spec("II.1", List.of(BKHCN), List.of(), null), PHAM_GIA_TUC))
                    .expectException(refused("task.code.taken", "task.code"))
                    .expectNoEvents();
        }

        @Test
        void only_the_issuing_body_adds_tasks() {
            given(NOTICE_22_ISSUED)
                    .when(new AssignTask(NOTICE_22, extra, MOST))
                    .expectException(refused("auth.not-issuing-body", "actor"))
                    .expectNoEvents();
        }

        @Test
        void no_task_is_added_to_a_recalled_directive() {
            given(NOTICE_22_ISSUED, new DirectiveRecalled(NOTICE_22, "Thu hồi", MARCH_20, PHAM_GIA_TUC))
                    .when(new AssignTask(NOTICE_22, extra, PHAM_GIA_TUC))
                    .expectException(refused("directive.recalled", "directiveId"))
                    .expectNoEvents();
        }

        @Test
        void an_unreadable_deadline_is_refused() {
            given(NOTICE_22_ISSUED)
                    .when(new AssignTask(NOTICE_22, spec("II.8", List.of(BKHCN), List.of(), "quý III"), PHAM_GIA_TUC))
                    .expectException(refused("deadline.unrecognised", "task.deadline"))
                    .expectNoEvents();
        }
    }

    private static TaskSpec spec(String code, List<String> leads, List<String> coop, String deadline) {
        return new TaskSpec(code, "Công việc " + code, null, leads, coop, deadline, "Sản phẩm " + code);
    }
}

package vn.ledger.core.directive;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
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

/** Acts on a directive carry their business date; an issuer's number and symbol name one document a year. */
@DisplayName("Directive: business dates of its acts, and one document per number")
class DirectiveDatesAndNumbersTest {

    static final String REPLACEMENT = "e5a0b6f1-0099-4f00-8c00-replacement0";
    static final String SECOND = "0b1c2d3e-0022-4d6e-9b1a-second000000";
    static final LocalDate MARCH_19 = LocalDate.of(2026, 3, 19);
    static final LocalDate MARCH_25 = LocalDate.of(2026, 3, 25);

    private AggregateTestFixture<Directive> fixture;
    private InMemoryDirectiveCatalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDirectiveCatalog()
                .add(REPLACEMENT, DirectiveStatus.ACTIVE, "30-TB/CQTTBCĐ");
        fixture = new AggregateTestFixture<>(Directive.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds());
        fixture.registerInjectableResource(catalog);
    }

    private TestExecutor<Directive> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    /** Notice 22 as issued on 20/3/2026, without tasks. */
    static final DirectiveIssued ISSUED_20_MARCH = issued(notice22(List.of()));

    @Nested
    @DisplayName("Business dates")
    class BusinessDates {

        @Test
        void a_recall_replacement_and_correction_keep_the_date_given() {
            given(ISSUED_20_MARCH).when(new RecallDirective(NOTICE_22, "Ban hành nhầm", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new DirectiveRecalled(NOTICE_22, "Ban hành nhầm", MARCH_25, PHAM_GIA_TUC));
            given(ISSUED_20_MARCH).when(new ReplaceDirective(NOTICE_22, REPLACEMENT, "Thay", MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new DirectiveReplaced(NOTICE_22, REPLACEMENT, "Thay", MARCH_25, PHAM_GIA_TUC));
            given(ISSUED_20_MARCH).when(new CorrectDirective(NOTICE_22, DirectiveField.SUBJECT, "Kết luận", "Sai",
                            MARCH_25, PHAM_GIA_TUC))
                    .expectEvents(new DirectiveCorrected(NOTICE_22, DirectiveField.SUBJECT, ISSUED_20_MARCH.subject(),
                            "Kết luận", "Sai", MARCH_25, PHAM_GIA_TUC));
        }

        @Test
        void a_task_added_later_is_assigned_on_the_date_given() {
            TaskSpec added = new TaskSpec("II.7", "Công việc bổ sung", null, List.of(BKHCN), List.of(),
                    "trong tháng 6/2026", "Sản phẩm");
            given(ISSUED_20_MARCH).when(new AssignTask(NOTICE_22, added, MARCH_25, PHAM_GIA_TUC))
                    .expectEventsMatching(exactly(event(TaskAssigned.class,
                            t -> assertThat(t.assignedOn()).isEqualTo(MARCH_25))));
        }

        @Test
        void left_out_it_is_today() {
            given(ISSUED_20_MARCH).when(new RecallDirective(NOTICE_22, "Ban hành nhầm", null, PHAM_GIA_TUC))
                    .expectEvents(new DirectiveRecalled(NOTICE_22, "Ban hành nhầm", TODAY, PHAM_GIA_TUC));
        }

        @Test
        void no_act_precedes_the_issue_nor_lies_in_the_future() {
            given(ISSUED_20_MARCH).when(new RecallDirective(NOTICE_22, "Ban hành nhầm", MARCH_19, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "recalledOn")).expectNoEvents();
            given(ISSUED_20_MARCH).when(new ReplaceDirective(NOTICE_22, REPLACEMENT, "Thay", MARCH_19, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "replacedOn")).expectNoEvents();
            given(ISSUED_20_MARCH).when(new CorrectDirective(NOTICE_22, DirectiveField.SUBJECT, "Kết luận", "Sai",
                            TODAY.plusDays(1), PHAM_GIA_TUC))
                    .expectException(refused("date.in-future", "correctedOn")).expectNoEvents();
            TaskSpec added = new TaskSpec("II.7", "Công việc", null, List.of(BKHCN), List.of(), null, null);
            given(ISSUED_20_MARCH).when(new AssignTask(NOTICE_22, added, MARCH_19, PHAM_GIA_TUC))
                    .expectException(refused("date.before-acted-on", "assignedOn")).expectNoEvents();
        }
    }

    @Nested
    @DisplayName("One document, one number")
    class OneNumber {

        private IssueDirective second(String symbol, LocalDate issuedOn, String replaces) {
            IssueDirective n = notice22(List.of());
            return new IssueDirective(SECOND, symbol, n.kind(), n.issuingBodyCode(), n.signer(), issuedOn,
                    "Thông báo khác", n.recipientsForAction(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    replaces, PHAM_GIA_TUC);
        }

        @Test
        void the_same_issuer_number_and_year_again_is_refused_naming_the_holder() {
            catalog.numbered(CQTT, 2026, "22-TB/CQTTBCĐ", NOTICE_22);

            given().when(second("22-TB/CQTTBCĐ", MARCH_25, null))
                    .expectException(refused("directive.symbol.taken", "symbol"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(NOTICE_22))
                    .expectNoEvents();
        }

        @Test
        void the_same_number_in_another_year_is_another_document() {
            catalog.numbered(CQTT, 2025, "22-TB/CQTTBCĐ", NOTICE_22);

            given().when(second("22-TB/CQTTBCĐ", MARCH_25, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_same_number_of_another_issuer_is_another_document() {
            catalog.numbered(TU_DIENBIEN, 2026, "22-TB/CQTTBCĐ", LETTER_569);

            given().when(second("22-TB/CQTTBCĐ", MARCH_25, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_replacement_may_take_over_the_number_of_the_document_it_replaces() {
            catalog.numbered(CQTT, 2026, "22-TB/CQTTBCĐ", NOTICE_22).add(NOTICE_22, DirectiveStatus.ACTIVE);

            given().when(second("22-TB/CQTTBCĐ", MARCH_25, NOTICE_22))
                    .expectSuccessfulHandlerExecution();
            assertThat(catalog.claimNumber(CQTT, 2026, "22-TB/CQTTBCĐ", "third", null)).contains(SECOND);
        }

        @Test
        void only_a_directive_in_force_can_be_replaced() {
            catalog.add(NOTICE_22, DirectiveStatus.RECALLED);

            given().when(second("22-TB/CQTTBCĐ", MARCH_25, NOTICE_22))
                    .expectException(refused("directive.replacement.not-found", "replacesDirectiveId"))
                    .expectNoEvents();
            given().when(second("22-TB/CQTTBCĐ", MARCH_25, "no-such-directive"))
                    .expectException(refused("directive.replacement.not-found", "replacesDirectiveId"))
                    .expectNoEvents();
        }

        @Test
        void a_document_issued_under_a_free_number_claims_it() {
            given().when(second("23-TB/CQTTBCĐ", MARCH_25, null)).expectSuccessfulHandlerExecution();

            assertThat(catalog.claimNumber(CQTT, 2026, "23-TB/CQTTBCĐ", "third", null)).contains(SECOND);
        }
    }
}

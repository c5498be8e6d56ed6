package vn.ledger.core.directive;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.TaskLink;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.TaskAssigned;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.core.fixtures.Bodies.*;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Events.event;
import static vn.ledger.core.fixtures.Events.exactly;
import static vn.ledger.core.fixtures.Refusal.refused;
import static vn.ledger.core.fixtures.Seeds.*;

/**
 * A task of a forwarding letter says which task of the cited directive it makes concrete, by code as printed
 * ("II.1", resolved through the citation) or by task id; its deadline may not be later than that task's.
 */
@DisplayName("Implementation links: a lower level's task names the upper level's task it makes concrete")
class ImplementationLinksTest {

    static final String OTHER = "a0a0a0a0-0001-4000-8000-otherdirect0";

    private AggregateTestFixture<Directive> fixture;
    private InMemoryDirectiveCatalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDirectiveCatalog()
                .add(NOTICE_22, DirectiveStatus.ACTIVE, "22-TB/CQTTBCĐ")
                .add(OTHER, DirectiveStatus.ACTIVE, "1-TB/KHAC")
                .task(NOTICE_22, "II.1", "trình Thủ tướng Chính phủ ban hành trong tháng 4/2026")
                .task(NOTICE_22, "II.3", "hoàn thành trong tháng 6/2026")
                .task(OTHER, "II.1", "trong tháng 12/2026");
        fixture = new AggregateTestFixture<>(Directive.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds());
        fixture.registerInjectableResource(catalog);
    }

    private TestExecutor<Directive> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    /** Letter 569-CV/TU citing notice 22 (and, when asked, another directive), with the tasks given. */
    private static IssueDirective letter(List<Citation> citations, TaskSpec... tasks) {
        IssueDirective l = letter569();
        return new IssueDirective(LETTER_569, l.symbol(), l.kind(), l.issuingBodyCode(), l.signer(), l.issuedOn(),
                l.subject(), l.recipientsForAction(), List.of(), List.of(), List.of(), citations, List.of(tasks),
                LE_THANH_DO);
    }

    private static IssueDirective letter(TaskSpec... tasks) {
        return letter(List.of(new Citation("22-TB/CQTTBCĐ", null)), tasks);
    }

    private static TaskSpec implementing(String code, String deadline, String... parents) {
        return new TaskSpec(code, "Cụ thể hóa nhiệm vụ", null, List.of(DU_UBND_TINH), List.of(), deadline,
                "Kế hoạch", List.of(parents));
    }

    @Test
    void a_code_as_printed_resolves_through_the_citation_and_is_kept_as_written() {
        given().when(letter(implementing("2", "trong tháng 4/2026", "II.1", " II.3 ")))
                .expectEventsMatching(exactly(
                        event(DirectiveIssued.class, e -> assertThat(e.tasks().get(0).implementsTasks())
                                .containsExactly("II.1", " II.3 ")),
                        event(TaskAssigned.class, t -> assertThat(t.implementsTasks()).containsExactly(
                                new TaskLink("II.1", NOTICE_22 + "/II.1"), new TaskLink("II.3", NOTICE_22 + "/II.3")))));
    }

    @Test
    void a_task_id_of_a_cited_directive_links_too() {
        given().when(letter(implementing("2", null, NOTICE_22 + "/II.3")))
                .expectEventsMatching(exactly(event(DirectiveIssued.class, e -> { }),
                        event(TaskAssigned.class, t -> assertThat(t.implementsTasks())
                                .containsExactly(new TaskLink(NOTICE_22 + "/II.3", NOTICE_22 + "/II.3")))));
    }

    @Test
    void a_deadline_later_than_the_implemented_task_is_refused_by_the_delegation_rule() {
        given().when(letter(implementing("2", "trong tháng 5/2026", "II.1")))
                .expectException(refused("task.deadline.after-parent", "tasks[0].deadline"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(NOTICE_22 + "/II.1"))
                .expectNoEvents();
    }

    @Test
    void a_code_no_cited_directive_has_is_refused() {
        given().when(letter(implementing("2", null, "II.9")))
                .expectException(refused("task.link.unresolved", "tasks[0].implementsTasks[0]"))
                .expectNoEvents();
    }

    @Test
    void a_code_two_cited_directives_have_is_ambiguous() {
        given().when(letter(List.of(new Citation("22-TB/CQTTBCĐ", null), new Citation("1-TB/KHAC", null)),
                        implementing("2", null, "II.1")))
                .expectException(refused("task.link.ambiguous", "tasks[0].implementsTasks[0]"))
                .expectNoEvents();
    }

    @Test
    void a_task_of_a_directive_not_cited_is_refused() {
        given().when(letter(implementing("2", null, OTHER + "/II.1")))
                .expectException(refused("task.link.not-cited", "tasks[0].implementsTasks[0]"))
                .expectNoEvents();
    }

    @Test
    void a_task_added_later_links_through_the_citations_of_its_directive() {
        DirectiveIssued issued = new DirectiveIssued(LETTER_569, "569-CV/TU", DirectiveKind.CONG_VAN, TU_DIENBIEN,
                null, LocalDate.of(2026, 3, 23), "V/v", List.of(DU_UBND_TINH), List.of(), List.of(), List.of(),
                List.of(new Citation("22-TB/CQTTBCĐ", NOTICE_22)), List.of(), LE_THANH_DO);
        given(issued).when(new AssignTask(LETTER_569, implementing("4", "trong tháng 6/2026", "II.3"), LE_THANH_DO))
                .expectEventsMatching(exactly(event(TaskAssigned.class, t -> assertThat(t.implementsTasks())
                        .containsExactly(new TaskLink("II.3", NOTICE_22 + "/II.3")))));
        given(issued).when(new AssignTask(LETTER_569, implementing("4", "trong tháng 7/2026", "II.3"), LE_THANH_DO))
                .expectException(refused("task.deadline.after-parent", "task.deadline"))
                .expectNoEvents();
    }
}

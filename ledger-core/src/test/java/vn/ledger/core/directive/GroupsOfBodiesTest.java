package vn.ledger.core.directive;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.TaskAssigned;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.core.body.BodyLevel.CENTRAL;
import static vn.ledger.core.body.BodyLevel.COMMUNE;
import static vn.ledger.core.body.BodyLevel.MINISTRY;
import static vn.ledger.core.body.BodyLevel.PROVINCE;
import static vn.ledger.core.fixtures.Bodies.*;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Events.event;
import static vn.ledger.core.fixtures.Events.exactly;
import static vn.ledger.core.fixtures.Refusal.refused;
import static vn.ledger.core.fixtures.Seeds.*;

@DisplayName("Directive: a group of bodies as recipients or leads, one command, each member on its own")
class GroupsOfBodiesTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    private static final String LAICHAU = "TU-LAICHAU";
    private static final String HAGIANG = "TU-HAGIANG";
    private static final BodyGroup PROVINCES = BodyGroup.allProvinces("Các tỉnh ủy, thành ủy");
    private static final BodyGroup MINISTRIES = BodyGroup.allMinistries("các bộ, cơ quan ngang bộ");
    private static final List<String> ALL_PROVINCES = List.of(TU_DIENBIEN, LAICHAU);
    /** In the order of their codes. */
    private static final List<String> ALL_MINISTRIES = List.of(BCA, BGDDT, BKHCN, BTC);

    private AggregateTestFixture<Directive> fixture;

    @BeforeEach
    void setUp() {
        InMemoryBodyDirectory bodies = new InMemoryBodyDirectory()
                .add(TW, null, CENTRAL, LONG_AGO).add(CQTT, TW, CENTRAL, LONG_AGO)
                .add(BKHCN, null, MINISTRY, LONG_AGO).add(BTC, null, MINISTRY, LONG_AGO)
                .add(BGDDT, null, MINISTRY, LONG_AGO).add(BCA, null, MINISTRY, LONG_AGO)
                .add(TU_DIENBIEN, TW, PROVINCE, LONG_AGO).add(LAICHAU, TW, PROVINCE, LONG_AGO)
                // merged in the 2025 reform, before notice 22
                .add(HAGIANG, TW, PROVINCE, LONG_AGO).closeOn(HAGIANG, LocalDate.of(2025, 7, 1))
                // registered after notice 22 was issued
                .add("TU-MOI", TW, PROVINCE, LocalDate.of(2026, 3, 25))
                .add(DU_SINHBINH, TU_DIENBIEN, COMMUNE, LONG_AGO);
        fixture = new AggregateTestFixture<>(Directive.class);
        fixture.registerInjectableResource(bodies);
        fixture.registerInjectableResource(new InMemoryDirectiveCatalog()
                .add(NOTICE_22, DirectiveStatus.ACTIVE, "22-TB/CQTTBCĐ")
                .task(NOTICE_22, "App.1@" + TU_DIENBIEN, "trước ngày 05/4/2026"));
    }

    private TestExecutor<Directive> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static IssueDirective notice(List<String> forAction, List<BodyGroup> groupsForAction, TaskSpec... tasks) {
        IssueDirective n = notice22(List.of(tasks));
        return new IssueDirective(n.directiveId(), n.symbol(), n.kind(), n.issuingBodyCode(), n.signer(),
                n.issuedOn(), n.subject(), forAction, List.of(), List.of(), n.orientations(), List.of(), n.tasks(),
                null, groupsForAction, List.of(), List.of(), n.actor());
    }

    private static TaskSpec ledByMinistries(String code, List<String> explicitLeads) {
        return new TaskSpec(code, "Đăng ký công nghệ chiến lược", null, explicitLeads, List.of(),
                "chậm nhất trước ngày 05/4/2026", "Đăng ký", List.of(), List.of(MINISTRIES), List.of());
    }

    @Test
    void a_notice_to_every_province_is_one_command_recording_the_wording_and_the_provinces_of_the_issue_date() {
        given().when(notice(List.of(), List.of(PROVINCES)))
                .expectEventsMatching(exactly(event(DirectiveIssued.class, e -> {
                    assertThat(e.recipientsForAction()).containsExactlyElementsOf(ALL_PROVINCES);
                    assertThat(e.recipientGroupsForAction())
                            .containsExactly(new GroupMembers(PROVINCES, ALL_PROVINCES));
                })));
    }

    @Test
    void a_province_named_explicitly_and_through_the_group_is_a_recipient_once() {
        given().when(notice(List.of(LAICHAU, BKHCN), List.of(PROVINCES)))
                .expectEventsMatching(exactly(event(DirectiveIssued.class, e ->
                        assertThat(e.recipientsForAction()).containsExactly(LAICHAU, BKHCN, TU_DIENBIEN))));
    }

    @Test
    void each_province_of_the_group_acknowledges_receipt_on_its_own() {
        DirectiveIssued issued = new DirectiveIssued(NOTICE_22, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, CQTT, null,
                MARCH_20, "V/v", ALL_PROVINCES, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new GroupMembers(PROVINCES, ALL_PROVINCES)), List.of(), List.of(), PHAM_GIA_TUC);

        given(issued).when(new AcknowledgeReceipt(NOTICE_22, MARCH_20, actor(LAICHAU)))
                .expectEvents(new DirectiveReceived(NOTICE_22, LAICHAU, MARCH_20, actor(LAICHAU)));
        given(issued).when(new AcknowledgeReceipt(NOTICE_22, MARCH_20, actor(HAGIANG)))
                .expectException(refused("auth.not-a-recipient", "actor")).expectNoEvents();
    }

    @Test
    void a_group_with_no_member_on_the_issue_date_is_refused() {
        BodyGroup communes = BodyGroup.directlyUnder(LAICHAU, "Các đảng ủy trực thuộc");
        given().when(notice(List.of(), List.of(PROVINCES, communes)))
                .expectException(refused("group.empty", "recipientGroupsForAction[1]")).expectNoEvents();
    }

    @Test
    void a_task_led_by_every_ministry_is_one_task_per_ministry_the_one_also_named_explicitly_once() {
        given().when(notice(List.of(), List.of(), ledByMinistries("App.1", List.of(BTC))))
                .expectEventsMatching(exactly(
                        event(DirectiveIssued.class, e -> assertThat(e.tasks().get(0).leadGroups())
                                .containsExactly(MINISTRIES)),
                        member("App.1", BTC), member("App.1", BCA), member("App.1", BGDDT),
                        member("App.1", BKHCN)));
    }

    private static org.hamcrest.Matcher<Object> member(String code, String body) {
        return event(TaskAssigned.class, t -> {
            assertThat(t.taskId()).isEqualTo(NOTICE_22 + "/" + code + "@" + body);
            assertThat(t.code()).isEqualTo(code + "@" + body);
            assertThat(t.leadBodies()).containsExactly(body);
            assertThat(t.leadGroups()).containsExactly(MINISTRIES);
            assertThat(t.assignedOn()).isEqualTo(MARCH_20);
        });
    }

    @Test
    void issuing_answers_the_ids_of_the_tasks_it_created_as_it_expanded_the_groups_on_the_issue_date() {
        TaskSpec provinces = new TaskSpec("App.1", "Quán triệt", null, List.of(), List.of(),
                "chậm nhất trước ngày 05/4/2026", "Báo cáo", List.of(), List.of(PROVINCES), List.of());
        TaskSpec own = new TaskSpec("App.2", "Hướng dẫn", null, List.of(BKHCN), List.of(),
                "chậm nhất trước ngày 05/4/2026", "Văn bản", List.of(), List.of(), List.of());

        // the provinces of 20/3/2026: not Hà Giang (merged in 2025), not TU-MOI (registered on 25/3)
        given().when(notice(List.of(), List.of(), provinces, own))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(NOTICE_22 + "/App.1@" + TU_DIENBIEN,
                        NOTICE_22 + "/App.1@" + LAICHAU, NOTICE_22 + "/App.2"));
    }

    @Test
    void a_task_added_later_for_a_group_answers_the_ids_of_the_tasks_it_created() {
        given(new DirectiveIssued(NOTICE_22, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, CQTT, null, MARCH_20, "V/v",
                ALL_MINISTRIES, List.of(), List.of(), List.of(), List.of(), List.of(), PHAM_GIA_TUC))
                .when(new AssignTask(NOTICE_22, ledByMinistries("App.2", List.of()), MARCH_20, PHAM_GIA_TUC))
                .expectResultMessagePayload(ALL_MINISTRIES.stream().map(b -> NOTICE_22 + "/App.2@" + b).toList());
    }

    @Test
    void cooperating_groups_join_the_cooperating_bodies_recorded_with_their_members() {
        TaskSpec spec = new TaskSpec("II.1", "Rà soát danh mục", null, List.of(BKHCN), List.of(BTC),
                "trong tháng 4/2026", "Danh mục", List.of(), List.of(), List.of(MINISTRIES));
        given().when(notice(List.of(), List.of(), spec))
                .expectEventsMatching(exactly(event(DirectiveIssued.class, e -> { }),
                        event(TaskAssigned.class, t -> {
                            assertThat(t.code()).isEqualTo("II.1");
                            assertThat(t.leadBodies()).containsExactly(BKHCN);
                            assertThat(t.cooperatingBodies()).containsExactly(BTC, BCA, BGDDT);
                            assertThat(t.cooperatingGroups())
                                    .containsExactly(new GroupMembers(MINISTRIES, ALL_MINISTRIES));
                        })));
    }

    @Test
    void a_letter_linking_a_printed_code_led_by_a_group_links_its_issuers_own_task() {
        IssueDirective letter = new IssueDirective(LETTER_569, "569-CV/TU", DirectiveKind.CONG_VAN, TU_DIENBIEN,
                null, LocalDate.of(2026, 3, 23), "V/v triển khai", List.of(DU_SINHBINH), List.of(), List.of(),
                List.of(), List.of(new Citation("22-TB/CQTTBCĐ", null)),
                List.of(new TaskSpec("1", "Đăng ký", null, List.of(DU_SINHBINH), List.of(), "trước ngày 01/4/2026",
                        "Đăng ký", List.of("App.1"))), LE_THANH_DO);
        given().when(letter).expectEventsMatching(exactly(event(DirectiveIssued.class, e -> { }),
                event(TaskAssigned.class, t -> assertThat(t.implementsTasks().get(0).taskId())
                        .isEqualTo(NOTICE_22 + "/App.1@" + TU_DIENBIEN))));
    }
}

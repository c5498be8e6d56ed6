package vn.ledger.core.group;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.GroupMembers;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ledger.core.body.BodyLevel.COMMUNE;
import static vn.ledger.core.body.BodyLevel.MINISTRY;
import static vn.ledger.core.body.BodyLevel.PROVINCE;

@DisplayName("Groups of bodies: who belongs to \"Các tỉnh ủy, thành ủy\" on a given day")
class BodyGroupsTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 20);
    private static final BodyGroup PROVINCES = BodyGroup.allProvinces("Các tỉnh ủy, thành ủy");

    /** Three provinces of the day, one merged before it, one registered after it; two ministries; communes. */
    private final InMemoryBodyDirectory roster = new InMemoryBodyDirectory()
            .add("TW", null, null, LONG_AGO)
            .add("TU-DIENBIEN", "TW", PROVINCE, LONG_AGO)
            .add("TU-LAICHAU", "TW", PROVINCE, LONG_AGO)
            .add("TU-HANOI", "TW", PROVINCE, LONG_AGO)
            .add("TU-HAGIANG", "TW", PROVINCE, LONG_AGO).closeOn("TU-HAGIANG", LocalDate.of(2025, 7, 1))
            .add("TU-MOI", "TW", PROVINCE, LocalDate.of(2026, 3, 21))
            .add("BKHCN", null, MINISTRY, LONG_AGO)
            .add("BTC", null, MINISTRY, LONG_AGO)
            .add("DU-SINHBINH", "TU-DIENBIEN", COMMUNE, LONG_AGO)
            .add("CB-1", "DU-SINHBINH", null, LONG_AGO)
            .add("CB-2", "DU-SINHBINH", null, LONG_AGO)
            .add("CB-CU", "DU-SINHBINH", null, LONG_AGO).closeOn("CB-CU", ISSUED)
            .list("ban-chi-dao", "BKHCN", "TU-HANOI", "TU-MOI", "NOBODY");

    private List<GroupMembers> expand(BodyGroup... groups) {
        return BodyGroups.expandAll("recipientGroupsForAction", List.of(groups), roster, ISSUED);
    }

    @Test
    void every_province_of_the_issue_date_belongs_neither_one_merged_before_nor_one_registered_after() {
        GroupMembers provinces = expand(PROVINCES).get(0);

        assertThat(provinces.group()).isEqualTo(PROVINCES);
        assertThat(provinces.members()).containsExactly("TU-DIENBIEN", "TU-HANOI", "TU-LAICHAU");
    }

    @Test
    void a_body_closed_on_the_issue_date_itself_is_no_longer_a_member() {
        GroupMembers under = expand(BodyGroup.directlyUnder("DU-SINHBINH", "Các chi, đảng bộ trực thuộc")).get(0);

        assertThat(under.members()).containsExactly("CB-1", "CB-2");
    }

    @Test
    void the_day_after_a_new_province_is_registered_it_belongs() {
        List<GroupMembers> later = BodyGroups.expandAll("g", List.of(PROVINCES), roster, LocalDate.of(2026, 3, 21));

        assertThat(later.get(0).members()).containsExactly("TU-DIENBIEN", "TU-HANOI", "TU-LAICHAU", "TU-MOI");
    }

    @Test
    void every_ministry_is_the_bodies_of_ministry_level() {
        assertThat(expand(BodyGroup.allMinistries("các bộ, cơ quan ngang bộ")).get(0).members())
                .containsExactly("BKHCN", "BTC");
        assertThat(expand(BodyGroup.named("ban-chi-dao", "Ban Chỉ đạo")).get(0).members())
                .as("a configured list keeps its own order").containsExactly("BKHCN", "TU-HANOI");
    }

    @Test
    void a_configured_list_keeps_its_bodies_that_exist_on_the_day() {
        assertThat(expand(BodyGroup.named("ban-chi-dao", "Các thành viên Ban Chỉ đạo")).get(0).members())
                .containsExactly("BKHCN", "TU-HANOI");
    }

    @Test
    void a_group_with_no_member_on_the_day_is_refused_not_recorded_empty() {
        assertThatThrownBy(() -> BodyGroups.expandAll("recipientGroupsForAction", List.of(PROVINCES), roster,
                LocalDate.of(2019, 12, 31)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo(BodyGroups.EMPTY);
                    assertThat(v.field()).isEqualTo("recipientGroupsForAction[0]");
                    assertThat(v.getMessage()).contains("Các tỉnh ủy, thành ủy", "2019-12-31");
                });
    }

    @Test
    void an_unknown_list_a_missing_body_a_missing_wording_or_kind_are_refused_naming_the_field() {
        assertRefused(BodyGroup.named("khong-co", "Danh sách"), BodyGroups.LIST_UNKNOWN, "g[0].of");
        assertRefused(BodyGroup.directlyUnder("KHONG-CO", "trực thuộc"), "body.not-found", "g[0].of");
        assertRefused(new BodyGroup(BodyGroup.Kind.DIRECTLY_UNDER, null, "trực thuộc"), BodyGroups.OF_REQUIRED,
                "g[0].of");
        assertRefused(new BodyGroup(BodyGroup.Kind.ALL_PROVINCES, "TW", "Các tỉnh ủy"), BodyGroups.OF_UNEXPECTED,
                "g[0].of");
        assertRefused(new BodyGroup(BodyGroup.Kind.ALL_PROVINCES, null, " "), BodyGroups.WORDING_REQUIRED,
                "g[0].wording");
        assertRefused(new BodyGroup(null, null, "Các tỉnh ủy"), BodyGroups.KIND_REQUIRED, "g[0].kind");
    }

    @Test
    void a_group_plus_a_body_also_named_explicitly_lists_that_body_once() {
        assertThat(BodyGroups.union(List.of("TU-HANOI", "BKHCN"), expand(PROVINCES)))
                .containsExactly("TU-HANOI", "BKHCN", "TU-DIENBIEN", "TU-LAICHAU");
    }

    @Test
    void members_come_in_the_order_of_their_codes_whatever_the_order_of_the_roster() {
        InMemoryBodyDirectory reversed = new InMemoryBodyDirectory()
                .add("TU-B", null, PROVINCE, LONG_AGO).add("TU-A", null, PROVINCE, LONG_AGO);
        assertThat(BodyGroups.expandAll("g", List.of(PROVINCES), reversed, ISSUED).get(0).members())
                .containsExactly("TU-A", "TU-B");
    }

    @Test
    void directly_under_without_a_body_means_under_the_body_that_writes_it() {
        BodyGroup written = new BodyGroup(BodyGroup.Kind.DIRECTLY_UNDER, null, "Các chi, đảng bộ trực thuộc");

        assertThat(BodyGroups.underWriterWhenUnsaid(written, "DU-SINHBINH"))
                .isEqualTo(BodyGroup.directlyUnder("DU-SINHBINH", "Các chi, đảng bộ trực thuộc"));
        assertThat(BodyGroups.underWriterWhenUnsaid(PROVINCES, "DU-SINHBINH")).isEqualTo(PROVINCES);
    }

    private void assertRefused(BodyGroup group, String rule, String field) {
        assertThatThrownBy(() -> BodyGroups.expandAll("g", List.of(group), roster, ISSUED))
                .isInstanceOfSatisfying(DomainRuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo(rule);
                    assertThat(v.field()).isEqualTo(field);
                });
    }
}

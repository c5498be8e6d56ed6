package vn.ledger.projections.chain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.ledger.projections.chain.CoverageReport.Reason.NOT_PASSED_ON;
import static vn.ledger.projections.chain.CoverageReport.Reason.PASSED_ON_WITHOUT_CONCRETE_TASKS;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.implementing;
import static vn.ledger.projections.fixture.Ledger.spec;

@DisplayName("Coverage per parent task and per lead body (chain-coverage/2)")
class CoverageTest {

    /** 3/5/2026 in Hà Nội. */
    private static final Instant NOW = Instant.parse("2026-05-03T03:00:00Z");

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final Ledger ledger = new Ledger(new EventFeed(new ChainProjection(store)));
    private final ChainQueries queries = new ChainQueries(store);

    /**
     * Central notice N (tasks 1 and 2 led by provinces P and Q, task 3 by ministry M) → P's letter LP makes only
     * task 1 concrete (LP/1, led by communes C1 and C2) → C1's letter LC makes LP/1 concrete; Q's letter LQ only
     * passes N on ("triển khai thực hiện Thông báo", no link); M and C2 do nothing.
     */
    static void cascade(Ledger l) {
        l.at("2026-03-20T09:00:00Z")
                .issue("N", "1-TB/TW", "TW", d("2026-03-20"), List.of("P", "Q", "M"), List.of(), List.of(), List.of(),
                        spec("1", "việc 1", List.of("P", "Q"), "trong tháng 6/2026", "sp 1"),
                        spec("2", "việc 2", List.of("P", "Q"), "trong tháng 6/2026", "sp 2"),
                        spec("3", "việc 3", List.of("M"), "trong tháng 6/2026", "sp 3"));
        l.at("2026-03-23T03:00:00Z")
                .issue("LP", "1-CV/P", "P", d("2026-03-23"), List.of("C1", "C2"), List.of(), List.of(), List.of("N"),
                        implementing(spec("1", "cụ thể hoá việc 1", List.of("C1", "C2"), "trong tháng 5/2026",
                                "kế hoạch"), "1"));
        l.at("2026-03-24T03:00:00Z")
                .issue("LQ", "1-CV/Q", "Q", d("2026-03-24"), List.of("Q-VP"), List.of(), List.of(), List.of("N"),
                        spec("1", "triển khai thực hiện Thông báo", List.of("Q-VP"), "trong tháng 5/2026", "bc"));
        l.at("2026-03-25T03:00:00Z")
                .issue("LC", "1-CV/C1", "C1", d("2026-03-25"), List.of("C1-U"), List.of(), List.of(), List.of("LP"),
                        implementing(spec("1", "kế hoạch của xã", List.of("C1-U"), "trong tháng 4/2026", "kh"),
                                "LP/1"));
    }

    @Test
    void aProvinceThatMakesOnlySomeCentralTasksConcreteLeavesTheOthersUncoveredPerLeadBody() {
        cascade(ledger);

        CoverageReport report = queries.coverage("N", 100, NOW).orElseThrow();

        assertThat(report.rule()).isEqualTo("chain-coverage/2").isEqualTo(ChainRules.COVERAGE);
        assertThat(report.previousRule()).isEqualTo("chain-coverage/1");
        // N: (1,Q) (2,P) (2,Q) (3,M); LP/1: C2; LQ/1: Q-VP; LC/1: C1-U
        assertThat(report.gaps()).isEqualTo(7);
        assertThat(report.items()).extracting(CoverageReport.Gap::taskId, CoverageReport.Gap::leadBody,
                CoverageReport.Gap::level).containsExactly(
                tuple("N/1", "Q", 1), tuple("N/2", "P", 1), tuple("N/2", "Q", 1), tuple("N/3", "M", 1),
                tuple("LP/1", "C2", 2), tuple("LQ/1", "Q-VP", 2), tuple("LC/1", "C1-U", 3));
        assertThat(report.items()).extracting(CoverageReport.Gap::taskId, CoverageReport.Gap::leadBody)
                .as("P made task 1 concrete with LP/1, C1 made LP/1 concrete with LC/1")
                .doesNotContain(tuple("N/1", "P"), tuple("LP/1", "C1"));
        assertThat(report.byLead()).extracting(CoverageReport.ByLead::leadBody, CoverageReport.ByLead::taskIds)
                .startsWith(tuple("Q", List.of("N/1", "N/2")), tuple("P", List.of("N/2")),
                        tuple("M", List.of("N/3")), tuple("C2", List.of("LP/1")));
    }

    @Test
    void aLetterThatOnlyPassesTheNoticeOnCoversNothingAndIsReportedAsSuch() {
        cascade(ledger);

        CoverageReport report = queries.coverage("N", 100, NOW).orElseThrow();

        assertThat(report.items()).filteredOn(g -> g.directiveId().equals("N"))
                .extracting(CoverageReport.Gap::taskId, CoverageReport.Gap::leadBody, CoverageReport.Gap::reason,
                        CoverageReport.Gap::passedOnIn)
                .containsExactly(
                        tuple("N/1", "Q", PASSED_ON_WITHOUT_CONCRETE_TASKS, List.of("LQ")),
                        tuple("N/2", "P", PASSED_ON_WITHOUT_CONCRETE_TASKS, List.of("LP")),
                        tuple("N/2", "Q", PASSED_ON_WITHOUT_CONCRETE_TASKS, List.of("LQ")),
                        tuple("N/3", "M", NOT_PASSED_ON, List.of()));
        assertThat(report.byLead()).filteredOn(b -> b.leadBody().equals("Q")).singleElement()
                .extracting(CoverageReport.ByLead::passedOnIn).isEqualTo(List.of("LQ"));
        ChainView.ChainNode n = queries.chain("N", 1, NOW).orElseThrow().root();
        assertThat(n.children()).filteredOn(c -> c.id().equals("N/1")).singleElement()
                .extracting(ChainView.ChainNode::uncoveredLeads).isEqualTo(List.of("Q"));
    }

    @Test
    void aDelegationCoversTheTaskForItsLeadAndADoneTaskHasNoGap() {
        cascade(ledger);

        ledger.at("2026-04-01T02:00:00Z")
                .delegate("N/2", 1, "P", spec("2.1", "giao sở", List.of("P-SO"), "trong tháng 5/2026", "sp"),
                        d("2026-03-30"))
                .complete("N/3", "M", d("2026-04-20"));

        CoverageReport report = queries.coverage("N", 100, NOW).orElseThrow();
        assertThat(report.items()).extracting(CoverageReport.Gap::taskId, CoverageReport.Gap::leadBody)
                .doesNotContain(tuple("N/2", "P"), tuple("N/3", "M"))
                .contains(tuple("N/2", "Q"), tuple("N/2.1", "P-SO"));
    }

    @Test
    void aLinkRecordedBeforeTheTaskItImplementsCountsOnceThatTaskArrives() {
        EventFeed held = new EventFeed().hold();
        cascade(new Ledger(held));
        // LP's task (linking N/1) reaches the projection before N and its tasks
        List<org.axonframework.eventhandling.DomainEventMessage<?>> all = held.emitted();
        List<org.axonframework.eventhandling.DomainEventMessage<?>> late = new java.util.ArrayList<>(all);
        late.removeIf(m -> m.getAggregateIdentifier().startsWith("N"));
        all.stream().filter(m -> m.getAggregateIdentifier().startsWith("N")).forEach(late::add);
        EventFeed.replay(late, new ChainProjection(store));

        CoverageReport report = queries.coverage("N", 100, NOW).orElseThrow();
        assertThat(report.items()).extracting(CoverageReport.Gap::taskId, CoverageReport.Gap::leadBody)
                .contains(tuple("N/1", "Q"), tuple("N/2", "P")).doesNotContain(tuple("N/1", "P"));
        assertThat(report.gaps()).isEqualTo(7);
    }
}

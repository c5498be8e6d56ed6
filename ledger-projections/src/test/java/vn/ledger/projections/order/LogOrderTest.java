package vn.ledger.projections.order;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.projections.audit.AuditProjection;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.fixture.Canonical;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.task.TaskProjection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;

/**
 * Every read model but the chain is a function of the events in log order: delivered in order, or with commits late
 * (a processor sees a commit that fills a gap after later ones), or in any order across aggregates, the stored
 * documents are the same, byte for byte (fields in name order).
 */
@DisplayName("Read models are a function of the events in log order, whatever order commits reach them in")
class LogOrderTest {

    private record Model(String name, Function<InMemoryReadStore, Object> projection, List<String> collections) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("directive", DirectiveProjection::new, DirectiveProjection.COLLECTIONS),
            new Model("task", TaskProjection::new, TaskProjection.COLLECTIONS),
            new Model("dashboard", DashboardProjection::new, List.of(DashboardProjection.DASHBOARD,
                    DashboardProjection.TASKS, DashboardProjection.BODIES, DashboardProjection.DIRECTIVES,
                    DashboardProjection.BODY_TASKS)),
            new Model("audit", AuditProjection::new, AuditProjection.COLLECTIONS),
            new Model("search", SearchProjection::new, SearchProjection.COLLECTIONS),
            new Model("bodies", BodiesProjection::new, List.of(BodiesProjection.COLLECTION)));

    /** The seed cascade, 60 directives implementing 22-TB (more than its document keeps inline), and changes. */
    private static List<DomainEventMessage<?>> events() {
        EventFeed feed = new EventFeed();
        Ledger l = new Ledger(feed);
        SeedCascade.load(l);
        l.at("2026-04-01T01:00:00Z").body("XA-" + 0, "Xã 0", "TU-DIENBIEN", BodyLevel.COMMUNE);
        for (int i = 0; i < 60; i++) {
            String body = i % 3 == 0 ? "XA-0" : SeedCascade.MINISTRIES.get(i % 3);
            l.at("2026-04-02T0" + (i % 10) + ":00:00Z").issue("X-" + i, "KH-" + i + "/" + body, body, d("2026-04-02"),
                    List.of(body), List.of(), List.of(), List.of(SeedCascade.A),
                    spec("1", "Triển khai " + i, List.of(body), "trước ngày 30/6/2026", "Báo cáo"));
            l.receive("X-" + i, body, d("2026-04-03"));
        }
        feed.emit(new DirectiveReplaced("X-1", "X-2", "thay thế", d("2026-04-05"), Ledger.actor("BTC")));
        feed.emit(new DirectiveCorrected(SeedCascade.A, DirectiveField.SYMBOL, "22-TB/CQTTBCĐ", "22-TB/VPTW",
                "sai ký hiệu", d("2026-04-06"), Ledger.actor("CQTT-BCDTW")));
        l.rename("BTC", "Bộ Tài chính", "Bộ Tài chính (mới)", d("2026-04-07"));
        l.merge("BGDDT", "BKHCN", d("2026-04-08"));
        SeedCascade.later(l);
        return feed.emitted();
    }

    /**
     * The events as a processor may see them: some commits come late (a gap filled after later commits), by up to
     * {@code maxDelay} places, never after a later event of their own aggregate (which was appended after them).
     */
    private static List<DomainEventMessage<?>> withLateCommits(List<DomainEventMessage<?>> inOrder, long seed, int maxDelay) {
        List<DomainEventMessage<?>> out = new ArrayList<>(inOrder);
        Random random = new Random(seed);
        for (int i = out.size() - 2; i >= 0; i--) {
            if (random.nextInt(4) != 0) {
                continue;
            }
            DomainEventMessage<?> m = out.get(i);
            int to = i;
            int delay = 1 + random.nextInt(maxDelay);
            while (to + 1 < out.size() && to - i < delay
                    && !out.get(to + 1).getAggregateIdentifier().equals(m.getAggregateIdentifier())) {
                to++;
            }
            out.remove(i);
            out.add(to, m);
        }
        return out;
    }

    private static Map<String, String> built(Model model, List<DomainEventMessage<?>> messages) {
        InMemoryReadStore store = new InMemoryReadStore();
        EventFeed.replay(messages, model.projection().apply(store));
        return Canonical.dump(store, model.collections());
    }

    @Test
    @DisplayName("commits delivered late, or in any order across aggregates, give the same documents as in log order")
    void lateCommitsGiveTheSameDocuments() {
        List<DomainEventMessage<?>> inOrder = events();
        Map<String, Map<String, String>> expected = new HashMap<>();
        for (Model m : MODELS) {
            expected.put(m.name(), built(m, inOrder));
            assertThat(expected.get(m.name())).as(m.name()).isNotEmpty();
        }
        // the implementers of 22-TB overflow into a bucket: its split is checked too
        assertThat(expected.get("directive")).containsKey(DirectiveProjection.LINKS + ":" + SeedCascade.A + "|0");
        for (long seed = 1; seed <= 2; seed++) {
            List<DomainEventMessage<?>> late = withLateCommits(inOrder, seed, 30);
            List<DomainEventMessage<?>> shuffled = EventFeed.shuffleAcrossAggregates(inOrder, seed);
            assertThat(late).isNotEqualTo(inOrder);
            for (Model m : MODELS) {
                assertThat(built(m, late)).as(m.name() + ", late commits, seed " + seed)
                        .isEqualTo(expected.get(m.name()));
                assertThat(built(m, shuffled)).as(m.name() + ", shuffled, seed " + seed)
                        .isEqualTo(expected.get(m.name()));
            }
        }
    }
}

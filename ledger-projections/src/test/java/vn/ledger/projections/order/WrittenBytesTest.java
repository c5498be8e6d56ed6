package vn.ledger.projections.order;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.projections.audit.AuditProjection;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.fixture.BytesWritten;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.TaskProjection;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;

/**
 * Issue 11, growth: the bytes a read model writes for one event of a busy entity (BSON size of the documents it
 * puts, as stored). A central notice received by 3,400 communes, and a task reported on monthly for ten years. It
 * prints, per model, the worst and the mean bytes per event, and which collection the worst one wrote.
 */
@DisplayName("Bytes written per event on busy entities (printed)")
class WrittenBytesTest {

    /** 3,400 in the issue's example; fewer by default, to keep the suite fast (buckets fill at 64 and 500). */
    private static final int COMMUNES = Integer.getInteger("growth.communes", 700);
    private static final int MONTHS = 120;

    /** @param worst the most bytes one event wrote, not counting the issue of the directive (as large as its list) */
    record Cost(long worst, long mean, String collection, long issue) {
    }

    private static List<DomainEventMessage<?>> busy() {
        EventFeed feed = new EventFeed();
        Ledger l = new Ledger(feed);
        l.at("2026-03-01T01:00:00Z").body("VPTW", "Văn phòng Trung ương Đảng", null, BodyLevel.CENTRAL)
                .body("BKHCN", "Bộ Khoa học và Công nghệ", null, BodyLevel.MINISTRY);
        List<String> communes = new ArrayList<>();
        for (int i = 0; i < COMMUNES; i++) {
            communes.add("XA-" + i);
        }
        l.at("2026-03-20T02:00:00Z").issue("N", "22-TB/VPTW", "VPTW", d("2026-03-20"), communes, List.of(), List.of(),
                List.of(), spec("1", "Báo cáo định kỳ", List.of("BKHCN"), "định kỳ hằng tháng báo cáo", "Báo cáo"));
        for (String c : communes) {
            l.receive("N", c, d("2026-03-25"));
        }
        for (int m = 0; m < MONTHS; m++) {
            YearMonth period = YearMonth.of(2026, 3).plusMonths(m);
            l.report("N/1", "BKHCN", period.atEndOfMonth(), period);
        }
        return feed.emitted();
    }

    private static Cost measure(Function<ReadStore, Object> projection, List<DomainEventMessage<?>> events) {
        BytesWritten store = new BytesWritten(new InMemoryReadStore());
        Object p = projection.apply(store);
        long worst = 0;
        long total = 0;
        long issue = 0;
        String where = null;
        for (DomainEventMessage<?> m : events) {
            store.bytes = 0;
            store.largestBytes = 0;
            EventFeed.replay(List.of(m), p);
            total += store.bytes;
            if (m.getPayload() instanceof DirectiveIssued) {
                issue = store.bytes;
            } else if (store.bytes > worst) {
                worst = store.bytes;
                where = m.getPayloadType().getSimpleName() + " → " + store.largest;
            }
        }
        return new Cost(worst, total / events.size(), where, issue);
    }

    @Test
    void bytesWrittenPerEventOnBusyEntities() {
        List<DomainEventMessage<?>> events = busy();
        Map<String, Function<ReadStore, Object>> models = new LinkedHashMap<>();
        models.put("directive", DirectiveProjection::new);
        models.put("task", TaskProjection::new);
        models.put("dashboard", DashboardProjection::new);
        models.put("audit", AuditProjection::new);
        models.put("search", SearchProjection::new);
        models.put("bodies", BodiesProjection::new);
        Map<String, Cost> costs = new LinkedHashMap<>();
        models.forEach((name, p) -> costs.put(name, measure(p, events)));
        System.out.printf("bytes written per event, %d events (%d receipts of one notice, %d monthly reports of one task)%n",
                events.size(), COMMUNES, MONTHS);
        costs.forEach((name, c) -> System.out.printf("  %-10s worst %,9d  mean %,7d  (worst: %s; the issue: %,d)%n", name,
                c.worst(), c.mean(), c.collection(), c.issue()));
        // a receipt writes the directive's counters and one bucket of recipients, whatever the number of recipients
        assertThat(costs.get("directive").worst()).isLessThan(20_000);
        // the audit writes an entity bucket (at most 16 entries) and up to ~5 open posting leaves (at most 32 ids);
        // sealing a leaf adds a node of at most 32 summaries and a head of fixed size (with 500-id buckets: 110 KB)
        assertThat(costs.get("audit").worst()).isLessThan(25_000);
        // a report writes the task with at most 63 reports in it, and on every 64th a sealed bucket of 64
        assertThat(costs.get("task").worst()).isLessThan(30_000);
    }
}

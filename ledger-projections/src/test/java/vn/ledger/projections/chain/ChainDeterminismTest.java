package vn.ledger.projections.chain;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Ledger;
import vn.ledger.projections.fixture.NationalShape;
import vn.ledger.projections.fixture.SeedCascade;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.WriteBehindStore;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Ledger.d;
import static vn.ledger.projections.fixture.Ledger.spec;
import static vn.ledger.projections.fixture.SeedCascade.B;

/**
 * The same events give the same chain documents, byte for byte, whatever order their commits reached the
 * projection in (each aggregate's own events in their order, as a tracking processor gives them), live or rebuilt.
 */
@DisplayName("Chain documents do not depend on the order commits arrive in")
class ChainDeterminismTest {

    @Test
    void theSeedCascadeWithDelegationsGivesByteIdenticalDocumentsWithCommitsDeliveredLateOrShuffled() {
        EventFeed feed = new EventFeed().hold();
        Ledger ledger = new Ledger(feed);
        SeedCascade.load(ledger);
        ledger.at("2026-04-01T02:00:00Z")
                .delegate(B + "/2", 1, "DUUBND-DIENBIEN", spec("2.1", "kế hoạch", List.of("DUUBND-DIENBIEN"),
                        "ngày 30/4/2026", "Kế hoạch"), d("2026-03-30"))
                .delegate(B + "/2", 2, "DUCQD-DIENBIEN", spec("2.2", "tuyên truyền", List.of("DUCQD-DIENBIEN"),
                        "ngày 30/5/2026", "Báo cáo"), d("2026-03-31"))
                .complete(B + "/2.1", "DUUBND-DIENBIEN", d("2026-04-22"));
        assertOrderDoesNotMatter(feed.emitted());
    }

    @Test
    void aCascadeWithImplementationLinksGivesByteIdenticalDocumentsWithCommitsDeliveredLateOrShuffled() {
        EventFeed feed = new EventFeed().hold();
        CoverageTest.cascade(new Ledger(feed));
        assertOrderDoesNotMatter(feed.emitted());
    }

    @Test
    void aSmallCascadeOfTheNationalShapeGivesByteIdenticalDocumentsWithCommitsDeliveredLateOrShuffled() {
        EventFeed feed = new EventFeed().hold();
        NationalShape.load(new Ledger(feed), 2, 2, 22);
        assertOrderDoesNotMatter(feed.emitted());
    }

    private static void assertOrderDoesNotMatter(List<DomainEventMessage<?>> inOrder) {
        Map<String, String> live = documents(inOrder, false);
        assertThat(documents(inOrder, true)).as("rebuilt through a write-behind cache").isEqualTo(live);
        for (int every : new int[]{2, 3, 5}) {
            assertThat(documents(late(inOrder, every, 4), false)).as("every %dth commit late", every)
                    .isEqualTo(live);
        }
        for (long seed = 1; seed <= 4; seed++) {
            assertThat(documents(EventFeed.shuffleAcrossAggregates(inOrder, seed), seed % 2 == 0))
                    .as("shuffled, seed %d", seed).isEqualTo(live);
        }
    }

    /**
     * Every {@code every}th commit delivered after the next {@code by} ones (as a commit holding position p that
     * becomes visible after p+1), unless one of those is of its own aggregate, which never overtakes it.
     */
    private static List<DomainEventMessage<?>> late(List<DomainEventMessage<?>> messages, int every, int by) {
        List<DomainEventMessage<?>> out = new ArrayList<>(messages);
        for (int i = every - 1; i < out.size(); i += every) {
            DomainEventMessage<?> m = out.get(i);
            int to = i;
            while (to + 1 < out.size() && to - i < by
                    && !out.get(to + 1).getAggregateIdentifier().equals(m.getAggregateIdentifier())) {
                to++;
            }
            out.remove(i);
            out.add(to, m);
        }
        assertThat(out).isNotEqualTo(messages);
        List<LogPosition> positions = out.stream().map(LogPosition::require).toList();
        assertThat(positions).as("some commit reaches it after a later one")
                .isNotEqualTo(positions.stream().sorted().toList());
        return out;
    }

    /** Every chain document as JSON and BSON bytes (base 64), by collection and id. */
    private static Map<String, String> documents(List<DomainEventMessage<?>> messages, boolean rebuild) {
        InMemoryReadStore store = new InMemoryReadStore();
        if (rebuild) {
            WriteBehindStore cache = new WriteBehindStore(store, 100, 1_000);
            EventFeed.replay(messages, new ChainProjection(cache));
            cache.flush();
        } else {
            EventFeed.replay(messages, new ChainProjection(store));
        }
        Map<String, String> out = new TreeMap<>();
        for (String c : ChainProjection.COLLECTIONS) {
            store.scan(c).forEach(doc -> out.put(c + " " + doc.getString("_id"), bytes(doc)));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static String bytes(Document d) {
        var buffer = new RawBsonDocument(d, new DocumentCodec()).getByteBuffer();
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        // the JSON to read a difference, the bytes to be sure there is none
        return d.toJson() + " " + Base64.getEncoder().encodeToString(b);
    }
}

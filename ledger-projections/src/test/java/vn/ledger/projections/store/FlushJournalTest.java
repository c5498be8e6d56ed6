package vn.ledger.projections.store;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.projections.fixture.ForwardingReadStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("FlushJournal: a write-behind flush is all or nothing across a crash")
class FlushJournalTest {

    /** A store that stops (as a killed process does) after a number of single-document writes. */
    private static final class Dying extends ForwardingReadStore {
        final InMemoryReadStore store;
        int writesLeft;

        Dying(int writesLeft) {
            this(new InMemoryReadStore(), writesLeft);
        }

        private Dying(InMemoryReadStore store, int writesLeft) {
            super(store);
            this.store = store;
            this.writesLeft = writesLeft;
        }

        private void write() {
            if (writesLeft-- <= 0) {
                throw new IllegalStateException("killed");
            }
        }

        @Override
        public void put(String collection, Document document) {
            write();
            store.put(collection, document);
        }

        @Override
        public void delete(String collection, String id) {
            write();
            store.delete(collection, id);
        }
    }

    private static Map<String, Object> contents(ReadStore store) {
        return List.of("marks", "postings").stream().collect(Collectors.toMap(c -> c,
                c -> store.scan(c).map(Document::toJson).toList()));
    }

    /** Before the flush: an event marker at 1 and a posting list; the flush applies event 2 to both, deletes one. */
    private static void seed(ReadStore store) {
        store.put("marks", new Document("_id", "m").append("seq", 1));
        store.put("postings", new Document("_id", "p").append("items", List.of(1)));
        store.put("postings", new Document("_id", "gone").append("items", List.of(0)));
    }

    private static void flushEventTwo(WriteBehindStore cache) {
        Document p = cache.find("postings", "p").orElseThrow();
        p.put("items", List.of(1, 2));
        cache.put("postings", p);
        cache.put("postings", new Document("_id", "q").append("items", List.of(2)));
        cache.delete("postings", "gone");
        Document m = cache.find("marks", "m").orElseThrow();
        m.put("seq", 2);
        cache.put("marks", m); // the marker last, as the projections write it
        cache.flush();
    }

    @Test
    void givenAFlushKilledAtAnyWrite_whenRecovered_thenNoneOrAllOfItIsStored() {
        Dying whole = new Dying(Integer.MAX_VALUE);
        seed(whole);
        Map<String, Object> before = contents(whole);
        flushEventTwo(new WriteBehindStore(whole, 100, 100, null, new FlushJournal(whole)));
        Map<String, Object> after = contents(whole);
        assertThat(after).isNotEqualTo(before);

        int writes = 0;
        for (int killedAfter = 0; ; killedAfter++) {
            Dying store = new Dying(Integer.MAX_VALUE);
            seed(store);
            store.writesLeft = killedAfter;
            try {
                flushEventTwo(new WriteBehindStore(store, 100, 100, null, new FlushJournal(store)));
            } catch (IllegalStateException killed) {
                writes++;
                store.writesLeft = Integer.MAX_VALUE; // the restart
                new FlushJournal(store).recover();
                assertThat(contents(store)).as("killed after %d writes", killedAfter).isIn(before, after);
                continue;
            }
            assertThat(contents(store)).isEqualTo(after);
            break;
        }
        assertThat(writes).as("crash points tried").isGreaterThanOrEqualTo(4);
    }

    @Test
    void givenAFlushKilledAfterItsJournal_whenRecovered_thenEveryDocumentIsWritten() {
        Dying store = new Dying(Integer.MAX_VALUE);
        seed(store);
        // the journal (one document), then one document of the four
        store.writesLeft = 1 + 1;
        assertThatThrownBy(() -> flushEventTwo(new WriteBehindStore(store, 100, 100, null,
                new FlushJournal(store)))).isInstanceOf(IllegalStateException.class);
        store.writesLeft = Integer.MAX_VALUE;

        assertThat(new FlushJournal(store).recover()).isEqualTo(4);
        assertThat(store.find("marks", "m").orElseThrow().get("seq")).isEqualTo(2);
        assertThat(store.find("postings", "q")).isPresent();
        assertThat(store.find("postings", "gone")).isEmpty();
    }

    @Test
    void givenALargeFlushKilledAtAnyWrite_whenRecovered_thenNoneOrAllOfItIsStored() {
        int size = 70; // past the small form: one entry per document and a marker
        Map<String, Object> before = null;
        Map<String, Object> after = null;
        for (int killedAfter = 0; ; killedAfter += 7) {
            Dying store = new Dying(Integer.MAX_VALUE);
            for (int i = 0; i < size; i++) {
                store.put("postings", new Document("_id", "p" + i).append("v", 0));
            }
            before = contents(store);
            FlushJournal journal = new FlushJournal(store);
            journal.recover();
            WriteBehindStore cache = new WriteBehindStore(store, 1000, 1000, null, journal);
            for (int i = 0; i < size; i++) {
                cache.put("postings", new Document("_id", "p" + i).append("v", 1));
            }
            store.writesLeft = killedAfter;
            try {
                cache.flush();
            } catch (IllegalStateException killed) {
                store.writesLeft = Integer.MAX_VALUE;
                new FlushJournal(store).recover();
                Map<String, Object> now = contents(store);
                assertThat(now.get("postings")).as("killed after %d writes", killedAfter)
                        .satisfiesAnyOf(p -> assertThat(p).isEqualTo(allAt(size, 0)),
                                p -> assertThat(p).isEqualTo(allAt(size, 1)));
                assertThat(store.scan(FlushJournal.COLLECTION)).isEmpty();
                continue;
            }
            after = contents(store);
            break;
        }
        assertThat(after.get("postings")).isEqualTo(allAt(size, 1)).isNotEqualTo(before.get("postings"));
    }

    private static List<String> allAt(int size, int v) {
        InMemoryReadStore s = new InMemoryReadStore();
        for (int i = 0; i < size; i++) {
            s.put("postings", new Document("_id", "p" + i).append("v", v));
        }
        return s.scan("postings").map(Document::toJson).toList();
    }

    @Test
    void givenAOneDocumentFlushAfterAJournaledOne_whenKilledAndRecovered_thenTheOlderFlushIsNotReplayed() {
        Dying store = new Dying(Integer.MAX_VALUE);
        seed(store);
        FlushJournal journal = new FlushJournal(store);
        journal.recover();
        WriteBehindStore cache = new WriteBehindStore(store, 100, 100, null, journal);
        flushEventTwo(cache); // journaled: the journal stands
        Document m = cache.find("marks", "m").orElseThrow();
        m.put("seq", 3);
        cache.put("marks", m);
        cache.flush(); // one document: the standing journal is deleted first

        new FlushJournal(store).recover();

        assertThat(store.find("marks", "m").orElseThrow().get("seq")).isEqualTo(3);
    }

    @Test
    void aFlushOfOneDocumentIsOneWriteWithoutJournal() {
        Dying store = new Dying(Integer.MAX_VALUE);
        FlushJournal journal = new FlushJournal(store);
        journal.recover();
        store.writesLeft = 1;
        journal.write(Map.of("marks", new LinkedHashMap<>(Map.of("m", new Document("_id", "m")))), Map.of());
        assertThat(journal.journaled()).isZero();
        assertThat(store.find("marks", "m")).isPresent();
    }
}

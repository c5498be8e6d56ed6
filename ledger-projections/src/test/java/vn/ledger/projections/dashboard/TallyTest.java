package vn.ledger.projections.dashboard;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Tally")
class TallyTest {

    private static final List<String> COUNTS = List.of("acted", "directives", "openNSNoDue", "tasks", "zz");
    private static final List<String> HISTOGRAMS = List.of("awaitingSince", "due", "missing", "openNS");
    private static final List<String> BUCKETS = List.of("2026-03-01", "2026-03-15", "2026-04-30", "2026-05-31",
            "2026-06-30", "2026-07-15", "THOI_GIAN", "TRACH_NHIEM");

    /**
     * A tally changed in place in its document ({@link Tally#in}) stores the string of the parse → add path, and
     * the string reads back to an equal tally: over random sequences of deltas that add new keys anywhere and
     * cancel existing ones (zeros and trailing empty levels pruned alike, so equal totals store equal strings).
     */
    @Test
    void changedInPlaceItStoresTheStringOfTheParseAddPathAndReadsBack() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 2_000; run++) {
            Tally start = random(random, null);
            Document inPlace = new Document("t", start.stored());
            String viaParse = start.stored();
            for (int step = 0; step < 12; step++) {
                Tally delta = random(random, Tally.of(inPlace.get("t")));
                int sign = random.nextBoolean() ? 1 : -1;
                int offset = random.nextInt(4);
                viaParse = Tally.of(viaParse).add(delta, sign, offset).stored();
                Tally.in(inPlace, "t").add(delta, sign, offset);
                // the delta's own maps are never shared with the document
                delta.count("tasks", 1000).bucket("due", "2026-03-01", 1000).level(0, "tasks", 1000);

                Tally held = (Tally) inPlace.get("t");
                assertThat(held.stored()).as("run %d step %d", run, step).isEqualTo(viaParse);
                assertThat(Tally.of(held.stored())).as("run %d step %d", run, step).isEqualTo(held);
                assertThat(Tally.of(held.stored()).toDocument()).isEqualTo(held.toDocument());
            }
        }
    }

    @Test
    void aTallyStoredAsADocumentOfTheEarlierLayoutReadsAndIsChangedAlike() {
        Document decoded = new Document("c", new Document("tasks", 3L))
                .append("l", List.of(new Document("tasks", 2L), new Document(), new Document("tasks", 1L)));
        Document node = new Document("rollup", decoded);
        Tally delta = new Tally().count("tasks", -3).level(2, "tasks", -1).level(0, "acted", 1);

        Tally.in(node, "rollup").add(delta, 1, 0);

        assertThat(node.get("rollup")).isInstanceOf(Tally.class);
        assertThat(((Tally) node.get("rollup")).toDocument())
                .isEqualTo(new Document("l", List.of(new Document("acted", 1L).append("tasks", 2L))));
    }

    @Test
    void anAbsentTallyIsEmptyAndOfGivesACopy() {
        Document d = new Document();
        Tally t = Tally.in(d, "tree");
        assertThat(t.isZero()).isTrue();
        assertThat(Tally.of(t.stored()).isZero()).isTrue();
        t.level(1, "x", 2).bucket("h", "b", 1).bucket("h", "a", 1).count("n", 1);
        Tally copy = Tally.of(d.get("tree"));
        copy.count("n", 5);
        assertThat(Tally.in(d, "tree").get("n")).isEqualTo(1);
        assertThat(t.toDocument().toJson()).isEqualTo(
                "{\"c\": {\"n\": 1}, \"h\": {\"h\": {\"a\": 1, \"b\": 1}}, \"l\": [{}, {\"x\": 2}]}");
    }

    /** A random tally; with {@code cancel}, a third of its entries undo entries of that tally. */
    private static Tally random(SplittableRandom r, Tally cancel) {
        Tally t = new Tally();
        int entries = r.nextInt(6);
        for (int i = 0; i < entries; i++) {
            long n = r.nextInt(7) - 3;
            switch (r.nextInt(3)) {
                case 0 -> t.count(pick(r, COUNTS), n);
                case 1 -> t.bucket(pick(r, HISTOGRAMS), pick(r, BUCKETS), n);
                default -> t.level(r.nextInt(5), pick(r, COUNTS), n);
            }
        }
        if (cancel != null && r.nextInt(3) == 0) {
            Document d = cancel.toDocument();
            if (d.get("c") instanceof Document c && !c.isEmpty()) {
                String k = pick(r, List.copyOf(c.keySet()));
                t.count(k, -((Number) c.get(k)).longValue());
            }
            if (d.get("h") instanceof Document h && !h.isEmpty()) {
                String name = pick(r, List.copyOf(h.keySet()));
                for (Map.Entry<String, Object> b : ((Document) h.get(name)).entrySet()) {
                    t.bucket(name, b.getKey(), -((Number) b.getValue()).longValue());
                }
            }
            for (int level = 0; level < cancel.levelCount(); level++) {
                for (String k : COUNTS) {
                    t.level(level, k, -cancel.level(level, k));
                }
            }
        }
        return t;
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}

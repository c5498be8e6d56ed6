package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.projections.store.StoredAsString;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Additive counters of a read model: named counts, histograms (bucket → count, e.g. open tasks by due day
 * "2026-04-30" or completions by month "2026-04") and per-level counters (index = distance below the node that
 * holds them). Contributions are tallies too: a projection stores what one task or node contributed, and on a
 * change applies {@code new − old} to every document that sums it. Adding the same contribution twice is
 * therefore impossible by construction (a repeat computes a zero delta), and totals never need a scan.
 *
 * <p>Zero entries are pruned, so two tallies with the same totals have the same document.
 *
 * <p>A read model keeps a tally in its document as the object itself while a projection changes it ({@link #in}),
 * and stores it packed ({@link #FORM}): a national roll-up holds a few hundred counts and histogram buckets, each of
 * which the embedded server would otherwise decode, store and encode as a value of its own. The administrator's
 * endpoint shows it as a document ({@link #toDocument}: {@code c} counts, {@code h} histograms, {@code l} levels).
 */
public final class Tally implements StoredAsString {

    /**
     * Packed: the counts (their number, then key and count of each, keys ascending), the histograms (their number,
     * then each one's name and its buckets as the counts) and the levels (their number, then each as the counts).
     * The previous layouts' document ({@link #toDocument}'s shape) reads too.
     */
    public static final StoredForm<Tally> FORM = StoredForm.<Tally>packed((w, t) -> t.writeFields(w), Tally::parse,
            Tally::fromDocument).shownAs(Tally::toDocument);

    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Long>> histograms = new TreeMap<>();
    private final List<TreeMap<String, Long>> levels = new ArrayList<>();

    public Tally count(String key, long n) {
        if (n != 0) {
            counts.merge(key, n, Long::sum);
            if (counts.get(key) == 0) {
                counts.remove(key);
            }
        }
        return this;
    }

    public Tally bucket(String histogram, String bucket, long n) {
        if (n != 0 && bucket != null) {
            TreeMap<String, Long> h = histograms.computeIfAbsent(histogram, k -> new TreeMap<>());
            h.merge(bucket, n, Long::sum);
            if (h.get(bucket) == 0) {
                h.remove(bucket);
            }
            if (h.isEmpty()) {
                histograms.remove(histogram);
            }
        }
        return this;
    }

    public Tally level(int distance, String key, long n) {
        if (n != 0) {
            while (levels.size() <= distance) {
                levels.add(new TreeMap<>());
            }
            TreeMap<String, Long> l = levels.get(distance);
            l.merge(key, n, Long::sum);
            if (l.get(key) == 0) {
                l.remove(key);
            }
            trimLevels();
        }
        return this;
    }

    /** Adds {@code sign × other}, its levels shifted down by {@code offset}. */
    public Tally add(Tally other, int sign, int offset) {
        other.counts.forEach((k, v) -> count(k, sign * v));
        other.histograms.forEach((h, m) -> m.forEach((b, v) -> bucket(h, b, sign * v)));
        for (int i = 0; i < other.levels.size(); i++) {
            int at = i + offset;
            other.levels.get(i).forEach((k, v) -> level(at, k, sign * v));
        }
        return this;
    }

    public Tally copy() {
        return new Tally().add(this, 1, 0);
    }

    /** {@code after − before}. */
    public static Tally delta(Tally after, Tally before) {
        return after.copy().add(before, -1, 0);
    }

    public boolean isZero() {
        return counts.isEmpty() && histograms.isEmpty() && levels.isEmpty();
    }

    public long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** The histogram, ascending by bucket (empty when none). */
    public Map<String, Long> histogram(String name) {
        return histograms.getOrDefault(name, new TreeMap<>());
    }

    /** The greatest bucket of the histogram, or null when it is empty. */
    public String lastBucket(String histogram) {
        TreeMap<String, Long> h = histograms.get(histogram);
        return h == null || h.isEmpty() ? null : h.lastKey();
    }

    public int levelCount() {
        return levels.size();
    }

    public long level(int distance, String key) {
        return distance < levels.size() ? levels.get(distance).getOrDefault(key, 0L) : 0L;
    }

    /** Sum of the buckets at or below {@code lastBucket} (buckets compare as strings: ISO dates and months do). */
    public long sumUpTo(String histogram, String lastBucket) {
        long sum = 0;
        for (Map.Entry<String, Long> e : histogram(histogram).entrySet()) {
            if (e.getKey().compareTo(lastBucket) > 0) {
                break;
            }
            sum += e.getValue();
        }
        return sum;
    }

    public Document toDocument() {
        Document d = new Document();
        if (!counts.isEmpty()) {
            Document c = new Document();
            counts.forEach(c::append);
            d.append("c", c);
        }
        if (!histograms.isEmpty()) {
            Document h = new Document();
            histograms.forEach((name, m) -> {
                Document b = new Document();
                m.forEach(b::append);
                h.append(name, b);
            });
            d.append("h", h);
        }
        if (!levels.isEmpty()) {
            List<Document> l = new ArrayList<>();
            for (TreeMap<String, Long> m : levels) {
                Document ld = new Document();
                m.forEach(ld::append);
                l.add(ld);
            }
            d.append("l", l);
        }
        return d;
    }

    /**
     * The tally under key, to change in place: the object the document holds, or the stored form read once and put
     * back in its place (created empty when absent).
     */
    public static Tally in(Document d, String key) {
        return StoredAsString.held(d, key, Tally.class, Tally::of);
    }

    /** The one string a read model stores ({@link #FORM}). */
    @Override
    public String stored() {
        return (String) FORM.write(this);
    }

    private void writeFields(Tuple.Writer w) {
        write(w, counts);
        w.add(histograms.size());
        histograms.forEach((name, m) -> write(w.add(name), m));
        w.add(levels.size());
        levels.forEach(m -> write(w, m));
    }

    private static void write(Tuple.Writer w, TreeMap<String, Long> m) {
        w.add(m.size());
        m.forEach((k, v) -> w.add(k).add(v));
    }

    private static Tally parse(Tuple.Reader r) {
        Tally t = new Tally();
        read(r, t.counts);
        for (long n = r.lng(); n > 0; n--) {
            read(r, t.histograms.computeIfAbsent(r.string(), k -> new TreeMap<>()));
        }
        for (long n = r.lng(); n > 0; n--) {
            t.levels.add(read(r, new TreeMap<>()));
        }
        return t;
    }

    private static TreeMap<String, Long> read(Tuple.Reader r, TreeMap<String, Long> into) {
        for (long n = r.lng(); n > 0; n--) {
            into.put(r.string(), r.lng());
        }
        return into;
    }

    /**
     * The tally a document holds, to read and not to change: the object itself (no copy), else its stored string or
     * a document of an earlier layout, parsed.
     */
    public static Tally read(Object document) {
        return document instanceof Tally held ? held : of(document);
    }

    /** A copy of the tally a document holds: the object, its stored string, or a document of an earlier layout. */
    public static Tally of(Object document) {
        if (document instanceof Tally held) {
            return held.copy();
        }
        Tally t = document instanceof String || document instanceof Document ? FORM.read(document) : null;
        return t == null ? new Tally() : t;
    }

    private static Tally fromDocument(Document d) {
        Tally t = new Tally();
        if (d.get("c") instanceof Document c) {
            c.forEach((k, v) -> t.count(k, ((Number) v).longValue()));
        }
        if (d.get("h") instanceof Document h) {
            h.forEach((name, m) -> {
                if (m instanceof Document b) {
                    b.forEach((k, v) -> t.bucket(name, k, ((Number) v).longValue()));
                }
            });
        }
        if (d.get("l") instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Document ld) {
                    int at = i;
                    ld.forEach((k, v) -> t.level(at, k, ((Number) v).longValue()));
                }
            }
        }
        return t;
    }

    private void trimLevels() {
        while (!levels.isEmpty() && levels.get(levels.size() - 1).isEmpty()) {
            levels.remove(levels.size() - 1);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && counts.equals(t.counts) && histograms.equals(t.histograms)
                && levels.equals(t.levels);
    }

    @Override
    public int hashCode() {
        return counts.hashCode() * 31 + histograms.hashCode();
    }

    @Override
    public String toString() {
        return toDocument().toJson();
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;

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
 */
public final class Tally {

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
     * Adds {@code sign × delta}, its levels shifted down by {@code levelOffset}, to a tally document in place:
     * the result equals {@code Tally.of(tally).add(delta, sign, levelOffset).toDocument()}, keys in the same
     * (ascending) order, zeros and trailing empty levels pruned alike, but the work is proportional to the delta
     * rather than to the document (a roll-up of a national tree holds histograms by day of every level below).
     * Only values and new nested documents are written, never an object of {@code delta}.
     *
     * @param tally a document written by {@link #toDocument()} (or by this method), changed in place
     */
    public static void addTo(Document tally, Tally delta, int sign, int levelOffset) {
        if (delta.isZero()) {
            return;
        }
        if (!delta.counts.isEmpty()) {
            Document c = child(tally, "c");
            delta.counts.forEach((k, v) -> addValue(c, k, sign * v));
            pruneIfEmpty(tally, "c", c);
        }
        if (!delta.histograms.isEmpty()) {
            Document h = child(tally, "h");
            delta.histograms.forEach((name, m) -> {
                Document b = child(h, name);
                m.forEach((k, v) -> addValue(b, k, sign * v));
                pruneIfEmpty(h, name, b);
            });
            pruneIfEmpty(tally, "h", h);
        }
        if (!delta.levels.isEmpty()) {
            List<Object> l = levels(tally);
            for (int i = 0; i < delta.levels.size(); i++) {
                TreeMap<String, Long> m = delta.levels.get(i);
                if (m.isEmpty()) {
                    continue;
                }
                int at = i + levelOffset;
                while (l.size() <= at) {
                    l.add(new Document());
                }
                Document ld = (Document) l.get(at);
                m.forEach((k, v) -> addValue(ld, k, sign * v));
            }
            while (!l.isEmpty() && ((Document) l.get(l.size() - 1)).isEmpty()) {
                l.remove(l.size() - 1);
            }
            if (l.isEmpty()) {
                tally.remove("l");
            }
        }
    }

    /** The nested document under key, created in its sorted place when absent. */
    private static Document child(Document parent, String key) {
        if (parent.get(key) instanceof Document d) {
            return d;
        }
        Document d = new Document();
        putSorted(parent, key, d);
        return d;
    }

    /** The level list, made mutable (a decoded or parsed list may not be) and created when absent. */
    @SuppressWarnings("unchecked")
    private static List<Object> levels(Document tally) {
        Object v = tally.get("l");
        if (v instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        List<Object> l = new ArrayList<>();
        if (v instanceof List<?> old) {
            l.addAll(old);
        }
        putSorted(tally, "l", l);
        return l;
    }

    private static void addValue(Document d, String key, long n) {
        if (n == 0) {
            return;
        }
        Object old = d.get(key);
        long sum = (old instanceof Number x ? x.longValue() : 0L) + n;
        if (sum == 0) {
            d.remove(key);
        } else if (old != null) {
            d.put(key, sum); // replacing keeps the key's place
        } else {
            putSorted(d, key, sum);
        }
    }

    private static void pruneIfEmpty(Document parent, String key, Document child) {
        if (child.isEmpty()) {
            parent.remove(key);
        }
    }

    /**
     * Puts a new key where {@link #toDocument()} would have it (ascending): appended when it sorts last, the usual
     * case for days and months; otherwise the document's entries are laid out again, which only a new key does.
     */
    private static void putSorted(Document d, String key, Object value) {
        boolean last = true;
        for (String k : d.keySet()) {
            if (k.compareTo(key) > 0) {
                last = false;
                break;
            }
        }
        if (last) {
            d.put(key, value);
            return;
        }
        TreeMap<String, Object> sorted = new TreeMap<>(d);
        sorted.put(key, value);
        d.clear();
        d.putAll(sorted);
    }

    public static Tally of(Object document) {
        Tally t = new Tally();
        if (!(document instanceof Document d)) {
            return t;
        }
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

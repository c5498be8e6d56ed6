package vn.ledger.projections.chain;

import vn.ledger.eventstore.LogPosition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every act on one directive by any body, kept per body ({@link ByBody}): the directives it issued citing this one
 * ({@link ByBody#forwards}, in log order of their issue), and the first day it delegated or started or completed one
 * of its tasks (minima, whatever order the acts arrived in). Kept apart from the directive's node because a central
 * notice is cited by every commune's letter while its node, read by every chain view from the top, needs only its
 * recipients' first acts; bodies that are not recipients (yet) are remembered here for a receipt recorded later,
 * and for the coverage report's letters that passed a notice on without concrete tasks.
 *
 * <p>The bodies are spread over {@value #BUCKETS} buckets by a hash of their code ({@link #bucket}), each stored
 * by itself: an act rewrites the bucket of its body, about 1/{@value #BUCKETS} of the directive's acting bodies,
 * instead of every act on the directive. A bucket is read only when an act needs one of its bodies.
 */
final class Acts {

    /** A directive issued by {@code body} citing this one, with its number of tasks; {@code at}: its issue. */
    record Forward(String body, String directiveId, LocalDate issuedOn, int tasks, LogPosition at) {

        static final Comparator<Forward> ORDER = Comparator.comparing(Forward::at)
                .thenComparing(Forward::directiveId);
    }

    /** What one body did on the directive. */
    static final class ByBody {
        final String body;
        final List<Forward> forwards = new ArrayList<>();
        LocalDate delegated;
        LocalDate started;

        ByBody(String body) {
            this.body = body;
        }

        /** The first day of any of its acts, null for none. */
        LocalDate first() {
            LocalDate first = ChainProjection.min(delegated, started);
            for (Forward f : forwards) {
                first = ChainProjection.min(first, f.issuedOn());
            }
            return first;
        }

        List<String> forwardIds() {
            List<String> out = new ArrayList<>(forwards.size());
            forwards.forEach(f -> out.add(f.directiveId()));
            return out;
        }
    }

    static final String DELEGATIONS = "delegations";
    static final String STARTS = "starts";

    /** Buckets of a directive's acting bodies. A fixed number: an item's bucket is a function of its body alone. */
    static final int BUCKETS = 128;

    final String directiveId;
    /** The stored buckets asked for, by number: bodies by code (a bucket not stored reads as empty). */
    private final Function<Collection<Integer>, Map<Integer, List<ByBody>>> load;
    private final Map<Integer, TreeMap<String, ByBody>> loaded = new HashMap<>();
    private final Set<Integer> absent = new TreeSet<>();
    private final Set<Integer> changed = new TreeSet<>();

    /** @param load the stored buckets among those asked for, by number */
    Acts(String directiveId, Function<Collection<Integer>, Map<Integer, List<ByBody>>> load) {
        this.directiveId = directiveId;
        this.load = load;
    }

    /** Nothing recorded, nothing stored: for a directive whose acts are all in memory (tests). */
    static Acts empty(String directiveId) {
        return new Acts(directiveId, buckets -> Map.of());
    }

    /**
     * The bucket of a body: its code's hash, mixed (MurmurHash3's finaliser), since codes differ in their last
     * characters ("DU-TINHSO01-001") and {@code hashCode} alone would put many in few buckets.
     */
    static int bucket(String body) {
        int h = (body == null ? "" : body).hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, BUCKETS);
    }

    /** Reads, in one go, the buckets of these bodies not read yet. */
    void need(Collection<String> bodies) {
        Set<Integer> missing = new TreeSet<>();
        for (String b : bodies) {
            int k = bucket(b);
            if (!loaded.containsKey(k)) {
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<Integer, List<ByBody>> found = load.apply(missing);
        for (int k : missing) {
            TreeMap<String, ByBody> bodiesOf = new TreeMap<>();
            List<ByBody> stored = found.get(k);
            if (stored == null) {
                absent.add(k);
            } else {
                stored.forEach(x -> bodiesOf.put(x.body, x));
            }
            loaded.put(k, bodiesOf);
        }
    }

    /** The acts of the body, null when none (a body unknown to the event, null, is kept as ""). */
    private ByBody of(String body) {
        String key = body == null ? "" : body;
        need(List.of(key));
        return loaded.get(bucket(key)).get(key);
    }

    private ByBody made(String body) {
        ByBody known = of(body);
        if (known != null) {
            return known;
        }
        String key = body == null ? "" : body;
        ByBody x = new ByBody(key);
        loaded.get(bucket(key)).put(key, x);
        return x;
    }

    /** Adds the forward in its place in log order; false when it was known. */
    boolean forward(Forward f) {
        ByBody x = made(f.body());
        List<Forward> forwards = x.forwards;
        for (Forward known : forwards) {
            if (known.directiveId().equals(f.directiveId())) {
                return false;
            }
        }
        int i = forwards.size();
        while (i > 0 && Forward.ORDER.compare(forwards.get(i - 1), f) > 0) {
            i--;
        }
        forwards.add(i, f);
        changed.add(bucket(f.body()));
        return true;
    }

    /** The body acted ({@link #DELEGATIONS} or {@link #STARTS}) on {@code on}; false when it had by then already. */
    boolean act(String list, String body, LocalDate on) {
        ByBody x = made(body);
        LocalDate known = DELEGATIONS.equals(list) ? x.delegated : x.started;
        if (known != null && !on.isBefore(known)) {
            return false;
        }
        if (DELEGATIONS.equals(list)) {
            x.delegated = on;
        } else {
            x.started = on;
        }
        changed.add(bucket(body));
        return true;
    }

    /**
     * Brings the acts to the directive's recipient entries for one body (or, null, all): {@code actedOn} the first
     * day of any act, {@code forwardedAs} its forwards in log order. True when an entry changed.
     */
    boolean refresh(Node directive, String onlyBody) {
        List<Recipients.Entry> recipients = directive.recipients();
        if (onlyBody == null) {
            need(recipients.stream().map(Recipients.Entry::body).toList());
        }
        boolean changed = false;
        for (int i = 0; i < recipients.size(); i++) {
            Recipients.Entry r = recipients.get(i);
            if (onlyBody != null && !onlyBody.equals(r.body())) {
                continue;
            }
            ByBody x = of(r.body());
            Recipients.Entry now = x == null ? r.actedOn(null).forwardedAs(List.of())
                    : r.actedOn(x.first()).forwardedAs(x.forwardIds());
            if (!now.equals(r)) {
                recipients.set(i, now);
                changed = true;
            }
        }
        return changed;
    }

    /** The buckets changed since read, by number, each its bodies in order of their codes. */
    Map<Integer, List<ByBody>> changedBuckets() {
        Map<Integer, List<ByBody>> out = new TreeMap<>();
        for (int k : changed) {
            out.put(k, new ArrayList<>(loaded.get(k).values()));
        }
        return out;
    }

    /** Of the changed buckets, those that were not stored before. */
    Set<Integer> newBuckets() {
        Set<Integer> out = new TreeSet<>(changed);
        out.retainAll(absent);
        return out;
    }

    /** Forgets what changed, once written. */
    void written() {
        absent.removeAll(changed);
        changed.clear();
    }
}

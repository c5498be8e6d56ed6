package vn.ledger.archive.records;

import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.StoredCommit;
import vn.ledger.eventstore.StoredEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.TreeSet;

/**
 * Aggregates' stored histories for the report and the metadata. The export pass noted at which positions each
 * exported aggregate has events, so the histories of a document and its tasks are read together by position, one
 * round trip per window of commits instead of two per aggregate; an aggregate the pass did not note (a document
 * issued before a time range) is read from its stream.
 */
public final class Histories {

    private final CommitLog log;
    private final Function<String, long[]> positions;
    private final Map<Long, StoredCommit> loaded = new HashMap<>();

    /** @param positions per aggregate, the positions of its commits in the export, ascending (null: not seen) */
    public Histories(CommitLog log, Function<String, long[]> positions) {
        this.log = log;
        this.positions = positions;
    }

    /** Reads the commits of these aggregates at once; what was read before is dropped. */
    public void prefetch(Collection<String> aggregateIds) {
        loaded.clear();
        TreeSet<Long> wanted = new TreeSet<>();
        for (String id : aggregateIds) {
            long[] at = positions.apply(id);
            if (at != null) {
                for (long p : at) {
                    wanted.add(p);
                }
            }
        }
        loaded.putAll(log.at(wanted));
    }

    public List<StoredEvent> of(String aggregateId) {
        long[] at = positions.apply(aggregateId);
        if (at == null || !loaded.keySet().containsAll(java.util.Arrays.stream(at).boxed().toList())) {
            return log.history(aggregateId);
        }
        List<StoredEvent> out = new ArrayList<>();
        for (long p : at) {
            for (StoredEvent e : loaded.get(p).events()) {
                if (e.aggregateId().equals(aggregateId)) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}

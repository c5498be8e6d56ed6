package vn.ledger.eventstore.proof;

import org.bson.Document;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.LeafEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored commit document as a leaf of the log's tree: its {@code _id} (the position), {@code tomb}, and each
 * entry of {@code ev} field by field as stored ({@code id}, {@code type}, {@code agg}, {@code seq}, {@code pt},
 * {@code pr}, {@code ts}, {@code p}, {@code m}; see the engine's CommitCodec). Nothing is re-serialised, so the
 * bytes are those the store holds.
 */
public final class StoredLeaves {

    private StoredLeaves() {
    }

    /** The commit's leaf; a document not in the stored commit form is {@link Malformed}. */
    public static CommitLeaf of(Document commit) {
        Object id = commit.get("_id");
        if (!(id instanceof Long) && !(id instanceof Integer)) {
            throw new Malformed("its _id is not a position");
        }
        long position = ((Number) id).longValue();
        Object events = commit.get("ev");
        if (!(events instanceof List<?> list)) {
            throw new Malformed("position " + position + " has no event list");
        }
        if (Boolean.TRUE.equals(commit.get("tomb"))) {
            if (!list.isEmpty()) {
                throw new Malformed("the tombstone at position " + position + " holds events");
            }
            return CommitLeaf.tombstoneAt(position);
        }
        List<LeafEvent> leafEvents = new ArrayList<>(list.size());
        for (Object entry : list) {
            if (!(entry instanceof Document e)) {
                throw new Malformed("position " + position + " holds an event that is not a document");
            }
            try {
                leafEvents.add(new LeafEvent(e.getString("id"), e.getString("type"), e.getString("agg"),
                        ((Number) e.get("seq")).longValue(), e.getString("pt"), e.getString("pr"), e.getString("ts"),
                        e.getString("p"), e.getString("m")));
            } catch (ClassCastException | NullPointerException wrongField) {
                throw new Malformed("position " + position + " holds an event with a missing or mistyped field");
            }
        }
        return CommitLeaf.commit(position, leafEvents);
    }

    /** A stored document that is not a commit as the engine writes it. */
    public static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }
}

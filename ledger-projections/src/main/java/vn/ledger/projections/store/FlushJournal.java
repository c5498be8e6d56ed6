package vn.ledger.projections.store;

import org.bson.BsonMaximumSizeExceededException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a flush of a {@link WriteBehindStore} all or nothing across a crash, on a store without transactions: the
 * flush is first written to the journal collection ({@value #COLLECTION}, beside the model's own), then the
 * documents themselves. A crash before the journal is written leaves the documents untouched; a crash after it is
 * finished by {@link #recover()}, which writes the journaled documents again (each write replaces a document
 * whole, so writing one twice changes nothing).
 *
 * <p>A small flush is journaled as one document ({@value #LAST}), which the next flush replaces: it always holds
 * the last flush, whose documents nothing has written since, so replaying it after a crash at any point is right,
 * and it costs one write per flush. A flush of one document needs no journal (one write is atomic); it deletes a
 * journal that is standing first. A large flush (past {@value #SMALL} documents, or too large for one document) is
 * journaled as one entry per document and a commit marker written after them, and the journal is emptied after.
 *
 * <p>Recovery relies on the store keeping writes in the order they were acknowledged across a crash (a later write
 * durable only with every earlier one), which both the embedded server (one file, committed as a whole) and
 * MongoDB's journal do. Run {@link #recover()} before the store's documents are read after a restart or a failed
 * flush. One writer per journal, like the projection whose store it guards.
 */
public final class FlushJournal implements WriteBehindStore.Sink {

    /** The journal's collection, under the same prefix as the model's collections. */
    public static final String COLLECTION = "flush_journal";
    /** the small form: the last flush in one document */
    private static final String LAST = "last";
    /** the large form's marker, written after its entries */
    private static final String COMMIT = "commit";
    private static final int SMALL = 64;

    private final ReadStore store;
    private long journaled;
    /** whether a journal document may be standing (unknown at first: assume so) */
    private boolean standing = true;

    public FlushJournal(ReadStore store) {
        this.store = store;
    }

    /** Flushes that went through the journal so far (the others changed one document). */
    public long journaled() {
        return journaled;
    }

    @Override
    public void write(Map<String, Map<String, Document>> changes, Map<String, Set<String>> absent) {
        int documents = changes.values().stream().mapToInt(Map::size).sum();
        boolean large = false;
        if (documents == 1) {
            if (standing) {
                store.delete(COLLECTION, LAST); // it would otherwise replay an older version of the document
                standing = false;
            }
        } else if (documents <= SMALL && journalSmall(changes)) {
            journaled++;
        } else {
            journalLarge(changes, documents);
            large = true;
            journaled++;
        }
        changes.forEach((collection, docs) -> store.writeAll(collection, docs,
                absent.getOrDefault(collection, Set.of())));
        if (large) {
            List<String> written = new ArrayList<>(entries(documents));
            written.add(COMMIT);
            clear(written);
        }
    }

    /** The flush as one document replacing the last one; false when it is too large for one. */
    private boolean journalSmall(Map<String, Map<String, Document>> changes) {
        List<Document> writes = new ArrayList<>();
        changes.forEach((collection, docs) -> docs.forEach((id, doc) ->
                writes.add(new Document("c", collection).append("i", id).append("d", doc))));
        standing = true; // from the attempt on: it may have reached the store even if it failed
        try {
            store.put(COLLECTION, new Document("_id", LAST).append("writes", writes));
        } catch (BsonMaximumSizeExceededException tooLarge) {
            return false; // as entries then
        }
        return true;
    }

    private void journalLarge(Map<String, Map<String, Document>> changes, int documents) {
        Map<String, Document> entries = new LinkedHashMap<>();
        changes.forEach((collection, docs) -> docs.forEach((id, doc) -> {
            String key = "e" + entries.size();
            entries.put(key, new Document("_id", key).append("c", collection).append("i", id).append("d", doc));
        }));
        Map<String, Document> writes = new LinkedHashMap<>();
        if (standing) {
            writes.put(LAST, null); // an older flush: never replayed after this one's marker
        }
        writes.putAll(entries);
        Set<String> absent = new HashSet<>(entries.keySet());
        store.writeAll(COLLECTION, writes, absent);
        standing = false;
        // its own write, after the entries: a marker is never durable without every entry
        store.put(COLLECTION, new Document("_id", COMMIT).append("entries", documents));
    }

    private static List<String> entries(int documents) {
        List<String> keys = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            keys.add("e" + i);
        }
        return keys;
    }

    /**
     * Finishes a flush that a crash (or a failed write) interrupted after its journal was written, and clears the
     * journal.
     *
     * @return documents written again
     */
    public int recover() {
        List<Document> left = store.scan(COLLECTION).toList();
        standing = false;
        if (left.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, Document>> changes = new LinkedHashMap<>();
        Optional<Document> commit = left.stream().filter(d -> COMMIT.equals(d.get("_id"))).findFirst();
        Optional<Document> last = left.stream().filter(d -> LAST.equals(d.get("_id"))).findFirst();
        if (commit.isPresent()) {
            if (left.size() - 1 == commit.get().getInteger("entries")) {
                for (Document entry : left) {
                    if (!COMMIT.equals(entry.get("_id"))) {
                        add(changes, entry);
                    }
                }
            }
        } else if (last.isPresent()) {
            for (Document write : last.get().getList("writes", Document.class)) {
                add(changes, write);
            }
        }
        // written again as replacements: the first attempt may have inserted some already
        changes.forEach(store::writeAll);
        clear(left.stream().map(d -> String.valueOf(d.get("_id"))).toList());
        return changes.values().stream().mapToInt(Map::size).sum();
    }

    private static void add(Map<String, Map<String, Document>> changes, Document write) {
        changes.computeIfAbsent(write.getString("c"), c -> new LinkedHashMap<>())
                .put(write.getString("i"), write.get("d", Document.class));
    }

    private void clear(List<String> ids) {
        Map<String, Document> deletes = new HashMap<>();
        for (String id : ids) {
            deletes.put(id, null);
        }
        if (!deletes.isEmpty()) {
            store.writeAll(COLLECTION, deletes);
        }
    }
}

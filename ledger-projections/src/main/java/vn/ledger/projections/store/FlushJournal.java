package vn.ledger.projections.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a flush of a {@link WriteBehindStore} all or nothing across a crash, on a store without transactions: the
 * flush is first written to the journal collection ({@value #COLLECTION}, beside the model's own), one entry per
 * document, then a commit marker, then the documents themselves; then the journal is emptied. A crash before the
 * marker leaves the documents untouched; a crash after it is finished by {@link #recover()}, which writes the
 * journaled documents again (each write replaces a document whole, so writing one twice changes nothing).
 *
 * <p>Recovery relies on the store keeping writes in the order they were acknowledged across a crash (a later write
 * durable only with every earlier one), which both the embedded server (one file, committed as a whole) and
 * MongoDB's journal do. A flush of one document needs no journal: one write is atomic.
 *
 * <p>Run {@link #recover()} before the store's documents are read after a restart or a failed flush. One writer per
 * journal, like the projection whose store it guards.
 */
public final class FlushJournal implements WriteBehindStore.Sink {

    /** The journal's collection, under the same prefix as the model's collections; empty between flushes. */
    public static final String COLLECTION = "flush_journal";
    private static final String COMMIT = "commit";

    private final ReadStore store;
    private long journaled;

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
        if (documents > 1) {
            Map<String, Document> entries = new LinkedHashMap<>();
            changes.forEach((collection, docs) -> docs.forEach((id, doc) -> {
                String key = "e" + entries.size();
                entries.put(key, new Document("_id", key).append("c", collection).append("i", id).append("d", doc));
            }));
            store.writeAll(COLLECTION, entries, entries.keySet());
            // its own write, after the entries: a marker is never durable without every entry
            store.put(COLLECTION, new Document("_id", COMMIT).append("entries", documents));
            journaled++;
        }
        changes.forEach((collection, docs) -> store.writeAll(collection, docs,
                absent.getOrDefault(collection, Set.of())));
        if (documents > 1) {
            List<String> written = new ArrayList<>(entries(documents));
            written.add(COMMIT);
            clear(written);
        }
    }

    private static List<String> entries(int documents) {
        List<String> keys = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            keys.add("e" + i);
        }
        return keys;
    }

    /**
     * Finishes a flush that a crash (or a failed write) interrupted after its commit marker, and clears what is left
     * of the journal.
     *
     * @return documents written again
     */
    public int recover() {
        List<Document> left = store.scan(COLLECTION).toList();
        if (left.isEmpty()) {
            return 0;
        }
        Optional<Document> commit = left.stream().filter(d -> COMMIT.equals(d.get("_id"))).findFirst();
        int rewritten = 0;
        if (commit.isPresent() && left.size() - 1 == commit.get().getInteger("entries")) {
            Map<String, Map<String, Document>> changes = new LinkedHashMap<>();
            for (Document entry : left) {
                if (!COMMIT.equals(entry.get("_id"))) {
                    // written again as a replacement: the first attempt may have inserted it already
                    changes.computeIfAbsent(entry.getString("c"), c -> new LinkedHashMap<>())
                            .put(entry.getString("i"), entry.get("d", Document.class));
                    rewritten++;
                }
            }
            changes.forEach(store::writeAll);
        }
        clear(left.stream().map(d -> String.valueOf(d.get("_id"))).toList());
        return rewritten;
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

package vn.ledger.projections.store;

import org.bson.Document;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where read models live: documents by {@code _id}, nothing else. Every read a query makes is by id or by a
 * list of ids, which is what both the embedded server and a real MongoDB answer from an index. The same
 * projection code writes to MongoDB (live models, rebuilds) and to memory (as-of views, tests).
 */
public interface ReadStore {

    Optional<Document> find(String collection, String id);

    /** The documents with these ids that exist, by id (one {@code $in} query). */
    Map<String, Document> findAll(String collection, Collection<String> ids);

    /** Inserts or replaces the document with this {@code _id}. */
    void put(String collection, Document document);

    void delete(String collection, String id);

    /**
     * Writes several changes to one collection: a document replaces (or creates) the one with its id, a null
     * deletes it. A store that can sends them in one round trip; the order among them does not matter (one change
     * per id).
     */
    default void writeAll(String collection, Map<String, Document> changes) {
        writeAll(collection, changes, Set.of());
    }

    /**
     * {@link #writeAll(String, Map)}, told which of the ids are known never to have been stored (a fresh rebuild
     * generation knows): a store may insert those instead of replacing, which spares the server a lookup and a
     * copy per document. An insert of an id that exists after all fails; it is never silently merged. Stores and
     * decorators implement this one.
     */
    default void writeAll(String collection, Map<String, Document> changes, Set<String> absent) {
        changes.forEach((id, doc) -> {
            if (doc == null) {
                delete(collection, id);
            } else {
                put(collection, doc);
            }
        });
    }

    /** Every document of a collection (rebuild checks, operators, tests); never on a query's hot path. */
    Stream<Document> scan(String collection);

    void drop(String collection);
}

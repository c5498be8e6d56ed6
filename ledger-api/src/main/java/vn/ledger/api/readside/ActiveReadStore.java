package vn.ledger.api.readside;

import org.bson.Document;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads each collection from the generation of the model that owns it, as they were active when this store was
 * made: one query sees one set of generations even if a switch happens while it runs. Read only.
 */
final class ActiveReadStore implements ReadStore {

    private final Map<ReadModel, MongoReadStore> generations;

    ActiveReadStore(Map<ReadModel, MongoReadStore> generations) {
        this.generations = Map.copyOf(generations);
    }

    private ReadStore of(String collection) {
        ReadModel model = ReadModel.owning(collection).orElseThrow(() ->
                new IllegalArgumentException("no read model owns collection '" + collection + "'"));
        MongoReadStore store = generations.get(model);
        if (store == null) {
            throw new IllegalStateException("read model " + model.key() + " is not started");
        }
        return store;
    }

    @Override
    public Optional<Document> find(String collection, String id) {
        return of(collection).find(collection, id);
    }

    @Override
    public Map<String, Document> findAll(String collection, Collection<String> ids) {
        return of(collection).findAll(collection, ids);
    }

    @Override
    public Stream<Document> scan(String collection) {
        return of(collection).scan(collection);
    }

    @Override
    public void put(String collection, Document document) {
        throw new UnsupportedOperationException("queries do not write");
    }

    @Override
    public void delete(String collection, String id) {
        throw new UnsupportedOperationException("queries do not write");
    }

    @Override
    public void drop(String collection) {
        throw new UnsupportedOperationException("queries do not write");
    }
}

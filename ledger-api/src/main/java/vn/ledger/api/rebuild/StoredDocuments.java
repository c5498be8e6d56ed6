package vn.ledger.api.rebuild;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.springframework.stereotype.Service;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ReadModel;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.Status;
import vn.ledger.projections.store.MongoReadStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stored read-model documents as an operator needs to see them: one document of a generation with its packed
 * values decoded ({@link PackedFields}), and the ids of a collection page by page.
 */
@Service
public class StoredDocuments {

    private final MongoDatabase database;
    private final ReadModels models;
    private final Clock clock;

    public StoredDocuments(MongoDatabase ledgerDatabase, ReadModels models, Clock ledgerClock) {
        this.database = ledgerDatabase;
        this.models = models;
        this.clock = ledgerClock;
    }

    /**
     * @param stored       the document as MongoDB holds it
     * @param decoded      the same decoded by its model's stored forms (a record when its collection has one)
     * @param decodedPaths fields decoded by their model's forms ({@code a.b[].c}; {@code $}: the whole document)
     * @param unnamedPaths fields holding a packed string no reader is registered for (shown as tuple fields)
     */
    @Schema(description = "A stored read-model document, as stored and decoded")
    public record View(String model, long generation, String collection, String id, Map<String, Object> stored,
                       Object decoded, List<String> decodedPaths, List<String> unnamedPaths) {
    }

    /** @param next the {@code after} of the next page, null at the end */
    @Schema(description = "A page of a read-model collection's document ids, ascending")
    public record Ids(String model, long generation, String collection, List<String> ids, String next) {
    }

    public View document(ReadModel model, Long generation, String collection, String id) {
        Status.Generation g = generation(model, generation, collection);
        MongoReadStore store = new MongoReadStore(database, g.prefix());
        Document stored = store.find(collection, id).orElseThrow(() -> new NotFound("read-model.document.not-found",
                "id", "Generation " + g.generation() + " of '" + model.key() + "' holds no '" + id + "' in "
                + collection + "."));
        PackedFields.Decoded d = PackedFields.decode(new PackedFields.Context(model, collection, new Document(stored),
                store, clock.instant()));
        return new View(model.key(), g.generation(), collection, id, stored, d.document(), d.decodedPaths(),
                d.unnamedPaths());
    }

    public Ids ids(ReadModel model, Long generation, String collection, String after, int size) {
        Status.Generation g = generation(model, generation, collection);
        List<String> ids = new ArrayList<>(size + 1);
        for (Document d : database.getCollection(g.prefix() + collection)
                .find(after == null ? new Document() : Filters.gt("_id", after))
                .projection(Projections.include("_id")).sort(Sorts.ascending("_id")).limit(size + 1)) {
            ids.add(String.valueOf(d.get("_id")));
        }
        String next = ids.size() > size ? ids.get(size - 1) : null;
        return new Ids(model.key(), g.generation(), collection, ids.size() > size ? ids.subList(0, size) : ids,
                next);
    }

    private Status.Generation generation(ReadModel model, Long number, String collection) {
        if (!model.collections().contains(collection)) {
            throw new NotFound("read-model.collection.not-found", "collection", "Read model '" + model.key()
                    + "' has no collection '" + collection + "'; its collections: " + model.collections() + ".");
        }
        Status.Generation g = models.generationStatus(model, number, true);
        if (g == null) {
            throw new NotFound("read-model.generation.not-found", "generation", "Read model '" + model.key()
                    + "' has no generation " + number + ".");
        }
        return g;
    }
}

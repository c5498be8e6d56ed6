package vn.ledger.api.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.springframework.stereotype.Service;
import vn.ledger.projections.store.FlushJournal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two generations of a read model document by document. Each side is read in batches and the other
 * side's documents are fetched by {@code $in} on {@code _id} (index-backed on every server): the documents of one
 * side missing on the other, and those that differ (field by field; nested documents compare regardless of field
 * order, lists in order). Top-level fields named in {@code ignore} are left out; the projections keep no
 * bookkeeping that differs between generations (no wall-clock stamps: every date in a document comes from an
 * event), so by default nothing is ignored.
 */
@Service
public class ReadModelComparer {

    private static final int BATCH = 500;
    private static final int VALUE_CHARS = 400;

    private final MongoDatabase database;

    public ReadModelComparer(MongoDatabase ledgerDatabase) {
        this.database = ledgerDatabase;
    }

    /**
     * @param kind MISSING: in the live generation only; EXTRA: in the compared generation only; DIFFERENT: in both,
     *             with different content
     * @param fields top-level fields that differ (DIFFERENT)
     * @param live   the live document's values of those fields (or the whole document), as JSON, truncated
     * @param other  the compared document's
     */
    @Schema(description = "One difference between the live and the compared generation")
    public record Difference(String collection, String id, String kind, List<String> fields, String live,
                             String other) {
    }

    public record CollectionDiff(String collection, long liveDocuments, long otherDocuments, long missing,
                                 long extra, long different) {
    }

    public record Result(List<CollectionDiff> collections, long differences, List<Difference> sample) {
    }

    public Result compare(String livePrefix, String otherPrefix, Set<String> knownCollections, Set<String> ignore,
                          int sampleSize) {
        Set<String> names = new TreeSet<>(knownCollections);
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(livePrefix)) {
                names.add(name.substring(livePrefix.length()));
            } else if (name.startsWith(otherPrefix)) {
                names.add(name.substring(otherPrefix.length()));
            }
        }
        names.remove(FlushJournal.COLLECTION); // a generation's flush in progress, not the model
        List<CollectionDiff> diffs = new ArrayList<>();
        List<Difference> sample = new ArrayList<>();
        long total = 0;
        for (String name : names) {
            MongoCollection<Document> live = database.getCollection(livePrefix + name);
            MongoCollection<Document> other = database.getCollection(otherPrefix + name);
            long[] otherSide = sweep(name, other, live, ignore, sample, sampleSize, true);
            long[] liveSide = sweep(name, live, other, ignore, sample, sampleSize, false);
            long missing = liveSide[1];
            long extra = otherSide[1];
            long different = otherSide[2];
            diffs.add(new CollectionDiff(name, liveSide[0], otherSide[0], missing, extra, different));
            total += missing + extra + different;
        }
        return new Result(diffs, total, sample);
    }

    /**
     * Reads {@code from} in batches and looks each batch up in {@code against}.
     *
     * @return documents read, documents absent from {@code against}, documents that differ (counted when
     * {@code fromIsOther}, so that a difference is counted once)
     */
    private static long[] sweep(String name, MongoCollection<Document> from, MongoCollection<Document> against,
                                Set<String> ignore, List<Difference> sample, int sampleSize, boolean fromIsOther) {
        long[] counts = new long[3];
        List<Document> batch = new ArrayList<>(BATCH);
        try (MongoCursor<Document> cursor = from.find().batchSize(BATCH).iterator()) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == BATCH) {
                    lookUp(name, batch, against, ignore, sample, sampleSize, fromIsOther, counts);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            lookUp(name, batch, against, ignore, sample, sampleSize, fromIsOther, counts);
        }
        return counts;
    }

    private static void lookUp(String name, List<Document> batch, MongoCollection<Document> against,
                               Set<String> ignore, List<Difference> sample, int sampleSize, boolean fromIsOther,
                               long[] counts) {
        counts[0] += batch.size();
        Map<Object, Document> found = new HashMap<>();
        List<Object> ids = batch.stream().map(d -> d.get("_id")).toList();
        for (Document d : against.find(Filters.in("_id", ids))) {
            found.put(d.get("_id"), d);
        }
        for (Document d : batch) {
            Document twin = found.get(d.get("_id"));
            if (twin == null) {
                counts[1]++;
                if (sample.size() < sampleSize) {
                    String json = truncate(d.toJson());
                    sample.add(new Difference(name, String.valueOf(d.get("_id")), fromIsOther ? "EXTRA" : "MISSING",
                            List.of(), fromIsOther ? null : json, fromIsOther ? json : null));
                }
            } else if (fromIsOther) {
                List<String> fields = differingFields(twin, d, ignore);
                if (!fields.isEmpty()) {
                    counts[2]++;
                    if (sample.size() < sampleSize) {
                        sample.add(new Difference(name, String.valueOf(d.get("_id")), "DIFFERENT", fields,
                                truncate(values(twin, fields)), truncate(values(d, fields))));
                    }
                }
            }
        }
    }

    static List<String> differingFields(Document live, Document other, Set<String> ignore) {
        Set<String> keys = new LinkedHashSet<>(live.keySet());
        keys.addAll(other.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!ignore.contains(k) && !Objects.equals(live.get(k), other.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    private static String values(Document d, List<String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : fields) {
            m.put(f, d.get(f));
        }
        return new Document(m).toJson();
    }

    private static String truncate(String s) {
        return s.length() <= VALUE_CHARS ? s : s.substring(0, VALUE_CHARS) + "…";
    }
}

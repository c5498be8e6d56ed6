package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's reports and urgings beyond the last {@value #BUCKET}: a task reported on monthly (or weekly) for years would
 * otherwise rewrite its whole history with every report. The task document keeps the open run of each list (fewer
 * than {@value #BUCKET} items); when it fills, the run is written as one sealed bucket in {@value #COLLECTION}
 * ({@code _id} = task id + "|" + list + "|" + n) and the document counts the sealed buckets
 * ({@code reportsSealed}, {@code urgingsSealed}). Items come from the task's own events, in the order of their
 * sequence numbers, which is their log order; the buckets follow from the events alone. A query puts the sealed
 * items back in front of the open ones before reading the task ({@link #restore}).
 */
public final class SealedItems {

    public static final String COLLECTION = "task_items";
    static final int BUCKET = 64;
    static final List<String> LISTS = List.of("reports", "urgings");

    /**
     * A sealed bucket ({@code _id}, {@code items}: the stored items of its list, each in its list's form). The
     * items are kept as stored; {@link #FORM} shows them read by the form of the list the bucket id names.
     */
    public record Bucket(String id, List<Object> items) {

        /** The list whose items the bucket holds ("reports", "urgings"), from its id. */
        public String list() {
            String rest = id.substring(0, id.lastIndexOf('|'));
            return rest.substring(rest.lastIndexOf('|') + 1);
        }

        /** The items, read by the form of their list. */
        public List<?> read() {
            return "urgings".equals(list()) ? TaskView.Urging.FORM.readAll(items) : TaskView.Report.FORM.readAll(items);
        }
    }

    public static final StoredForm<Bucket> FORM = StoredForm.<Bucket>document(
            b -> new Document("_id", b.id()).append("items", b.items()),
            d -> new Bucket(d.getString("_id"), new ArrayList<>(Docs.items(d, "items"))), null)
            .shownAs(b -> new Document("_id", b.id()).append("items", b.read()));

    private SealedItems() {
    }

    static String bucketId(String taskId, String list, int n) {
        return taskId + "|" + list + "|" + n;
    }

    /** The task with the open run of {@code list} sealed into a bucket of its own when it is full. */
    static StoredTask sealFull(ReadStore store, StoredTask t, String list) {
        boolean urgings = "urgings".equals(list);
        List<Object> open = urgings ? t.urgings() : t.reports();
        if (open.size() < BUCKET) {
            return t;
        }
        int n = urgings ? t.urgingsSealed() : t.reportsSealed();
        store.put(COLLECTION, FORM.document(new Bucket(bucketId(t.id(), list, n), open)));
        return t.sealed(list);
    }

    /** These tasks with their sealed items back in front of the open runs of their lists: one $in. */
    public static List<StoredTask> restore(ReadStore store, List<StoredTask> tasks) {
        List<String> ids = new ArrayList<>();
        for (StoredTask t : tasks) {
            for (int n = 0; n < t.reportsSealed(); n++) {
                ids.add(bucketId(t.id(), "reports", n));
            }
            for (int n = 0; n < t.urgingsSealed(); n++) {
                ids.add(bucketId(t.id(), "urgings", n));
            }
        }
        if (ids.isEmpty()) {
            return tasks;
        }
        Map<String, Document> found = store.findAll(COLLECTION, ids);
        List<StoredTask> out = new ArrayList<>();
        for (StoredTask t : tasks) {
            out.add(t.withItems(all(found, t, "reports", t.reportsSealed(), t.reports()),
                    all(found, t, "urgings", t.urgingsSealed(), t.urgings())));
        }
        return out;
    }

    private static List<Object> all(Map<String, Document> found, StoredTask t, String list, int sealed,
                                    List<Object> open) {
        List<Object> all = new ArrayList<>();
        for (int n = 0; n < sealed; n++) {
            Bucket b = FORM.read(found.get(bucketId(t.id(), list, n)));
            all.addAll(b == null ? List.of() : b.items());
        }
        all.addAll(open);
        return all;
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;

/**
 * A directive as the dashboard knows it, in {@value DashboardProjection#DIRECTIVES} ({@code _id} = its id): stopped
 * (recalled or replaced) or not, and its own tasks (not the delegated ones) in log order ({@link LogOrder}), for a
 * stop to reach them. A stop that arrives before its tasks is remembered here and applied to them as they come.
 *
 * @param seq     the sequence number, in the directive's stream, of the stop taken in; -1 for none
 * @param tasksAt the log key of each of {@code tasks}
 */
public record StoredDashboardDirective(String id, long seq, boolean stopped, List<String> tasks,
                                       List<String> tasksAt) {

    /**
     * A document with named fields, always in this order, absent values left out: {@code _id}, {@code seq},
     * {@code stopped}, {@code tasks}, {@code tasksAt}. Dashboard layout 5 stored the same names in the order its
     * events came: it reads the same.
     */
    public static final StoredForm<StoredDashboardDirective> FORM = StoredForm.document(StoredDashboardDirective::write,
            StoredDashboardDirective::read, null);

    public StoredDashboardDirective {
        tasks = List.copyOf(tasks);
        tasksAt = List.copyOf(tasksAt);
    }

    /** A directive none of whose tasks or stops was taken in yet. */
    public static StoredDashboardDirective none(String id) {
        return new StoredDashboardDirective(id, -1, false, List.of(), List.of());
    }

    /** Recalled or replaced by its event of sequence number {@code seq} (null when that event was taken in). */
    public StoredDashboardDirective stopped(long seq) {
        return this.seq >= seq ? null : new StoredDashboardDirective(id, seq, true, tasks, tasksAt);
    }

    /** With the task listed at the place of its key in the log (null when listed already there or before). */
    public StoredDashboardDirective withTask(String taskId, String key) {
        List<String> ids = new ArrayList<>(tasks);
        List<String> keys = new ArrayList<>(tasksAt);
        return LogOrder.add(ids, keys, taskId, key) ? new StoredDashboardDirective(id, seq, stopped, ids, keys) : null;
    }

    private static Document write(StoredDashboardDirective s) {
        Document d = new Document("_id", s.id);
        if (s.seq >= 0) {
            d.append("seq", s.seq);
        }
        if (s.stopped) {
            d.append("stopped", true);
        }
        if (!s.tasks.isEmpty()) {
            d.append("tasks", s.tasks).append("tasksAt", s.tasksAt);
        }
        return d;
    }

    private static StoredDashboardDirective read(Document d) {
        List<String> tasks = Docs.strings(d, "tasks");
        return new StoredDashboardDirective(d.getString("_id"), Docs.num(d, "seq", -1), Docs.bool(d, "stopped"), tasks,
                LogOrder.keys(d, "tasks", tasks.size()));
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;

/**
 * Every task a body ever led, in {@value DashboardProjection#BODY_TASKS} ({@code _id} = its code), in log order
 * ({@link LogOrder}): the histories an as-of dashboard loads.
 *
 * @param tasksAt the log key of each of {@code tasks}
 */
public record StoredBodyTasks(String code, List<String> tasks, List<String> tasksAt) {

    /**
     * A document with named fields: {@code _id}, {@code tasks}, {@code tasksAt}; as dashboard layout 5 stored it.
     */
    public static final StoredForm<StoredBodyTasks> FORM = StoredForm.document(StoredBodyTasks::write,
            StoredBodyTasks::read, null);

    public StoredBodyTasks {
        tasks = List.copyOf(tasks);
        tasksAt = List.copyOf(tasksAt);
    }

    public static StoredBodyTasks none(String code) {
        return new StoredBodyTasks(code, List.of(), List.of());
    }

    /** With the task listed at the place of its key in the log (null when listed already there or before). */
    public StoredBodyTasks withTask(String taskId, String key) {
        List<String> ids = new ArrayList<>(tasks);
        List<String> keys = new ArrayList<>(tasksAt);
        return LogOrder.add(ids, keys, taskId, key) ? new StoredBodyTasks(code, ids, keys) : null;
    }

    private static Document write(StoredBodyTasks s) {
        return new Document("_id", s.code).append("tasks", s.tasks).append("tasksAt", s.tasksAt);
    }

    private static StoredBodyTasks read(Document d) {
        List<String> tasks = Docs.strings(d, "tasks");
        return new StoredBodyTasks(d.getString("_id"), tasks, LogOrder.keys(d, "tasks", tasks.size()));
    }
}

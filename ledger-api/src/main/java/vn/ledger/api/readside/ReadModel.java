package vn.ledger.api.readside;

import vn.ledger.projections.audit.AuditProjection;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.TaskProjection;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read models of {@code ledger-projections}, each kept by its own tracking processor in its own generation of
 * collections ({@code rm_<name>_g<N>_<collection>}). {@link #collections} are the collections the projection
 * writes; a query reads each of them from the generation that is active for the model that owns it.
 */
public enum ReadModel {

    // 2: tasks, replaced directives and implementers in log order, with their log keys; 3: records (StoredDirective,
    // recipient and implementer buckets) with their forms, fields in one fixed order, absent ones left out
    DIRECTIVE("directive", 3, DirectiveProjection.COLLECTIONS, DirectiveProjection::new),
    // 2: acknowledgements, reports and urgings are one string each; 3: reports and urgings beyond 64 in sealed buckets;
    // 4: extensions, deadline history, reassignments, delegations, completions, cancellation written by their
    // records' forms (fields in one fixed order, absent values left out); 5: the task document as a record (StoredTask),
    // fields in one fixed order, absent values, empty lists and zero counters left out; 6: lastPercent is the latest
    // report's by business date (a report entered late no longer overrides a later-dated one), lastReportOn its date
    TASK("task", 6, TaskProjection.COLLECTIONS, TaskProjection::new),
    // 2: light nodes (acts and forwards of non-recipients kept apart), roll-ups changed in place; 3: lists packed;
    // 4: roll-ups and own contributions are one string each (Tally); 5: children and forwards carry the log position
    // of the event that made them and are kept in that order, fields in one fixed order, absent values left out;
    // 6: the acts on a directive in buckets of acting bodies (by a hash of the body), each its own document; a
    // directive's recipients beyond the first 128 in buckets of 128 by their place in its list (chain_recipients);
    // 7: children, recipients and lists of codes in the one packed format (StoredForm), children by their whole id,
    // a forward's place as numbers (at, atOffset); 8: a task's last reported percent and its date; 9: coverage by
    // implementation links (chain-coverage/2): a task's concreteBy (bodies that issued a task linked to it), no
    // chain_leads index; 10: a task's extensions (business date, due day) and its due day as written, a completion
    // judged by the one in force on its day
    CHAIN("chain", 10, ChainProjection.COLLECTIONS, ChainProjection::new),
    // 2: tallies are one string each; 3: lists of tasks, children and bodies in log order, with their log keys;
    // 4: dashboard_bodies as BodyNode's form (fields in one fixed order, absent ones left out); 5: a task's
    // extensions (packed) and due day as written, a completion judged by the deadline in force on its business date;
    // 6: records (StoredDashboard, StoredDashboardTask, StoredDashboardDirective, StoredBodyTasks) with their forms,
    // fields in one fixed order, absent ones left out, a dashboard's seq, a task's extensions as documents
    DASHBOARD("dashboard", 6, List.of(DashboardProjection.DASHBOARD, DashboardProjection.TASKS,
            DashboardProjection.BODIES, DashboardProjection.DIRECTIVES, DashboardProjection.BODY_TASKS),
            DashboardProjection::new),
    // 2: entries grouped by entity, ids from the recording instant, no authority collection; 3: an entry is one string;
    // 4: ids from the log position, posting buckets split by rank with the span of their instants; 5: posting lists
    // as leaves of 32 ids under nodes of 32 summaries and a head of fixed size, entity buckets of 16 entries; 6: a
    // posting list of late entries ("late")
    AUDIT("audit", 6, AuditProjection.COLLECTIONS, AuditProjection::new),
    // 2: token lists and a body's directives in log order, with their log keys; 3: records (SearchEntry,
    // TokenPostings, SearchBody) with their forms, fields in one fixed order, absent ones left out
    SEARCH("search", 3, SearchProjection.COLLECTIONS, SearchProjection::new),
    // 2: children and merged bodies in log order, with their log keys; 3: BodyNode's form (fields in one fixed order,
    // absent ones left out)
    BODIES("bodies", 3, List.of(BodiesProjection.COLLECTION), BodiesProjection::new);

    private final String key;
    private final int layout;
    private final List<String> collections;
    private final Function<ReadStore, Object> projection;

    ReadModel(String key, int layout, List<String> collections, Function<ReadStore, Object> projection) {
        this.key = key;
        this.layout = layout;
        this.collections = List.copyOf(collections);
        this.projection = projection;
    }

    /**
     * The shape of the model's documents, raised whenever a projection changes what it stores: a generation built
     * with another layout is rebuilt at start (see {@link ReadModels}).
     */
    public int layout() {
        return layout;
    }

    /** The name in paths, processor names and collection prefixes. */
    public String key() {
        return key;
    }

    public List<String> collections() {
        return collections;
    }

    /** A new projection instance (a plain class with {@code @EventHandler} methods) writing to {@code store}. */
    public Object newProjection(ReadStore store) {
        return projection.apply(store);
    }

    /** Collection prefix of generation {@code n}: {@code rm_chain_g3_}. */
    public String prefix(long generation) {
        return "rm_" + key + "_g" + generation + "_";
    }

    /** Prefix shared by every generation of this model. */
    public String generationsPrefix() {
        return "rm_" + key + "_g";
    }

    /** Tracking processor (and token) name of generation {@code n}: {@code rm-chain-g3}. */
    public String processorName(long generation) {
        return "rm-" + key + "-g" + generation;
    }

    public static Optional<ReadModel> byKey(String key) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(k) || m.name().equalsIgnoreCase(k)).findFirst();
    }

    /**
     * The model that owns a collection: by the lists above, else by the name's stem (a collection added to a
     * projection later, e.g. {@code chain_*}).
     */
    public static Optional<ReadModel> owning(String collection) {
        for (ReadModel m : values()) {
            if (m.collections.contains(collection)) {
                return Optional.of(m);
            }
        }
        for (ReadModel m : values()) {
            if (m != BODIES && collection.startsWith(m.key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

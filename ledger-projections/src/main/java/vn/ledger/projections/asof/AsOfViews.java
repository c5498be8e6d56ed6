package vn.ledger.projections.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import vn.ledger.eventstore.StoredEvent;
import vn.ledger.projections.body.BodyTree;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.chain.CoverageReport;
import vn.ledger.projections.chain.StallReport;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.dashboard.DashboardQueries;
import vn.ledger.projections.dashboard.DashboardView;
import vn.ledger.projections.replay.EventReplayer;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.InMemoryReadStore;
import vn.ledger.projections.store.ReadStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Read models as they stood at a past instant (issue 3, read model 6), or on a business day (issue 14), computed
 * from the events, never from today's model. The two axes ({@link Axes}): events recorded at or before an instant
 * (what the ledger said then); events whose business date is on or before a day (the state of affairs that day, as
 * known now or as known at the instant, when both are asked). A delegation dated 5/10/2025 entered in December 2026
 * is in the view of 31/10/2025; a report dated 3/11/2025 entered the week before is not.
 *
 * <p>How: the live read model says which aggregates are involved (a chain's members today are a superset of
 * its members at any earlier instant, since nodes are never removed; a body's tasks today likewise). Their
 * histories are loaded, the events on the asked axes kept, and replayed in global order (commit position, then
 * place in the commit) into fresh projections on an {@link InMemoryReadStore}, where the same query as the live one
 * is asked, with "now" = the instant, or the end of the business day in Vietnam ({@link Axes#clock()}).
 *
 * <p>Cost: one history load per involved aggregate (reported as {@link AsOf#aggregatesLoaded()}), plus finding
 * them: for a chain, two {@code $in} per level of the live tree (its nodes, the acts on its directives); for a
 * dashboard, one {@code $in} per level of the body subtree, one for the bodies' tasks, one per level of
 * delegation above them. A commune's chain or dashboard is tens of aggregates; the whole national chain of a
 * central directive is every one of its ~40,000 nodes: ask that one at a shallow depth of the live view instead,
 * or expect seconds.
 *
 * <p>Generic: {@link #view} takes any projection factories {@code Function<ReadStore, Object>} (plain classes
 * with {@code @EventHandler} methods) and any query over the in-memory store, so other read models (directive
 * and task state) are answered as of an instant the same way.
 */
public final class AsOfViews {

    /**
     * @param axes             the axes answered on
     * @param aggregatesLoaded histories loaded (the cost)
     * @param eventsRead       events in those histories
     * @param eventsApplied    of which on the axes (recorded by the instant, dated by the day)
     */
    public record AsOf<R>(R value, Axes axes, int aggregatesLoaded, int eventsRead, int eventsApplied) {

        /** "Now" for the view: the instant asked, or the end of the business day asked. */
        public Instant asOf() {
            return axes.clock();
        }
    }

    private final ReadStore live;
    private final Function<String, List<StoredEvent>> history;
    private final EventReplayer replayer;

    /**
     * @param live    the live read models (only to find the aggregates involved)
     * @param history an aggregate's stored history, e.g. {@code engine::history}
     */
    public AsOfViews(ReadStore live, Function<String, List<StoredEvent>> history, EventReplayer replayer) {
        this.live = live;
        this.history = history;
        this.replayer = replayer;
    }

    /**
     * The generic as-of view: replays the histories of {@code aggregateIds} up to {@code asOf} into fresh
     * projections made by {@code projections} on one in-memory store, then asks {@code query} there.
     */
    public <R> AsOf<R> view(Instant asOf, Collection<String> aggregateIds, List<Function<ReadStore, Object>> projections,
                            Function<ReadStore, R> query) {
        return view(Axes.recordedBy(asOf), aggregateIds, projections, query);
    }

    /**
     * The generic view on both axes: replays the events of {@code aggregateIds} recorded by {@code axes.recordedBy}
     * (all so far without it) and dated on or before {@code axes.onDay} (any without it) into fresh projections
     * made by {@code projections} on one in-memory store, then asks {@code query} there.
     */
    public <R> AsOf<R> view(Axes axes, Collection<String> aggregateIds, List<Function<ReadStore, Object>> projections,
                            Function<ReadStore, R> query) {
        List<StoredEvent> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int read = 0;
        int loaded = 0;
        for (String id : new LinkedHashSet<>(aggregateIds)) {
            List<StoredEvent> events = history.apply(id);
            loaded++;
            read += events.size();
            for (StoredEvent e : events) {
                if (axes.known(e.timestamp()) && seen.add(e.eventId())) {
                    kept.add(e);
                }
            }
        }
        InMemoryReadStore memory = new InMemoryReadStore();
        Object[] targets = projections.stream().map(f -> f.apply(memory)).toArray();
        // the business date is in the payload: the replayer reads each payload once, for the test and the handlers
        int applied = replayer.apply(kept, happened(axes), targets);
        return new AsOf<>(query.apply(memory), axes, loaded, read, applied);
    }

    /**
     * Whether an event, asked in log order, had happened by the end of {@code axes.onDay}: its business date is on or
     * before it, and its aggregate existed by then (an aggregate whose first event is dated later did not exist that
     * day, whatever the dates of the events after it).
     */
    private static Predicate<DomainEventMessage<?>> happened(Axes axes) {
        if (axes.onDay() == null) {
            return m -> true;
        }
        Set<String> notYet = new HashSet<>();
        return m -> {
            if (notYet.contains(m.getAggregateIdentifier())) {
                return false;
            }
            boolean happened = axes.happened(m.getPayload(), m.getTimestamp());
            if (!happened && m.getSequenceNumber() == 0) {
                notYet.add(m.getAggregateIdentifier());
            }
            return happened;
        };
    }

    /**
     * The generic as-of view of a target: a directive or task id (its chain's aggregates and the directives it
     * cites), or a body code (the body, its subtree and their tasks), else the target alone.
     */
    public <R> AsOf<R> view(Instant asOf, String target, List<Function<ReadStore, Object>> projections,
                            Function<ReadStore, R> query) {
        return view(Axes.recordedBy(asOf), aggregatesOf(target), projections, query);
    }

    /** The aggregates whose events can change what is known about {@code target} (from the live models). */
    public Set<String> aggregatesOf(String target) {
        Optional<Document> node = live.find(ChainProjection.NODES, target);
        if (node.isPresent()) {
            Set<String> ids = new LinkedHashSet<>(chainAggregates(target));
            ids.addAll(Docs.strings(node.get(), "cites"));
            return ids;
        }
        if (live.find(DashboardProjection.BODIES, target).isPresent()) {
            return dashboardAggregates(target, true);
        }
        return Set.of(target);
    }

    // ------------------------------------------------------------------ the chain

    public AsOf<Optional<ChainView>> chain(String directiveOrTaskId, int maxDepth, Instant asOf) {
        return chain(directiveOrTaskId, maxDepth, Axes.recordedBy(asOf));
    }

    public AsOf<Optional<ChainView>> chain(String directiveOrTaskId, int maxDepth, Axes axes) {
        return view(axes, chainAggregates(directiveOrTaskId), List.of(ChainProjection::new),
                store -> new ChainQueries(store).chain(directiveOrTaskId, maxDepth, axes.clock()));
    }

    public AsOf<Optional<StallReport>> stalls(String directiveOrTaskId, int afterDays, int limit, Instant asOf) {
        return stalls(directiveOrTaskId, afterDays, limit, Axes.recordedBy(asOf));
    }

    public AsOf<Optional<StallReport>> stalls(String directiveOrTaskId, int afterDays, int limit, Axes axes) {
        return view(axes, chainAggregates(directiveOrTaskId), List.of(ChainProjection::new),
                store -> new ChainQueries(store).stalls(directiveOrTaskId, afterDays, limit, axes.clock()));
    }

    public AsOf<Optional<CoverageReport>> coverage(String directiveOrTaskId, int limit, Instant asOf) {
        return coverage(directiveOrTaskId, limit, Axes.recordedBy(asOf));
    }

    public AsOf<Optional<CoverageReport>> coverage(String directiveOrTaskId, int limit, Axes axes) {
        return view(axes, chainAggregates(directiveOrTaskId), List.of(ChainProjection::new),
                store -> new ChainQueries(store).coverage(directiveOrTaskId, limit, axes.clock()));
    }

    /**
     * The aggregates a chain depends on, from the live chain model: every node below (directives and tasks),
     * the directives of its tasks, and every directive that cites one of its directives (their issue marks a
     * recipient as having forwarded, and covers tasks). One {@code $in} per level of the live tree for the nodes
     * and one for the acts on its directives (where the citing directives are listed), one more for the acts on
     * the tasks' directives.
     */
    public Set<String> chainAggregates(String directiveOrTaskId) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        Set<String> taskDirectives = new LinkedHashSet<>();
        List<String> level = List.of(directiveOrTaskId);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            List<String> directives = new ArrayList<>();
            for (Document n : live.findAll(ChainProjection.NODES, level).values()) {
                String id = n.getString("_id");
                if (!visited.add(id)) {
                    continue;
                }
                ids.add(id);
                if (ChainProjection.isDirective(n)) {
                    directives.add(id);
                }
                String directive = Docs.str(n, "directiveId");
                if (directive != null) {
                    taskDirectives.add(directive);
                }
                next.addAll(ChainProjection.children(n));
            }
            addForwards(directives, ids);
            level = next.stream().filter(i -> !visited.contains(i)).toList();
        }
        ids.add(directiveOrTaskId);
        taskDirectives.removeAll(ids);
        if (!taskDirectives.isEmpty()) {
            addForwards(taskDirectives, ids);
            ids.addAll(taskDirectives);
        }
        return ids;
    }

    /** The directives citing any of {@code directiveIds}, from their acts. */
    private void addForwards(Collection<String> directiveIds, Set<String> ids) {
        ids.addAll(ChainProjection.citing(live, directiveIds));
    }

    // ------------------------------------------------------------------ the dashboard

    public AsOf<Optional<DashboardView>> dashboard(String bodyCode, boolean subtree, int dueWithinDays, Instant asOf) {
        return dashboard(bodyCode, subtree, dueWithinDays, Axes.recordedBy(asOf));
    }

    public AsOf<Optional<DashboardView>> dashboard(String bodyCode, boolean subtree, int dueWithinDays, Axes axes) {
        return view(axes, dashboardAggregates(bodyCode, subtree), List.of(DashboardProjection::new),
                store -> new DashboardQueries(store).dashboard(bodyCode, subtree, dueWithinDays, axes.clock()));
    }

    /**
     * The aggregates a dashboard depends on, from the live dashboard model: the body (and its subtree), every
     * task any of them ever led, the tasks those were delegated from, and the tasks' directives.
     */
    public Set<String> dashboardAggregates(String bodyCode, boolean subtree) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> bodies = new ArrayList<>();
        bodies.add(bodyCode);
        if (subtree) {
            bodies.addAll(new BodyTree(live, DashboardProjection.BODIES).descendants(bodyCode));
        }
        ids.addAll(bodies);
        Set<String> tasks = new LinkedHashSet<>();
        for (Document d : live.findAll(DashboardProjection.BODY_TASKS, bodies).values()) {
            tasks.addAll(Docs.strings(d, "tasks"));
        }
        Set<String> directives = new LinkedHashSet<>();
        Collection<String> level = tasks;
        Set<String> allTasks = new LinkedHashSet<>(tasks);
        while (!level.isEmpty()) {
            List<String> parents = new ArrayList<>();
            for (Map.Entry<String, Document> e : live.findAll(DashboardProjection.TASKS, level).entrySet()) {
                String directive = Docs.str(e.getValue(), "directiveId");
                if (directive != null) {
                    directives.add(directive);
                }
                String parent = Docs.str(e.getValue(), "parentTask");
                if (parent != null && allTasks.add(parent)) {
                    parents.add(parent);
                }
            }
            level = parents;
        }
        ids.addAll(allTasks);
        ids.addAll(directives);
        return ids;
    }
}

package vn.ledger.api.readside;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The read models and their generations (why generations: docs/design.md, "Generations").
 *
 * <p>Every read model of {@code ledger-projections} ({@link ReadModel}) is an Axon event handler in the tracking
 * processor of its generation ({@link GenerationProcessor}), writing to a {@link MongoReadStore} under the
 * generation's prefix ({@code rm_chain_g3_chain_nodes}). Queries read through {@link #snapshot()}, bound to the
 * generation of each model that was active when it was taken.
 *
 * <p>This class runs what the rules of {@link ModelGenerations} decide: it starts and stops processors, writes
 * {@value #META} ({@link ReadModelMeta}) after every transition, publishes the active generations to the queries
 * and drops retired generations' collections and tokens. {@link RebuildMonitor} looks at the rebuilds every
 * {@link ReadModelProperties#monitorInterval()} and reports their progress.
 */
@Component
public class ReadModels implements SmartLifecycle {

    public static final String META = ReadModelMeta.COLLECTION;
    /** Axon's token collection (the token store's default). */
    static final String TOKENS = "trackingtokens";
    private static final Duration TOKEN_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final MongoDatabase database;
    private final ReadModelMeta meta;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final MongoEventStorageEngine engine;
    private final TokenStore tokenStore;
    private final ReadModelProperties properties;
    private final RebuildMonitor monitor;

    private final Map<ReadModel, ModelGenerations> models = new EnumMap<>(ReadModel.class);
    /** per model, the store of its active generation: what queries read, swapped whole at a switch */
    private volatile Map<ReadModel, Active> active = Map.of();
    private volatile boolean running;

    private record Active(long number, MongoReadStore reader) {
    }

    public ReadModels(MongoDatabase ledgerDatabase, EventStore eventStore, MongoEventStorageEngine engine,
                      TokenStore tokenStore, ReadModelProperties properties) {
        this.database = ledgerDatabase;
        this.meta = new ReadModelMeta(ledgerDatabase);
        this.events = eventStore;
        this.engine = engine;
        // a processor at the head writes its token at most once a second (see DeferredTokens)
        this.tokenStore = new DeferredTokens(tokenStore, TOKEN_INTERVAL);
        this.properties = properties;
        this.monitor = new RebuildMonitor(properties);
    }

    // ------------------------------------------------------------------ reading

    /**
     * The read models as they are active now.
     *
     * @param store       reads each collection from the generation of its model that was active when taken
     * @param generations model name → generation number
     */
    public record Snapshot(ReadStore store, Map<String, Long> generations) {
    }

    public Snapshot snapshot() {
        Map<ReadModel, Active> now = active;
        Map<ReadModel, MongoReadStore> stores = new EnumMap<>(ReadModel.class);
        Map<String, Long> numbers = new LinkedHashMap<>();
        now.forEach((m, a) -> {
            stores.put(m, a.reader());
            numbers.put(m.key(), a.number());
        });
        return new Snapshot(new ActiveReadStore(stores), Collections.unmodifiableMap(numbers));
    }

    /** A store reading each collection from the generation of its model that is active now. */
    public ReadStore store() {
        return snapshot().store();
    }

    /** The active generation number of each model. */
    public Map<ReadModel, Long> activeGenerations() {
        Map<ReadModel, Long> out = new EnumMap<>(ReadModel.class);
        active.forEach((m, a) -> out.put(m, a.number()));
        return out;
    }

    /** The head of the event stream (last commit position). */
    public long head() {
        return engine.createHeadToken().position().orElse(0);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public synchronized void start() {
        for (ReadModel model : ReadModel.values()) {
            ModelGenerations m = ModelGenerations.open(model, meta.load(model), head(), now());
            models.put(model, m);
            clearLeftovers(model, m.active().number);
            meta.save(model, m.stored());
            startProcessor(m.active(), false);
            m.pending().ifPresent(p -> {
                if (p.why() == ModelGenerations.Restart.INTERRUPTED) {
                    log.warn("read model {}: a rebuild was interrupted by a stop; starting it again from scratch",
                            model.key());
                } else {
                    log.warn("read model {}: g{} was built with layout {}, this version writes layout {}; "
                                    + "rebuilding it (g{} answers until the rebuild has caught up)", model.key(),
                            m.active().number, m.activeLayout(), model.layout(), m.active().number);
                }
                startRebuild(m, p.activate());
            });
        }
        publishActive();
        monitor.start(this::look);
        running = true;
        log.info("read models started: {}", activeGenerations());
    }

    @Override
    public void stop() {
        running = false;
        monitor.stop();
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        synchronized (this) {
            for (ModelGenerations m : models.values()) {
                stopping.add(processor(m.active()).stop());
                if (m.rebuild() != null) {
                    stopping.add(processor(m.rebuild()).stop());
                }
            }
        }
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("read model processors did not all stop in time: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's configuration has started (the event store), stopped before it. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 100;
    }

    // ------------------------------------------------------------------ rebuild

    /**
     * Starts a rebuild of a model into a new generation.
     *
     * @param activate switch to it as soon as it has caught up; otherwise it waits, kept up to date, for
     *                 {@link #activate} or {@link #discard}
     */
    public synchronized Status.Model rebuild(ReadModel model, boolean activate) {
        startRebuild(generations(model), activate);
        return status(model);
    }

    private void startRebuild(ModelGenerations m, boolean activate) {
        long head = head();
        Generation g = m.beginRebuild(activate, head, now());
        dropGeneration(m.model, g.number); // nothing should be there; a fresh start in any case
        meta.save(m.model, m.stored());
        startProcessor(g, true);
        log.info("read model {}: rebuild g{} started from the tail of the event stream (head at position {}), "
                        + "g{} keeps answering{}", m.model.key(), g.number, head, m.active().number,
                activate ? "; switch when caught up" : "; activation left to an operator");
    }

    /** Activates a rebuilt generation that has caught up. */
    public synchronized Status.Model activate(ReadModel model, long number) {
        ModelGenerations m = generations(model);
        Generation replaced = m.activate(number, now(), g -> RebuildMonitor.progress(g, head(), now()).percent());
        if (replaced != null) {
            switched(m, replaced);
        }
        return status(model);
    }

    /** Stops and drops a rebuild (building or ready) that is not active. */
    public synchronized Status.Model discard(ReadModel model, long number) {
        ModelGenerations m = generations(model);
        Generation g = m.discard(number);
        meta.save(model, m.stored());
        retire(g, Duration.ZERO, "discarded");
        return status(model);
    }

    /**
     * The status of one generation of a model: the one numbered {@code number} (active or rebuild), or without a
     * number the active one ({@code activeWhenNull}) or the rebuild. Null when there is no such generation.
     */
    public synchronized Status.Generation generationStatus(ReadModel model, Long number, boolean activeWhenNull) {
        ModelGenerations m = generations(model);
        Generation g = number != null ? m.find(number) : activeWhenNull ? m.active() : m.rebuild();
        return g == null ? null : RebuildMonitor.view(g, head(), now());
    }

    private ModelGenerations generations(ReadModel model) {
        ModelGenerations m = models.get(model);
        if (m == null) {
            throw new IllegalStateException("read models not started");
        }
        return m;
    }

    // ------------------------------------------------------------------ the monitor's look

    private synchronized void look() {
        if (!running) {
            return;
        }
        long head = -1;
        for (ModelGenerations m : models.values()) {
            Generation live = m.active();
            if (processor(live).buffered() && live.caughtUp()) {
                processor(live).requestDirect(); // e.g. the first generation, built at the first start
            }
            if (m.rebuild() == null) {
                continue;
            }
            if (head < 0) {
                head = head();
            }
            ModelGenerations.Check check = m.check(now());
            Generation g = check.caughtUp();
            if (g != null) {
                processor(g).requestDirect();
                log.info("read model {}: rebuild g{} caught up at position {}: {} events in {}", m.model.key(),
                        g.number, g.position(), processor(g).events(),
                        RebuildMonitor.human(Duration.between(g.startedAt, g.caughtUpAt)));
                if (check.replaced() != null) {
                    switched(m, check.replaced());
                }
            } else {
                monitor.logProgressIfDue(m.rebuild(), head, now());
            }
        }
    }

    /** After a switch: the one write of the switch, queries read the new generation, the old one goes. */
    private void switched(ModelGenerations m, Generation old) {
        Generation g = m.active();
        meta.save(m.model, m.stored());
        publishActive();
        log.info("read model {}: switched from g{} to g{} at position {}; g{} retired", m.model.key(), old.number,
                g.number, g.position(), old.number);
        retire(old, properties.retireGrace(), "replaced");
    }

    private void retire(Generation g, Duration grace, String why) {
        processor(g).stop().whenComplete((v, failure) -> monitor.later(grace, () -> {
            dropGeneration(g.model, g.number);
            log.info("read model {}: g{} {}: processor stopped, collections dropped, token deleted", g.model.key(),
                    g.number, why);
        }));
    }

    // ------------------------------------------------------------------ status

    public synchronized Status status() {
        long head = head();
        List<Status.Model> out = new ArrayList<>();
        for (ReadModel m : models.keySet()) {
            out.add(status(m, head));
        }
        return new Status(head, out);
    }

    public synchronized Status.Model status(ReadModel model) {
        return status(model, head());
    }

    private Status.Model status(ReadModel model, long head) {
        ModelGenerations m = generations(model);
        Instant now = now();
        return new Status.Model(model.key(), model.collections(), RebuildMonitor.view(m.active(), head, now),
                m.rebuild() == null ? null : RebuildMonitor.view(m.rebuild(), head, now), m.lastRebuild());
    }

    // ------------------------------------------------------------------ processors and collections

    private void startProcessor(Generation g, boolean fresh) {
        g.attach(new GenerationProcessor(g, database, properties.writeBuffer(), fresh))
                .start(events, tokenStore, properties.batchSize());
    }

    private static GenerationProcessor processor(Generation g) {
        return (GenerationProcessor) g.tracker();
    }

    private void publishActive() {
        Map<ReadModel, Active> next = new EnumMap<>(ReadModel.class);
        models.forEach((model, m) -> next.put(model, new Active(m.active().number, processor(m.active()).reader())));
        active = next;
    }

    /** Drops collections and tokens of generations other than the active one (left by a stop mid-way). */
    private void clearLeftovers(ReadModel model, long activeNumber) {
        String keep = model.prefix(activeNumber);
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(model.generationsPrefix()) && !name.startsWith(keep)) {
                database.getCollection(name).drop();
                log.info("read model {}: dropped leftover collection {}", model.key(), name);
            }
        }
        database.getCollection(TOKENS).deleteMany(Filters.and(
                Filters.regex("processorName", "^rm-" + model.key() + "-g[0-9]+$"),
                Filters.ne("processorName", model.processorName(activeNumber))));
    }

    private void dropGeneration(ReadModel model, long number) {
        String prefix = model.prefix(number);
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(prefix)) {
                database.getCollection(name).drop();
            }
        }
        database.getCollection(TOKENS).deleteMany(Filters.eq("processorName", model.processorName(number)));
    }

    /** Operational times (progress, durations) are wall-clock, whatever clock the queries are given. */
    private static Instant now() {
        return Instant.now();
    }
}

package vn.ledger.api.readside;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.ledger.api.problem.Conflict;
import vn.ledger.api.problem.NotFound;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.store.MongoReadStore;
import vn.ledger.projections.store.ReadStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read models and their generations.
 *
 * <p>Every read model of {@code ledger-projections} ({@link ReadModel}) is an Axon event handler in its own
 * tracking processor, writing to a {@link MongoReadStore} over the ledger database under the prefix of its
 * generation ({@code rm_chain_g3_chain_nodes}). Per model, {@value #META} holds the active generation (and a
 * rebuild in progress); queries read through {@link #store()}, a store bound to the active generation of each model
 * at the moment it is asked for.
 *
 * <p>A rebuild starts a new generation under a new prefix with a new tracking processor from the tail of the event
 * stream, beside the active one, which keeps answering. Once the new processor has caught up (it reached the end
 * of the stream, and its position is at least the head position when the rebuild started and the active
 * generation's position), the active generation is switched in one write of the model's {@value #META} document and
 * one reference swap in memory; the old processor is stopped and, after a short grace, its collections dropped and
 * its token deleted. A rebuild may also be started without switching ({@code activate=false}): the new generation
 * then catches up, keeps tracking, and waits to be compared and activated (or discarded) by an operator.
 *
 * <p>A rebuild interrupted by a stop of the application is started again from scratch at the next start (its
 * partial collections are dropped): a generation that catches up writes through a write-behind cache, which is
 * only safe to resume from its beginning.
 */
@Component
public class ReadModels implements SmartLifecycle {

    public static final String META = "rm_meta";
    /** Axon's token collection (the token store's default). */
    static final String TOKENS = "trackingtokens";
    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> meta;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final MongoEventStorageEngine engine;
    private final TokenStore tokenStore;
    private final ReadModelProperties properties;

    private final Map<ReadModel, Slot> slots = new EnumMap<>(ReadModel.class);
    private volatile Map<ReadModel, Generation> active = Map.of();
    private ScheduledExecutorService monitor;
    private volatile boolean running;

    /** Per model: the active generation, a rebuild (building or ready), the next generation number. */
    private static final class Slot {
        Generation active;
        Generation rebuild;
        /** the layout the active generation was built with (1 when the meta document predates layouts) */
        int activeLayout;
        long next;
        Document lastRebuild;
    }

    public ReadModels(MongoDatabase ledgerDatabase, EventStore eventStore, MongoEventStorageEngine engine,
                      TokenStore tokenStore, ReadModelProperties properties) {
        this.database = ledgerDatabase;
        this.meta = ledgerDatabase.getCollection(META);
        this.events = eventStore;
        this.engine = engine;
        this.tokenStore = tokenStore;
        this.properties = properties;
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
        Map<ReadModel, Generation> now = active;
        Map<ReadModel, MongoReadStore> stores = new EnumMap<>(ReadModel.class);
        Map<String, Long> numbers = new java.util.LinkedHashMap<>();
        now.forEach((m, g) -> {
            stores.put(m, g.reader);
            numbers.put(m.key(), g.number);
        });
        return new Snapshot(new ActiveReadStore(stores), java.util.Collections.unmodifiableMap(numbers));
    }

    /** A store reading each collection from the generation of its model that is active now. */
    public ReadStore store() {
        return snapshot().store();
    }

    /** The active generation number of each model. */
    public Map<ReadModel, Long> activeGenerations() {
        Map<ReadModel, Long> out = new EnumMap<>(ReadModel.class);
        active.forEach((m, g) -> out.put(m, g.number));
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
            Document doc = meta.find(Filters.eq("_id", model.key())).first();
            Slot slot = new Slot();
            long activeNumber;
            Document interrupted = null;
            if (doc == null) {
                activeNumber = 1;
                slot.next = 2;
            } else {
                activeNumber = ((Number) doc.get("active")).longValue();
                slot.next = ((Number) doc.get("next")).longValue();
                interrupted = doc.get("rebuild", Document.class);
                slot.lastRebuild = doc.get("lastRebuild", Document.class);
            }
            clearLeftovers(model, activeNumber);
            Generation g = new Generation(model, activeNumber, Generation.State.ACTIVE, false, now(), head(),
                    database, properties.writeBuffer(), false);
            g.activatedAt = doc == null ? now() : toInstant(doc.get("activatedAt"));
            slot.active = g;
            slots.put(model, slot);
            slot.activeLayout = doc == null ? model.layout()
                    : doc.get("layout") instanceof Number n ? n.intValue() : 1;
            saveMeta(model, slot);
            g.start(events, tokenStore, properties.batchSize());
            if (interrupted != null) {
                log.warn("read model {}: rebuild g{} was interrupted by a stop; starting it again from scratch",
                        model.key(), interrupted.get("generation"));
                startRebuild(model, interrupted.getBoolean("activate", true));
            } else if (slot.activeLayout != model.layout()) {
                log.warn("read model {}: g{} was built with layout {}, this version writes layout {}; rebuilding it "
                                + "(g{} answers until the rebuild has caught up)", model.key(), activeNumber,
                        slot.activeLayout, model.layout(), activeNumber);
                startRebuild(model, true);
            }
        }
        publishActive();
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-models-monitor");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, properties.monitorInterval().toMillis());
        monitor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        running = true;
        log.info("read models started: {}", activeGenerations());
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService m = monitor;
        if (m != null) {
            m.shutdownNow();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        synchronized (this) {
            for (Slot s : slots.values()) {
                stopping.add(s.active.stop());
                if (s.rebuild != null) {
                    stopping.add(s.rebuild.stop());
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
        Slot slot = slot(model);
        if (slot.rebuild != null) {
            throw new Conflict("read-model.rebuild-running", "name", "Read model '" + model.key()
                    + "' already has rebuild g" + slot.rebuild.number + " (" + slot.rebuild.state
                    + "); activate or discard it first.");
        }
        startRebuild(model, activate);
        return status(model);
    }

    private void startRebuild(ReadModel model, boolean activate) {
        Slot slot = slots.get(model);
        long number = slot.next++;
        long head = head();
        Generation g = new Generation(model, number, Generation.State.BUILDING, activate, now(), head, database,
                properties.writeBuffer(), true);
        dropGeneration(model, number); // nothing should be there; a fresh start in any case
        slot.rebuild = g;
        saveMeta(model, slot);
        g.lastProgressLog = now();
        g.start(events, tokenStore, properties.batchSize());
        log.info("read model {}: rebuild g{} started from the tail of the event stream (head at position {}), "
                + "g{} keeps answering{}", model.key(), number, head, slot.active.number,
                activate ? "; switch when caught up" : "; activation left to an operator");
    }

    /** Activates a rebuilt generation that has caught up. */
    public synchronized Status.Model activate(ReadModel model, long number) {
        Slot slot = slot(model);
        if (slot.active.number == number) {
            return status(model);
        }
        Generation g = slot.rebuild;
        if (g == null || g.number != number) {
            throw new NotFound("read-model.generation.not-found", "generation", "Read model '" + model.key()
                    + "' has no generation " + number + " to activate.");
        }
        if (g.state != Generation.State.READY) {
            throw new Conflict("read-model.not-caught-up", "generation", "Generation " + number + " of '"
                    + model.key() + "' has not caught up yet (" + percent(g) + "%).");
        }
        switchTo(model, slot, g);
        return status(model);
    }

    /** Stops and drops a rebuild (building or ready) that is not active. */
    public synchronized Status.Model discard(ReadModel model, long number) {
        Slot slot = slot(model);
        if (slot.active.number == number) {
            throw new Conflict("read-model.generation-active", "generation", "Generation " + number + " of '"
                    + model.key() + "' is active; rebuild another one to replace it.");
        }
        Generation g = slot.rebuild;
        if (g == null || g.number != number) {
            throw new NotFound("read-model.generation.not-found", "generation", "Read model '" + model.key()
                    + "' has no rebuild " + number + ".");
        }
        slot.rebuild = null;
        saveMeta(model, slot);
        retire(g, Duration.ZERO, "discarded");
        return status(model);
    }

    /**
     * The status of one generation of a model: the one numbered {@code number} (active or rebuild), or without a
     * number the active one ({@code activeWhenNull}) or the rebuild. Null when there is no such generation.
     */
    public synchronized Status.Generation generationStatus(ReadModel model, Long number, boolean activeWhenNull) {
        Slot slot = slot(model);
        Generation g;
        if (number == null) {
            g = activeWhenNull ? slot.active : slot.rebuild;
        } else if (slot.active.number == number) {
            g = slot.active;
        } else if (slot.rebuild != null && slot.rebuild.number == number) {
            g = slot.rebuild;
        } else {
            g = null;
        }
        return g == null ? null : view(g, head());
    }

    private Slot slot(ReadModel model) {
        Slot s = slots.get(model);
        if (s == null) {
            throw new IllegalStateException("read models not started");
        }
        return s;
    }

    // ------------------------------------------------------------------ monitor

    private void tick() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("read model monitor: {}", e.toString(), e);
        }
    }

    private synchronized void check() {
        if (!running) {
            return;
        }
        long head = -1;
        for (Map.Entry<ReadModel, Slot> e : slots.entrySet()) {
            Slot slot = e.getValue();
            if (slot.active.buffered() && slot.active.caughtUp()) {
                slot.active.requestDirect(); // e.g. the first generation, built at the first start
            }
            Generation g = slot.rebuild;
            if (g == null) {
                continue;
            }
            if (head < 0) {
                head = head();
            }
            if (g.state == Generation.State.BUILDING && caughtUp(g, slot.active)) {
                g.state = Generation.State.READY;
                g.caughtUpAt = now();
                g.requestDirect();
                log.info("read model {}: rebuild g{} caught up at position {}: {} events in {}", e.getKey().key(),
                        g.number, g.position(), g.events(), human(Duration.between(g.startedAt, g.caughtUpAt)));
                if (g.activateWhenCaughtUp) {
                    switchTo(e.getKey(), slot, g);
                    continue;
                }
            }
            if (g.state == Generation.State.BUILDING && !now().isBefore(g.lastProgressLog
                    .plus(properties.progressLogInterval()))) {
                g.lastProgressLog = now();
                logProgress(e.getKey(), g, head);
            }
        }
    }

    private static boolean caughtUp(Generation g, Generation live) {
        long p = g.position();
        return g.caughtUp() && p >= g.headAtStart && p >= live.position();
    }

    private void logProgress(ReadModel model, Generation g, long head) {
        Status.Progress p = progress(g, head);
        String error = g.error();
        log.info("read model {}: rebuild g{} at position {}/{} ({}%), {} events, {} events/s, ETA {}{}", model.key(),
                g.number, Math.max(0, g.progressPosition()), head, p.percent(), g.events(),
                p.eventsPerSecond() == null ? "?" : String.format("%.0f", p.eventsPerSecond()),
                p.etaSeconds() == null ? "?" : human(Duration.ofSeconds(p.etaSeconds())),
                error == null ? "" : " — retrying after: " + error);
    }

    private void switchTo(ReadModel model, Slot slot, Generation g) {
        Generation old = slot.active;
        g.state = Generation.State.ACTIVE;
        g.activatedAt = now();
        slot.active = g;
        slot.activeLayout = model.layout();
        slot.rebuild = null;
        slot.lastRebuild = new Document("generation", g.number).append("replaced", old.number)
                .append("startedAt", Date.from(g.startedAt)).append("caughtUpAt", Date.from(g.caughtUpAt))
                .append("activatedAt", Date.from(g.activatedAt)).append("events", g.events())
                .append("position", g.position());
        saveMeta(model, slot); // the switch: one document write
        publishActive();
        log.info("read model {}: switched from g{} to g{} at position {}; g{} retired", model.key(), old.number,
                g.number, g.position(), old.number);
        retire(old, properties.retireGrace(), "replaced");
    }

    private void retire(Generation g, Duration grace, String why) {
        g.state = Generation.State.RETIRED;
        g.stop().whenComplete((v, failure) -> {
            Runnable drop = () -> {
                dropGeneration(g.model, g.number);
                log.info("read model {}: g{} {}: processor stopped, collections dropped, token deleted",
                        g.model.key(), g.number, why);
            };
            ScheduledExecutorService m = monitor;
            if (grace.isZero() || m == null || m.isShutdown()) {
                drop.run();
            } else {
                m.schedule(drop, grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    // ------------------------------------------------------------------ status

    public synchronized Status status() {
        long head = head();
        List<Status.Model> models = new ArrayList<>();
        for (ReadModel m : slots.keySet()) {
            models.add(status(m, head));
        }
        return new Status(head, models);
    }

    public synchronized Status.Model status(ReadModel model) {
        return status(model, head());
    }

    private Status.Model status(ReadModel model, long head) {
        Slot slot = slot(model);
        Generation a = slot.active;
        Status.Generation activeView = view(a, head);
        Status.Generation rebuildView = slot.rebuild == null ? null : view(slot.rebuild, head);
        return new Status.Model(model.key(), model.collections(), activeView, rebuildView,
                slot.lastRebuild == null ? null : Status.LastRebuild.of(slot.lastRebuild));
    }

    private Status.Generation view(Generation g, long head) {
        long position = g.position();
        Status.Progress progress = g.state == Generation.State.ACTIVE ? null : progress(g, head);
        return new Status.Generation(g.number, g.state.name(), g.prefix, g.processorName, position, head,
                Math.max(0, head - Math.max(0, position)), g.caughtUp(), g.buffered() ? "WRITE_BEHIND" : "DIRECT",
                g.events(), g.startedAt, g.caughtUpAt, g.activatedAt, g.error(), g.failures(), g.lastFailure(),
                progress);
    }

    private Status.Progress progress(Generation g, long head) {
        long position = Math.max(0, g.progressPosition());
        double percent = head <= 0 ? 100.0 : Math.min(100.0, 100.0 * position / head);
        if (g.state == Generation.State.READY) {
            percent = 100.0;
        }
        // rates averaged since the start: steadier than the last seconds, which stall while a batch is flushed
        long elapsedMillis = Math.max(1, Duration.between(g.startedAt, now()).toMillis());
        double er = g.events() * 1000.0 / elapsedMillis;
        double pace = position * 1000.0 / elapsedMillis;
        Long eta = null;
        if (g.state == Generation.State.READY) {
            eta = 0L;
        } else if (pace > 0) {
            eta = (long) Math.ceil(Math.max(0, head - position) / pace);
        }
        return new Status.Progress(Math.round(percent * 10) / 10.0, Double.isNaN(er) ? null : Math.round(er * 10) / 10.0,
                eta, Duration.between(g.startedAt, now()).toSeconds());
    }

    private double percent(Generation g) {
        return progress(g, head()).percent();
    }

    // ------------------------------------------------------------------ persistence

    private void publishActive() {
        Map<ReadModel, Generation> next = new EnumMap<>(ReadModel.class);
        slots.forEach((m, s) -> next.put(m, s.active));
        active = next;
    }

    private void saveMeta(ReadModel model, Slot slot) {
        Document doc = new Document("_id", model.key())
                .append("active", slot.active.number)
                .append("prefix", slot.active.prefix)
                .append("processor", slot.active.processorName)
                .append("activatedAt", slot.active.activatedAt == null ? null : Date.from(slot.active.activatedAt))
                .append("layout", slot.activeLayout)
                .append("next", slot.next);
        if (slot.rebuild != null) {
            doc.append("rebuild", new Document("generation", slot.rebuild.number)
                    .append("prefix", slot.rebuild.prefix)
                    .append("activate", slot.rebuild.activateWhenCaughtUp)
                    .append("startedAt", Date.from(slot.rebuild.startedAt)));
        }
        if (slot.lastRebuild != null) {
            doc.append("lastRebuild", slot.lastRebuild);
        }
        meta.replaceOne(Filters.eq("_id", model.key()), doc, new ReplaceOptions().upsert(true));
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

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return s < 3600 ? String.format("%d min %02d s", s / 60, s % 60)
                : String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Operational times (progress, durations) are wall-clock, whatever clock the queries are given. */
    private static Instant now() {
        return Instant.now();
    }

    private static Instant toInstant(Object o) {
        return o instanceof Date d ? d.toInstant() : null;
    }
}

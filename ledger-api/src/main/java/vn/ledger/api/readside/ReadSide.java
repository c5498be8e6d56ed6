package vn.ledger.api.readside;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.body.BodyNames;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.replay.EventReplayer;
import vn.ledger.projections.store.ReadStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the query endpoints share: "now" from the ledger's {@link Clock}, the active read models, and as-of views
 * computed from the events (the event store's histories replayed into fresh projections in memory).
 */
@Service
public class ReadSide {

    private final ReadModels models;
    private final Clock clock;
    private final MongoEventStorageEngine engine;
    private final EventReplayer replayer;
    private final Executor readParts;

    public ReadSide(ReadModels models, Clock clock, MongoEventStorageEngine engine, EventReplayer replayer,
                    @Qualifier("readParts") Executor readParts) {
        this.models = models;
        this.clock = clock;
        this.engine = engine;
        this.replayer = replayer;
        this.readParts = readParts;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /** The active read models, fixed for one answer. */
    public ReadModels.Snapshot snapshot() {
        return models.snapshot();
    }

    public <T> ReadAnswer<T> live(ReadModels.Snapshot snapshot, Instant at, T data) {
        return ReadAnswer.live(at, snapshot.generations(), data, names(snapshot.store(), at));
    }

    /**
     * The names of bodies in force on the day of {@code at} in Vietnam (by the effective dates of registrations and
     * renames in today's bodies model), found when the answer is written: one read for all the codes of a view.
     */
    private static Function<Collection<String>, Map<String, String>> names(ReadStore store, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, VietnamTimes.ZONE);
        return codes -> new BodyNames(store).on(codes, day);
    }

    /** Chain queries on a live model, the parts of a large level read side by side. */
    public ChainQueries chainQueries(ReadStore live) {
        return new ChainQueries(live, readParts);
    }

    /** As-of views over the live models (which only say which aggregates are involved). */
    public AsOfViews asOfViews(ReadStore live) {
        return new AsOfViews(live, engine::history, replayer);
    }

    public <T> ReadAnswer<T> replayed(AsOfViews.AsOf<T> result) {
        return ReadAnswer.replayed(result.asOf(), new ReadAnswer.Replay(result.aggregatesLoaded(),
                result.eventsRead(), result.eventsApplied()), result.value(),
                names(models.snapshot().store(), result.asOf()));
    }

    /** An as-of answer that must exist: {@code missing} otherwise (e.g. not yet issued at that instant). */
    public <T> ReadAnswer<T> replayed(AsOfViews.AsOf<java.util.Optional<T>> result,
                                      java.util.function.Supplier<? extends RuntimeException> missing) {
        T value = result.value().orElseThrow(missing);
        return replayed(new AsOfViews.AsOf<>(value, result.asOf(), result.aggregatesLoaded(), result.eventsRead(),
                result.eventsApplied()));
    }

    /** The events of {@code aggregateIds} up to {@code asOf}, replayed into fresh projections, then {@code query}. */
    public <R> AsOfViews.AsOf<R> replay(ReadStore live, Instant asOf, Collection<String> aggregateIds,
                                        List<Function<ReadStore, Object>> projections, Function<ReadStore, R> query) {
        return asOfViews(live).view(asOf, aggregateIds, projections, query);
    }
}

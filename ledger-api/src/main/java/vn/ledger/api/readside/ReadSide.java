package vn.ledger.api.readside;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.asof.Axes;
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
        return live(snapshot, at, null, data);
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

    /** A read-model answer on {@code axes} (null: now), for a read model that filters on them itself. */
    public <T> ReadAnswer<T> live(ReadModels.Snapshot snapshot, Instant at, Axes axes, T data) {
        return ReadAnswer.live(at, axes, snapshot.generations(), data, names(snapshot.store(), at));
    }

    /**
     * The time axes of a read from its query parameters: {@code asOf} (as recorded at that instant) and {@code onDay}
     * (the state of affairs on that business day, as known at {@code asOf} or now); null when neither is given (the
     * live read models answer). 400 {@code request.instant} / {@code request.day} for an unreadable value, 400
     * {@code request.on-day.in-future} for a day after today in Vietnam (or after the day of {@code asOf}: at that
     * instant it had not come yet).
     */
    public Axes axes(String asOf, String onDay) {
        Instant at = Instants.endOf(asOf, "asOf");
        LocalDate day = Instants.day(onDay, "onDay");
        if (day == null) {
            return at == null ? null : Axes.recordedBy(at);
        }
        LocalDate last = LocalDate.ofInstant(at != null ? at : now(), VietnamTimes.ZONE);
        if (day.isAfter(last)) {
            throw new BadRequest("request.on-day.in-future", "onDay", "onDay " + day + " is after "
                    + (at != null ? "the day of asOf, " + last + ": at that instant it had not come yet."
                    : "today, " + last + " in Vietnam: a business day read is of a day that has come."));
        }
        return new Axes(at, day);
    }

    /** Says on which axes a view was asked, for a 404's message. */
    public static String when(Axes axes) {
        if (axes == null) {
            return "";
        }
        return (axes.onDay() != null ? " on " + axes.onDay() : "")
                + (axes.recordedBy() != null ? " as recorded at " + VietnamTimes.local(axes.recordedBy()) : "");
    }

    public <T> ReadAnswer<T> replayed(AsOfViews.AsOf<T> result) {
        return ReadAnswer.replayed(result.axes(), new ReadAnswer.Replay(result.aggregatesLoaded(),
                result.eventsRead(), result.eventsApplied()), result.value(),
                names(models.snapshot().store(), result.axes().clock()));
    }

    /** An answer from the events that must exist: {@code missing} otherwise (e.g. not yet issued then). */
    public <T> ReadAnswer<T> replayed(AsOfViews.AsOf<java.util.Optional<T>> result,
                                      java.util.function.Supplier<? extends RuntimeException> missing) {
        T value = result.value().orElseThrow(missing);
        return replayed(new AsOfViews.AsOf<>(value, result.axes(), result.aggregatesLoaded(), result.eventsRead(),
                result.eventsApplied()));
    }

    /** The events of {@code aggregateIds} up to {@code asOf}, replayed into fresh projections, then {@code query}. */
    public <R> AsOfViews.AsOf<R> replay(ReadStore live, Instant asOf, Collection<String> aggregateIds,
                                        List<Function<ReadStore, Object>> projections, Function<ReadStore, R> query) {
        return replay(live, Axes.recordedBy(asOf), aggregateIds, projections, query);
    }

    /** The events of {@code aggregateIds} on {@code axes}, replayed into fresh projections, then {@code query}. */
    public <R> AsOfViews.AsOf<R> replay(ReadStore live, Axes axes, Collection<String> aggregateIds,
                                        List<Function<ReadStore, Object>> projections, Function<ReadStore, R> query) {
        return asOfViews(live).view(axes, aggregateIds, projections, query);
    }
}

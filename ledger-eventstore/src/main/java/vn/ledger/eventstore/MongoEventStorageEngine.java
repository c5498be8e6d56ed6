package vn.ledger.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.common.Assert;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Axon event storage on MongoDB through the official driver, correct without transactions and index-backed
 * even on a server that can only use a unique index for equality and {@code $in}. This class is Axon's face of
 * the store; the work is done by:
 * <ul>
 *   <li>{@link CommitAppender}: {@code events}, one document per commit ({@code _id} = its global position),
 *   whose unique indexes ({@code starts}, {@code k}, {@code ids}) carry the rules on concurrent writers,
 *   retried commands and duplicate events;</li>
 *   <li>{@link CommitPositions}: handing out positions, and closing one with an empty "tombstone" commit;</li>
 *   <li>{@link AggregateStreams}: {@code event_streams}, the derived index "aggregate#sequence" → commit, and
 *   loading an aggregate through it;</li>
 *   <li>{@link TrackingReader}: the global log for tracking processors, one {@link CommitToken} per event (equal
 *   for a whole commit: use the engine through {@link CommitTrackingEventStore}), closing gaps that outlive the
 *   gap timeout;</li>
 *   <li>{@link Snapshots}: {@code snapshots}, the latest per aggregate; {@link CommitCodec}: an event as stored.</li>
 * </ul>
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** commits appended here that tracking readers are served from memory (see {@link RecentCommits}) */
    private static final int RECENT_COMMITS = 4096;

    private final MongoCollection<Document> commits;
    private final CommitPositions positions;
    private final AggregateStreams streams;
    private final CommitAppender appender;
    private final TrackingReader tracking;
    private final Snapshots snapshots;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.commits = db.getCollection(builder.prefix + "events");
        this.positions = new CommitPositions(commits, db.getCollection(builder.prefix + "event_store_meta"),
                builder.clock);
        this.streams = new AggregateStreams(commits,
                AggregateStreams.unjournaled(db.getCollection(builder.prefix + "event_streams")), builder.aggregateBatch);
        RecentCommits recent = new RecentCommits(RECENT_COMMITS, builder.foreignCommitsInterval);
        this.appender = new CommitAppender(commits, positions, streams, recent, builder.clock, builder.beforeCommit,
                this::refused);
        this.tracking = new TrackingReader(commits, positions, recent, builder.trackingWindow, builder.gapTimeout,
                builder.clock);
        this.snapshots = new Snapshots(db.getCollection(builder.prefix + "snapshots"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Declares the indexes, all unique: they carry the correctness rules. Every read is by {@code _id} or by
     * equality on these, so no other index is needed (a token at an instant searches by position, see
     * {@link CommitsByTime}; an index on {@code at} that an earlier version declared is no longer used).
     */
    public void ensureIndexes() {
        appender.ensureIndexes();
    }

    /**
     * Makes the store whole after a crash: re-writes the stream index of the last commits (idempotent) so
     * that aggregates load every stored event without waiting for a collision to repair them.
     */
    public void recover(int lastCommits) {
        long head = positions.probeHead();
        List<Long> ids = new ArrayList<>();
        for (long p = Math.max(1, head - lastCommits + 1); p <= head; p++) {
            ids.add(p);
        }
        int repaired = 0;
        for (Document commit : commits.find(Filters.in("_id", ids))) {
            repaired += streams.writeEntries(commit);
        }
        log.info("event store at position {}; {} stream index entries restored", head, repaired);
    }

    /**
     * The position of the commit stored under an idempotency key (the metadata {@value #IDEMPOTENCY_KEY} of its
     * events), if any: the store holds at most one commit per key.
     */
    public Optional<Long> commitOf(String idempotencyKey) {
        return appender.commitOf(idempotencyKey);
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        appender.append(events, serializer);
    }

    /** Refuses through Axon's persistence exception resolver (see {@link CommitAppender.Refusal}). */
    private RuntimeException refused(Exception cause, EventMessage<?> event) {
        handlePersistenceException(cause, event); // always throws
        return new EventStoreException("could not append event " + event.getIdentifier(), cause);
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    // ---------------------------------------------------------------- aggregate streams

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return streams.eventData(identifier, firstSequenceNumber);
    }

    /** The raw stored history of one aggregate, in sequence order. */
    public List<StoredEvent> history(String aggregateId) {
        return streams.history(aggregateId);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequenceNumber(aggregateIdentifier);
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return tracking.read(trackingToken);
    }

    @Override
    public TrackingToken createHeadToken() {
        return tracking.headToken();
    }

    /** See {@link TrackingReader#tokenAt}: the token before the first commit with an event stamped at or after. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tracking.tokenAt(dateTime);
    }

    // ---------------------------------------------------------------- builder

    public static class Builder extends AbstractEventStorageEngine.Builder {
        private MongoDatabase database;
        private String prefix = "";
        private int trackingWindow = 256;
        private int aggregateBatch = 128;
        private Duration gapTimeout = Duration.ofSeconds(30);
        private Duration foreignCommitsInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private LongConsumer beforeCommit = position -> { };

        public Builder() {
            persistenceExceptionResolver(CommitAppender::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Serializer for events and snapshots alike (snapshots: see {@link #snapshotSerializer}). */
        public Builder serializer(Serializer serializer) {
            eventSerializer(serializer);
            snapshotSerializer(serializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        /** Decides which append failures are duplicates; by default a duplicate key (see {@link CommitAppender}). */
        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        /** Collection name prefix, so that several stores can share a database (tests, benchmarks). */
        public Builder collectionPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder trackingWindow(int positions) {
            Assert.isTrue(positions > 0, () -> "tracking window must be positive");
            this.trackingWindow = positions;
            return this;
        }

        public Builder aggregateBatch(int events) {
            Assert.isTrue(events > 0, () -> "aggregate batch must be positive");
            this.aggregateBatch = events;
            return this;
        }

        /** How long a reader waits for a position to fill before it closes it (the writer then moves on). */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /**
         * How long a reader at this process's head, that the server told nothing was after it, is told so again
         * without asking: commits of other processes sharing the store are seen within this interval (as the event
         * store's readers poll for them, see {@link CommitTrackingEventStore}); the process's own at once.
         */
        public Builder foreignCommitsInterval(Duration interval) {
            this.foreignCommitsInterval = interval;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Called with the position just before a commit is written; tests use it to hold a commit back. */
        public Builder beforeCommit(LongConsumer hook) {
            this.beforeCommit = hook;
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            Assert.notNull(database, () -> "the MongoDatabase is required");
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}

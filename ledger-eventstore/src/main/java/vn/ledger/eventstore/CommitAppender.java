package vn.ledger.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Appends commits to {@code events}: one document per commit (all events one unit of work appends), {@code _id} =
 * its global position. Inserting one document is atomic on every server, so a commit is all or nothing, also when
 * it creates several aggregates.
 *
 * <p>The unique indexes carry the rules. {@code starts} holds "aggregate#first sequence" for each aggregate in the
 * commit: a writer always appends right after the last commit it saw, so two writers on the same aggregate collide
 * on exactly that key, and the loser gets a {@link ConcurrencyException}. {@code k} holds the command's idempotency
 * key. Sparse {@code ids} holds the identifiers of the commit's events, so that no identifier is stored twice; a
 * tombstone, and a commit written before this field existed, have none. An identifier or an aggregate sequence
 * twice in one commit is refused before writing. Such refusals go through Axon's persistence exception resolver,
 * as in its JPA/JDBC engines (see {@link Refusal}).
 */
final class CommitAppender {

    private static final String STARTS_INDEX = "commit_starts_unique";
    private static final String KEY_INDEX = "commit_key_unique";
    private static final String IDS_INDEX = "commit_event_ids_unique";
    private static final int MAX_POSITION_RETRIES = 1_000;

    /**
     * Refuses an event the store must not accept twice (its identifier, or its aggregate sequence within one
     * commit) as Axon's own engines refuse it: the engine's persistence exception resolver (by default {@link
     * #isDuplicateKey}) decides between {@code AggregateStreamCreationException} (the event would start its
     * aggregate), {@link ConcurrencyException}, and {@link EventStoreException}. A conflict with another commit on
     * an aggregate's sequence keeps its own answer (see {@link #append}).
     */
    @FunctionalInterface
    interface Refusal {
        RuntimeException refuse(Exception cause, EventMessage<?> event);
    }

    private final MongoCollection<Document> commits;
    private final CommitPositions positions;
    private final AggregateStreams streams;
    private final Clock clock;
    private final LongConsumer beforeCommit;
    private final Refusal refusal;
    private final RecentCommits recent;

    CommitAppender(MongoCollection<Document> commits, CommitPositions positions, AggregateStreams streams,
                   RecentCommits recent, Clock clock, LongConsumer beforeCommit, Refusal refusal) {
        this.recent = recent;
        this.commits = commits;
        this.positions = positions;
        this.streams = streams;
        this.clock = clock;
        this.beforeCommit = beforeCommit;
        this.refusal = refusal;
    }

    /** Declares the unique indexes of {@code starts}, {@code k} and (sparse) {@code ids}. */
    void ensureIndexes() {
        commits.createIndex(Indexes.ascending("starts"), new IndexOptions().unique(true).name(STARTS_INDEX));
        commits.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true).name(KEY_INDEX));
        // sparse: tombstones and commits stored before event identifiers were indexed have no "ids"
        commits.createIndex(Indexes.ascending("ids"), new IndexOptions().unique(true).sparse(true).name(IDS_INDEX));
    }

    /** The position of the commit stored under an idempotency key: an equality on the unique {@code k}. */
    Optional<Long> commitOf(String idempotencyKey) {
        Document commit = commits.find(Filters.eq("k", idempotencyKey)).projection(Projections.include("_id"))
                .first();
        return commit == null ? Optional.empty() : Optional.of(commit.getLong("_id"));
    }

    /** Appends the events as one commit, at the next free position. */
    void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> eventDocs = new ArrayList<>(events.size());
        List<String> ids = new ArrayList<>(events.size());
        Set<String> distinctIds = new HashSet<>();
        Set<String> streamKeys = new HashSet<>();
        Map<String, Long> firstSequence = new LinkedHashMap<>();
        String key = null;
        for (EventMessage<?> event : events) {
            // a unique index cannot see two equal keys inside one document: a commit is checked here, before writing
            if (!distinctIds.add(event.getIdentifier())) {
                throw refusal.refuse(new DuplicateInCommit("event identifier " + event.getIdentifier()
                        + " occurs twice in one commit"), event);
            }
            ids.add(event.getIdentifier());
            eventDocs.add(CommitCodec.toDocument(event, serializer));
            if (event instanceof DomainEventMessage<?> domainEvent) {
                String streamKey = AggregateStreams.streamKey(domainEvent.getAggregateIdentifier(),
                        domainEvent.getSequenceNumber());
                if (!streamKeys.add(streamKey)) {
                    throw refusal.refuse(new DuplicateInCommit("aggregate sequence " + streamKey
                            + " occurs twice in one commit"), event);
                }
                firstSequence.putIfAbsent(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            }
            if (key == null && event.getMetaData().get(MongoEventStorageEngine.IDEMPOTENCY_KEY) instanceof String k
                    && !k.isBlank()) {
                key = k;
            }
        }
        List<String> starts = new ArrayList<>();
        firstSequence.forEach((aggregate, seq) -> starts.add(AggregateStreams.streamKey(aggregate, seq)));

        for (int attempt = 0; ; attempt++) {
            long position = positions.next();
            recent.appending(position);
            boolean stored = false;
            try {
                beforeCommit.accept(position);
                Document commit = new Document("_id", position)
                        .append("at", Date.from(clock.instant()))
                        .append("k", key != null ? key : "@" + position)
                        .append("starts", starts.isEmpty() ? List.of("@" + position) : starts)
                        .append("ids", ids)
                        .append("ev", eventDocs);
                try {
                    commits.insertOne(commit);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        positions.close(position);
                        throw new EventStoreException("could not append " + events.size() + " events", e);
                    }
                    String message = String.valueOf(e.getError().getMessage());
                    if (message.contains(STARTS_INDEX) || message.contains(KEY_INDEX) || message.contains(IDS_INDEX)) {
                        positions.close(position);
                        // a retry of a stored command may collide on several indexes, and the server names only one:
                        // the idempotency key decides, so that a retry is answered as already done, not as a conflict
                        Document earlier = key == null ? null : commits.find(Filters.eq("k", key)).first();
                        if (earlier != null) {
                            streams.writeEntries(earlier);
                            throw new DuplicateCommandException(key, earlier.getLong("_id"));
                        }
                        if (message.contains(IDS_INDEX)) {
                            throw refusal.refuse(e, alreadyStored(events, ids));
                        }
                        streams.repair(starts);
                        // no cause attached: the driver's exception is not transient, and Axon's retry scheduler
                        // would then refuse to retry what is an ordinary, retryable conflict
                        throw new ConcurrencyException("another command appended to the same aggregate first ("
                                + String.join(", ", starts) + "): " + message);
                    }
                    // the position was taken: by another instance, or closed by a reader that gave up waiting
                    if (attempt >= MAX_POSITION_RETRIES) {
                        throw new EventStoreException("no free position after " + attempt + " attempts", e);
                    }
                    positions.resync(position);
                    continue;
                } catch (MongoException e) {
                    positions.close(position);
                    throw new EventStoreException("could not append " + events.size() + " events", e);
                }
                stored = true;
                streams.writeEntries(commit);
                positions.committed(position);
                return;
            } finally {
                // readers are served the commit from memory from now on, or ask the server again
                recent.appended(position, stored ? eventDocs : null);
            }
        }
    }

    /** The first of these events whose identifier a stored commit holds; the first event if none is found. */
    private EventMessage<?> alreadyStored(List<? extends EventMessage<?>> events, List<String> ids) {
        Set<String> stored = new HashSet<>();
        for (Document holder : commits.find(Filters.in("ids", ids)).projection(new Document("ids", 1))) {
            stored.addAll(holder.getList("ids", String.class));
        }
        for (EventMessage<?> event : events) {
            if (stored.contains(event.getIdentifier())) {
                return event;
            }
        }
        return events.get(0);
    }

    /** The default persistence exception resolver: a duplicate key on the server, or found before writing. */
    static boolean isDuplicateKey(Exception e) {
        return e instanceof DuplicateInCommit
                || e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** A key that must be unique occurs twice in the events of one commit; nothing was written. */
    static final class DuplicateInCommit extends RuntimeException {
        DuplicateInCommit(String message) {
            super(message);
        }
    }
}

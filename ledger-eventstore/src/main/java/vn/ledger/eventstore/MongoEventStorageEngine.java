package vn.ledger.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.Assert;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon event storage on MongoDB through the official driver, correct without transactions and index-backed
 * even on a server that can only use a unique index for equality and {@code $in}.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@code events}: one document per commit (all events one unit of work appends), {@code _id} = its
 *   global position. Inserting one document is atomic on every server, so a commit is all or nothing, also
 *   when it creates several aggregates. Unique {@code starts} holds "aggregate#first sequence" for each
 *   aggregate in the commit: a writer always appends right after the last commit it saw, so two writers on
 *   the same aggregate collide on exactly that key, and the loser gets a {@link ConcurrencyException}.
 *   Unique {@code k} holds the command's idempotency key. Unique (sparse) {@code ids} holds the identifiers of
 *   the commit's events, so that no identifier is stored twice; a tombstone, and a commit written before this
 *   field existed, have none. An identifier or an aggregate sequence twice in one commit is refused before
 *   writing. Such refusals go through Axon's persistence exception resolver, as in its JPA/JDBC engines.</li>
 *   <li>{@code event_streams}: "aggregate#sequence" → commit position, written after the commit. It is a
 *   derived index used to load an aggregate with {@code $in} on {@code _id}; a crash can leave it short by
 *   the last commit, which the next append detects (collision on {@code starts}) and repairs.</li>
 *   <li>{@code snapshots}: the latest snapshot per aggregate, {@code _id} = aggregate id.</li>
 * </ul>
 *
 * <h2>Tracking</h2>
 * Tokens are {@link GapAwareTrackingToken}s over commit positions; every event of a commit carries an equal
 * token, so a processor handles a commit in one batch (use it through {@link CommitTrackingEventStore}: Axon's
 * own store's cache would hand the rest of a commit out again). Each is a {@link CommitToken} that also names its
 * event's own {@link LogPosition} (a commit filling a gap is tracked at the highest position seen, not at its own).
 * A reader fetches its gaps and the next window of positions by {@code $in} on {@code _id}; a position missing
 * below the highest one found is a gap (a commit
 * in flight). A gap older than the gap timeout is closed by inserting an empty "tombstone" commit at that
 * position: {@code _id} uniqueness lets exactly one of tombstone and late commit win, and a writer that
 * loses its position to a tombstone simply appends again at a new one. So no event is ever skipped, however
 * long its commit is held back.
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    private static final String STARTS_INDEX = "commit_starts_unique";
    private static final String KEY_INDEX = "commit_key_unique";
    private static final String IDS_INDEX = "commit_event_ids_unique";
    private static final int MAX_POSITION_RETRIES = 1_000;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> meta;
    private final int trackingWindow;
    private final int aggregateBatch;
    private final Duration gapTimeout;
    private final Clock clock;
    private final LongConsumer beforeCommit;
    private final Positions positions = new Positions();
    private final CommitsByTime commitsByTime;
    private final Map<Long, Instant> gapFirstSeen = new ConcurrentHashMap<>();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.commits = db.getCollection(builder.prefix + "events");
        this.streams = db.getCollection(builder.prefix + "event_streams");
        this.snapshots = db.getCollection(builder.prefix + "snapshots");
        this.meta = db.getCollection(builder.prefix + "event_store_meta");
        this.trackingWindow = builder.trackingWindow;
        this.aggregateBatch = builder.aggregateBatch;
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
        this.beforeCommit = builder.beforeCommit;
        this.commitsByTime = new CommitsByTime(commits, gapTimeout, trackingWindow);
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
        commits.createIndex(Indexes.ascending("starts"), new IndexOptions().unique(true).name(STARTS_INDEX));
        commits.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true).name(KEY_INDEX));
        // sparse: tombstones and commits stored before event identifiers were indexed have no "ids"
        commits.createIndex(Indexes.ascending("ids"), new IndexOptions().unique(true).sparse(true).name(IDS_INDEX));
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
            repaired += writeStreamEntries(commit);
        }
        log.info("event store at position {}; {} stream index entries restored", head, repaired);
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
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
                throw refused(new DuplicateInCommit("event identifier " + event.getIdentifier()
                        + " occurs twice in one commit"), event);
            }
            ids.add(event.getIdentifier());
            eventDocs.add(toDocument(event, serializer));
            if (event instanceof DomainEventMessage<?> domainEvent) {
                String streamKey = streamKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
                if (!streamKeys.add(streamKey)) {
                    throw refused(new DuplicateInCommit("aggregate sequence " + streamKey
                            + " occurs twice in one commit"), event);
                }
                firstSequence.putIfAbsent(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            }
            if (key == null && event.getMetaData().get(IDEMPOTENCY_KEY) instanceof String k && !k.isBlank()) {
                key = k;
            }
        }
        List<String> starts = new ArrayList<>();
        firstSequence.forEach((aggregate, seq) -> starts.add(streamKey(aggregate, seq)));

        for (int attempt = 0; ; attempt++) {
            long position = positions.next();
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
                    tombstone(position);
                    throw new EventStoreException("could not append " + events.size() + " events", e);
                }
                String message = String.valueOf(e.getError().getMessage());
                if (message.contains(STARTS_INDEX) || message.contains(KEY_INDEX) || message.contains(IDS_INDEX)) {
                    tombstone(position);
                    // a retry of a stored command may collide on several indexes, and the server names only one:
                    // the idempotency key decides, so that a retry is answered as already done, not as a conflict
                    Document earlier = key == null ? null : commits.find(Filters.eq("k", key)).first();
                    if (earlier != null) {
                        writeStreamEntries(earlier);
                        throw new DuplicateCommandException(key, earlier.getLong("_id"));
                    }
                    if (message.contains(IDS_INDEX)) {
                        throw refused(e, alreadyStored(events, ids));
                    }
                    repairStreamsOf(starts);
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
                tombstone(position);
                throw new EventStoreException("could not append " + events.size() + " events", e);
            }
            writeStreamEntries(commit);
            positions.committed(position);
            return;
        }
    }

    /**
     * An event the store must not accept twice (its identifier, or its aggregate sequence within one commit) is
     * refused as Axon's own engines refuse it: the persistence exception resolver (by default {@link
     * #isDuplicateKey}) decides between {@code AggregateStreamCreationException} (the event would start its
     * aggregate), {@link ConcurrencyException}, and {@link EventStoreException}. A conflict with another commit on
     * an aggregate's sequence keeps its own answer (see {@code appendEvents}).
     */
    private RuntimeException refused(Exception cause, EventMessage<?> event) {
        handlePersistenceException(cause, event); // always throws
        return new EventStoreException("could not append event " + event.getIdentifier(), cause);
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

    private Document toDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document doc = new Document("id", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent) {
            doc.append("type", domainEvent.getType())
               .append("agg", domainEvent.getAggregateIdentifier())
               .append("seq", domainEvent.getSequenceNumber());
        } else {
            // as Axon's JPA/JDBC engines do: a plain event is a stream of its own
            doc.append("type", null).append("agg", event.getIdentifier()).append("seq", 0L);
        }
        return doc.append("ts", event.getTimestamp().toString())
                  .append("pt", payload.getType().getName())
                  .append("pr", payload.getType().getRevision())
                  .append("p", payload.getData())
                  .append("m", metaData.getData());
    }

    /** Writes the stream index entries of a commit; entries already there are left as they are. */
    private int writeStreamEntries(Document commit) {
        List<Document> entries = new ArrayList<>();
        long position = commit.getLong("_id");
        for (Document event : commit.getList("ev", Document.class)) {
            if (isDomainEvent(event)) {
                entries.add(new Document("_id", streamKey(event.getString("agg"), event.getLong("seq")))
                        .append("c", position));
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }
        try {
            streams.insertMany(entries, new InsertManyOptions().ordered(false));
            return entries.size();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                // the commit is stored; the next append on this aggregate collides and repairs the index
                log.warn("stream index of commit {} not fully written: {}", position, e.getMessage());
            }
            return entries.size() - e.getWriteErrors().size();
        }
    }

    private void repairStreamsOf(List<String> starts) {
        for (Document holder : commits.find(Filters.in("starts", starts))) {
            writeStreamEntries(holder);
        }
    }

    /** Closes a position with an empty commit; true when this call closed it, false when it was taken. */
    private boolean tombstone(long position) {
        try {
            commits.insertOne(new Document("_id", position)
                    .append("at", Date.from(clock.instant()))
                    .append("k", "@" + position)
                    .append("starts", List.of("@" + position))
                    .append("tomb", true)
                    .append("ev", List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            log.warn("could not close position {}: {}", position, e.getMessage());
            return false;
        } catch (MongoException e) {
            log.warn("could not close position {}: {}", position, e.getMessage());
            return false;
        }
    }

    /** A plain event (not of an aggregate) is stored as Axon's JPA/JDBC engines store it: no type, its own stream. */
    private static boolean isDomainEvent(Document event) {
        return event.getString("type") != null || !event.getString("agg").equals(event.getString("id"));
    }

    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = toDocument(snapshot, serializer);
        doc.put("_id", snapshot.getAggregateIdentifier());
        try {
            // keep only the newest: replace an older one, or insert; a newer one makes the upsert collide
            snapshots.replaceOne(Filters.and(Filters.eq("_id", snapshot.getAggregateIdentifier()),
                            Filters.lt("seq", snapshot.getSequenceNumber())),
                    doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("could not store snapshot", e);
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(toDomainEventData(doc));
    }

    // ---------------------------------------------------------------- aggregate streams

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return located(identifier, firstSequenceNumber).map(l -> toDomainEventData(l.event));
    }

    /** The raw stored history of one aggregate, in sequence order. */
    public List<StoredEvent> history(String aggregateId) {
        return located(aggregateId, 0).map(l -> toStoredEvent(l.position, l.index, l.event)).toList();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return located(aggregateIdentifier, 0).reduce((a, b) -> b).map(l -> l.event.getLong("seq"));
    }

    private record Located(long position, int index, Document event) {
    }

    private Stream<Located> located(String aggregateId, long firstSequence) {
        Spliterator<Located> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private final Deque<Located> buffer = new ArrayDeque<>();
            private long next = firstSequence;
            private boolean done;
            // most loads start from a snapshot or a short stream: ask for a few keys first, then more
            private int size = Math.min(32, aggregateBatch);

            @Override
            public boolean tryAdvance(Consumer<? super Located> action) {
                if (buffer.isEmpty() && !done) {
                    fill();
                }
                Located item = buffer.poll();
                if (item == null) {
                    return false;
                }
                action.accept(item);
                return true;
            }

            private void fill() {
                List<String> keys = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    keys.add(streamKey(aggregateId, next + i));
                }
                Set<Long> positionsFound = new HashSet<>();
                int entries = 0;
                for (Document entry : streams.find(Filters.in("_id", keys))) {
                    positionsFound.add(entry.getLong("c"));
                    entries++;
                }
                if (positionsFound.isEmpty()) {
                    done = true;
                    return;
                }
                List<Located> batch = new ArrayList<>();
                for (Document commit : commits.find(Filters.in("_id", new ArrayList<>(positionsFound)))) {
                    List<Document> events = commit.getList("ev", Document.class);
                    for (int i = 0; i < events.size(); i++) {
                        Document event = events.get(i);
                        // a commit gives all its events of this aggregate, even where the index is short
                        if (aggregateId.equals(event.getString("agg")) && event.getLong("seq") >= next
                                && isDomainEvent(event)) {
                            batch.add(new Located(commit.getLong("_id"), i, event));
                        }
                    }
                }
                batch.sort(Comparator.comparingLong(l -> l.event.getLong("seq")));
                buffer.addAll(batch);
                long last = batch.isEmpty() ? next - 1 : batch.get(batch.size() - 1).event.getLong("seq");
                done = entries < size || batch.isEmpty();
                next = last + 1;
                size = Math.min(size * 2, aggregateBatch);
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        Assert.isTrue(trackingToken == null || trackingToken instanceof GapAwareTrackingToken,
                () -> "Unsupported token format: " + trackingToken);
        GapAwareTrackingToken start = trackingToken == null
                ? GapAwareTrackingToken.newInstance(0, Collections.emptySet())
                : (GapAwareTrackingToken) trackingToken;
        Spliterator<TrackedEventData<?>> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private final Deque<TrackedEventData<?>> buffer = new ArrayDeque<>();
            private GapAwareTrackingToken cursor = start;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
                if (buffer.isEmpty() && !done) {
                    Batch batch = fetchTracked(cursor);
                    buffer.addAll(batch.events);
                    cursor = batch.cursor;
                    done = batch.events.isEmpty();
                }
                TrackedEventData<?> item = buffer.poll();
                if (item == null) {
                    return false;
                }
                action.accept(item);
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    private record Batch(List<TrackedEventData<?>> events, GapAwareTrackingToken cursor) {
    }

    /** Reads the token's gaps and the next window(s) of positions, until events are found or none are left. */
    private Batch fetchTracked(GapAwareTrackingToken token) {
        long index = token.getIndex();
        SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
        List<TrackedEventData<?>> out = new ArrayList<>();
        for (int round = 0; round < 64; round++) {
            long before = index;
            List<Long> ids = new ArrayList<>(gaps.size() + trackingWindow);
            ids.addAll(gaps);
            for (long p = index + 1; p <= index + trackingWindow; p++) {
                ids.add(p);
            }
            TreeMap<Long, Document> found = new TreeMap<>();
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                found.put(commit.getLong("_id"), commit);
            }
            for (Map.Entry<Long, Document> entry : found.entrySet()) {
                long position = entry.getKey();
                if (position > index) {
                    for (long p = index + 1; p < position; p++) {
                        gaps.add(p);
                    }
                    index = position;
                } else {
                    gaps.remove(position);
                }
                gapFirstSeen.remove(position);
                GapAwareTrackingToken at = GapAwareTrackingToken.newInstance(index, gaps);
                List<Document> events = entry.getValue().getList("ev", Document.class);
                for (int i = 0; i < events.size(); i++) {
                    // equal tokens for the whole commit (one batch), each telling its event's own place in the log
                    Document event = events.get(i);
                    out.add(new TrackedDomainEventData<>(CommitToken.of(at, position, i),
                            isDomainEvent(event) ? toDomainEventData(event) : toPlainEventData(event)));
                }
            }
            closeExpiredGaps(gaps);
            if (!out.isEmpty()) {
                break;
            }
            if (index > before) {
                continue; // stepped over tombstones only: read on
            }
            // a window with nothing in it while this process has written beyond it: abandoned or very slow
            // commits; step over them as gaps, which the timeout closes if they never fill
            if (positions.knownHead() > index + trackingWindow) {
                for (long p = index + 1; p <= index + trackingWindow; p++) {
                    gaps.add(p);
                }
                index += trackingWindow;
                continue;
            }
            break;
        }
        return new Batch(out, GapAwareTrackingToken.newInstance(index, gaps));
    }

    private void closeExpiredGaps(SortedSet<Long> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Long gap : new ArrayList<>(gaps)) {
            Instant firstSeen = gapFirstSeen.computeIfAbsent(gap, g -> now);
            if (Duration.between(firstSeen, now).compareTo(gapTimeout) >= 0 && tombstone(gap)) {
                log.warn("position {} stayed empty for {}; closed it (a late writer appends again elsewhere)",
                        gap, gapTimeout);
                gaps.remove(gap);
                gapFirstSeen.remove(gap);
            }
        }
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(positions.probeHead(), Collections.emptySet());
    }

    /**
     * The token just before the first commit (in position order) holding an event whose own timestamp is at or
     * after the instant, or the head token when there is none. As everywhere, a commit is one unit: tracking from
     * this token delivers that commit whole, also its events stamped before the instant (see {@link CommitsByTime}).
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long head = positions.probeHead();
        OptionalLong first = commitsByTime.firstAtOrAfter(dateTime, head);
        return GapAwareTrackingToken.newInstance(first.isPresent() ? first.getAsLong() - 1 : head,
                Collections.emptySet());
    }

    // ---------------------------------------------------------------- mapping

    private static DomainEventData<String> toDomainEventData(Document event) {
        return new GenericDomainEventEntry<>(event.getString("type"), event.getString("agg"), event.getLong("seq"),
                event.getString("id"), event.getString("ts"), event.getString("pt"), event.getString("pr"),
                event.getString("p"), event.getString("m"));
    }

    /**
     * Axon 4.13 has no generic entry class for an event of no aggregate; as its JDBC engine does, a domain entry
     * without aggregate identifier, which Axon's upcasting turns into a plain (non-domain) message.
     */
    private static DomainEventData<String> toPlainEventData(Document event) {
        return new GenericDomainEventEntry<>(null, null, 0L, event.getString("id"), event.getString("ts"),
                event.getString("pt"), event.getString("pr"), event.getString("p"), event.getString("m"));
    }

    private static StoredEvent toStoredEvent(long position, int index, Document event) {
        return new StoredEvent(position, index, event.getString("id"), event.getString("type"),
                event.getString("agg"), event.getLong("seq"), Instant.parse(event.getString("ts")),
                event.getString("pt"), event.getString("pr"), event.getString("p"), event.getString("m"));
    }

    // ---------------------------------------------------------------- positions

    /**
     * Hands out commit positions without a round trip: the next number after the highest one known. Another
     * instance (or a reader's tombstone) taking the same number shows up as a duplicate {@code _id} and the
     * writer moves on. A hint of the head is saved now and then so a restart probes only the tail.
     */
    private final class Positions {
        private static final int PROBE_WINDOW = 512;
        private static final int HINT_EVERY = 256;
        private final AtomicLong last = new AtomicLong(-1);
        private final AtomicLong commitsSinceHint = new AtomicLong();

        long next() {
            if (last.get() < 0) {
                synchronized (this) {
                    if (last.get() < 0) {
                        last.set(probeFrom(hint()));
                    }
                }
            }
            return last.incrementAndGet();
        }

        long knownHead() {
            return last.get();
        }

        void resync(long taken) {
            long head = probeFrom(taken);
            last.accumulateAndGet(head, Math::max);
        }

        void committed(long position) {
            if (commitsSinceHint.incrementAndGet() % HINT_EVERY == 0) {
                meta.updateOne(Filters.eq("_id", "head"), Updates.max("v", position), new UpdateOptions().upsert(true));
            }
        }

        long probeHead() {
            long head = probeFrom(Math.max(hint(), 0));
            last.accumulateAndGet(head, Math::max);
            return head;
        }

        private long hint() {
            Document doc = meta.find(Filters.eq("_id", "head")).first();
            return doc == null ? 0 : ((Number) doc.get("v")).longValue();
        }

        /** The highest used position at or after {@code from}, found by windows of {@code $in} on _id. */
        private long probeFrom(long from) {
            long head = from;
            while (true) {
                List<Long> ids = new ArrayList<>(PROBE_WINDOW);
                for (long p = head + 1; p <= head + PROBE_WINDOW; p++) {
                    ids.add(p);
                }
                long max = head;
                for (Document d : commits.find(Filters.in("_id", ids)).projection(new Document("_id", 1))) {
                    max = Math.max(max, d.getLong("_id"));
                }
                if (max == head) {
                    return head;
                }
                head = max;
            }
        }
    }

    // ---------------------------------------------------------------- builder

    public static class Builder extends AbstractEventStorageEngine.Builder {
        private MongoDatabase database;
        private String prefix = "";
        private int trackingWindow = 256;
        private int aggregateBatch = 128;
        private Duration gapTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private LongConsumer beforeCommit = position -> { };

        public Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
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

        /** Decides which append failures are duplicates; by default {@link #isDuplicateKey}. */
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

package vn.ledger.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of one aggregate, in sequence order, and the stream index that finds them.
 *
 * <p>{@code event_streams}: "aggregate#sequence" → commit position, written after the commit. It is a derived
 * index used to load an aggregate with {@code $in} on {@code _id}; a crash can leave it short by the last commits,
 * which the next append detects (collision on {@code starts}) and repairs, or {@code recover} at start-up. So its
 * writes do not wait for the journal ({@link #unjournaled}): a command waits for one durable write (its commit),
 * not two.
 */
final class AggregateStreams {

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> streams;
    private final int aggregateBatch;

    AggregateStreams(MongoCollection<Document> commits, MongoCollection<Document> streams, int aggregateBatch) {
        this.commits = commits;
        this.streams = streams;
        this.aggregateBatch = aggregateBatch;
    }

    /** The collection's write concern without waiting for the journal ({@code j: false}). */
    static MongoCollection<Document> unjournaled(MongoCollection<Document> collection) {
        return collection.withWriteConcern(collection.getWriteConcern().withJournal(false));
    }

    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    Stream<DomainEventData<String>> eventData(String aggregateId, long firstSequence) {
        return located(aggregateId, firstSequence).map(l -> CommitCodec.toDomainEventData(l.event));
    }

    /** The raw stored history of one aggregate, in sequence order. */
    List<StoredEvent> history(String aggregateId) {
        return located(aggregateId, 0).map(l -> CommitCodec.toStoredEvent(l.position, l.index, l.event)).toList();
    }

    Optional<Long> lastSequenceNumber(String aggregateId) {
        return located(aggregateId, 0).reduce((a, b) -> b).map(l -> l.event.getLong("seq"));
    }

    // ---------------------------------------------------------------- the index

    /** Writes the stream index entries of a commit; entries already there are left as they are. */
    int writeEntries(Document commit) {
        List<Document> entries = new ArrayList<>();
        long position = commit.getLong("_id");
        for (Document event : commit.getList("ev", Document.class)) {
            if (CommitCodec.isDomainEvent(event)) {
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

    /** Re-writes the index entries of the commits holding any of these {@code starts} keys. */
    void repair(List<String> starts) {
        for (Document holder : commits.find(Filters.in("starts", starts))) {
            writeEntries(holder);
        }
    }

    // ---------------------------------------------------------------- reading

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
                                && CommitCodec.isDomainEvent(event)) {
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
}

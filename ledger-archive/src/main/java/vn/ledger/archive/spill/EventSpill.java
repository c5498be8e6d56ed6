package vn.ledger.archive.spill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The exported events of the aggregates an export is about, sorted on disk by document, aggregate and sequence
 * (an external merge sort: runs of a bounded size sorted in the heap and written out, then merged), so that the
 * heap holds one run's worth however many events are exported. After {@link #sort}, a document's histories are
 * read back together by the offset noted for it, one entry per document. Its files are deleted on close.
 */
public final class EventSpill implements AutoCloseable {

    private static final int FAN_IN = 64;
    private static final int BUFFER = 1 << 16;

    private final Path dir;
    private final long runBytes;
    private final List<Path> runs = new ArrayList<>();
    private final List<SpilledEvent> buffer = new ArrayList<>();
    private long buffered;
    private Path merged;
    private final Map<String, Long> offsets = new HashMap<>();
    private FileChannel reader;
    private int files;

    /** @param runBytes about how much heap a sorted run may hold before it is written out */
    public EventSpill(Path tempDir, long runBytes) throws IOException {
        Files.createDirectories(tempDir);
        this.dir = Files.createTempDirectory(tempDir, "spill-");
        this.runBytes = runBytes;
    }

    public void add(SpilledEvent event) {
        if (merged != null) {
            throw new IllegalStateException("the spill is sorted already");
        }
        buffer.add(event);
        buffered += event.heapBytes();
        if (buffered >= runBytes) {
            try {
                writeRun();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Merges the runs into one file in order, handing every event to {@code each} as it is written (the tallies are
     * counted there, an aggregate's events being consecutive) and noting where each document starts.
     */
    public void sort(Consumer<SpilledEvent> each) throws IOException {
        if (merged != null) {
            throw new IllegalStateException("the spill is sorted already");
        }
        writeRun();
        while (runs.size() > FAN_IN) {
            List<Path> next = new ArrayList<>();
            for (int i = 0; i < runs.size(); i += FAN_IN) {
                Path out = newFile();
                merge(runs.subList(i, Math.min(runs.size(), i + FAN_IN)), out, null);
                next.add(out);
            }
            runs.clear();
            runs.addAll(next);
        }
        merged = newFile();
        merge(runs, merged, each);
        runs.clear();
        reader = FileChannel.open(merged, StandardOpenOption.READ);
    }

    /** The documents the spill holds events of, by key (empty: aggregates of no document). */
    public int documents() {
        return offsets.size();
    }

    /**
     * The events filed under a document, in order (its own, then each task's, each by sequence); only
     * {@code withPayload}'s carry their payload (null: all do). Empty when none were spilled.
     */
    public List<SpilledEvent> document(String docKey, String withPayload) throws IOException {
        return read(docKey, withPayload, e -> true, e -> false);
    }

    /**
     * The events of one aggregate filed under a document, in order, read no further than it: aggregates lie sorted
     * under their document, and a directive's own id sorts before its tasks' ({@code id/...}), so the metadata's
     * read of a document stops before its tasks. Empty when none were spilled.
     */
    public List<SpilledEvent> aggregate(String docKey, String aggregateId) throws IOException {
        return read(docKey, aggregateId, e -> e.aggregateId().equals(aggregateId),
                e -> e.aggregateId().compareTo(aggregateId) > 0);
    }

    /** The events filed under a document from its start, those {@code keep} accepts, until one is {@code past}. */
    private List<SpilledEvent> read(String docKey, String withPayload, Predicate<SpilledEvent> keep,
                                    Predicate<SpilledEvent> past) throws IOException {
        Long at = offsets.get(docKey);
        List<SpilledEvent> out = new ArrayList<>();
        if (at == null) {
            return out;
        }
        reader.position(at);
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(reader), BUFFER));
        while (true) {
            SpilledEvent e;
            try {
                e = SpilledEvent.readUnless(in, withPayload);
            } catch (EOFException end) {
                return out;
            }
            if (!e.docKey().equals(docKey) || past.test(e)) {
                return out;
            }
            if (keep.test(e)) {
                out.add(e);
            }
        }
    }

    private void writeRun() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(SpilledEvent.ORDER);
        Path run = newFile();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), BUFFER))) {
            for (SpilledEvent e : buffer) {
                e.write(out);
            }
        }
        runs.add(run);
        buffer.clear();
        buffered = 0;
    }

    /** One k-way merge; the final one notes documents' offsets and hands each event on. Its inputs are deleted. */
    private void merge(List<Path> inputs, Path output, Consumer<SpilledEvent> each) throws IOException {
        List<DataInputStream> streams = new ArrayList<>();
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.event, SpilledEvent.ORDER));
        try (CountingOutput counting = new CountingOutput(Files.newOutputStream(output));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(counting, BUFFER))) {
            for (Path input : inputs) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(input), BUFFER));
                streams.add(in);
                Head h = new Head(in);
                if (h.advance()) {
                    heads.add(h);
                }
            }
            String doc = null;
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                SpilledEvent e = h.event;
                if (each != null && !e.docKey().equals(doc)) {
                    out.flush();
                    offsets.put(e.docKey(), counting.count);
                    doc = e.docKey();
                }
                e.write(out);
                if (each != null) {
                    each.accept(e);
                }
                if (h.advance()) {
                    heads.add(h);
                }
            }
        } finally {
            for (DataInputStream in : streams) {
                in.close();
            }
            for (Path input : inputs) {
                Files.deleteIfExists(input);
            }
        }
    }

    private Path newFile() {
        return dir.resolve("run-" + (files++));
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        try (var all = Files.list(dir)) {
            for (Path p : all.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** One run's reader and the event it is at. */
    private static final class Head {
        private final DataInputStream in;
        private SpilledEvent event;

        Head(DataInputStream in) {
            this.in = in;
        }

        boolean advance() throws IOException {
            try {
                event = SpilledEvent.read(in);
                return true;
            } catch (EOFException end) {
                event = null;
                return false;
            }
        }
    }

    /** Counts the bytes written, for the documents' offsets. */
    private static final class CountingOutput extends java.io.FilterOutputStream {
        long count;

        CountingOutput(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

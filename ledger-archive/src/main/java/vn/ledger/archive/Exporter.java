package vn.ledger.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ledger.archive.bag.BagWriter;
import vn.ledger.archive.bag.OrderedBag;
import vn.ledger.archive.records.Facts;
import vn.ledger.archive.records.Histories;
import vn.ledger.archive.records.Records;
import vn.ledger.archive.report.CascadeReport;
import vn.ledger.archive.spill.DiskMap;
import vn.ledger.archive.spill.EventSpill;
import vn.ledger.archive.spill.SpilledEvent;
import vn.ledger.archive.tree.ProofTree;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.LeafEvent;
import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.StoredCommit;
import vn.ledger.eventstore.StoredEvent;
import vn.ledger.verify.BundleFormat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes one archival bundle (see {@link BundleFormat}) while reading the log once, in position order: every commit
 * of the longest gap-free prefix is hashed into a tree kept on disk, the selected ones are written as lines at once;
 * then the tree's checkpoint is signed, a proof is written for every exported commit, and the documents' metadata
 * and report are written from their aggregates' histories, one document at a time. The events of the aggregates the
 * export is about are filed under their document in a spill sorted on disk (the per-aggregate counts are written
 * as it is merged, the report reads a document's histories back from it), so the heap holds a window of the log, a
 * sorted run and two ids per document, however many events and aggregates are exported. After the log pass the bag
 * is written on a thread of its own ({@link OrderedBag}): the proofs there while this thread sorts the spill and
 * writes the metadata, then the report's volumes, each rendered there while this thread lays out the next; the
 * bundle's files and their order are the same as written one after the other.
 */
public final class Exporter {

    private static final Logger log = LoggerFactory.getLogger(Exporter.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final CommitLog commits;
    private final CheckpointSigning signing;
    private final Path tempDir;
    private final Clock clock;
    private final Duration logEvery;
    private final long spillRunBytes;

    public Exporter(CommitLog commits, CheckpointSigning signing, Path tempDir, Clock clock, Duration logEvery) {
        this(commits, signing, tempDir, clock, logEvery, DEFAULT_SPILL_RUN_BYTES);
    }

    /** @param spillRunBytes about how much heap a sorted run of the spill holds before it is written to disk */
    public Exporter(CommitLog commits, CheckpointSigning signing, Path tempDir, Clock clock, Duration logEvery,
                    long spillRunBytes) {
        this.commits = commits;
        this.signing = signing;
        this.tempDir = tempDir;
        this.clock = clock;
        this.logEvery = logEvery;
        this.spillRunBytes = spillRunBytes;
    }

    /** 8 MB of events a sorted run: a few dozen runs for a national export, merged in one pass. */
    public static final long DEFAULT_SPILL_RUN_BYTES = 8L << 20;

    /** Report volumes handed to the bag's thread and not yet written: one rendering, one waiting. */
    static final int VOLUMES_IN_FLIGHT = 2;

    /** Who asks, for bag-info and the file's creator. */
    public record Requester(String username, String fullName, String position, String bodyCode) {
    }

    /** What an export wrote. */
    public record Summary(long treeSize, String rootHash, long commits, long events, int aggregates, int documents,
                          int reportVolumes, String checkpoint, String verifierKey) {
    }

    public Summary export(ExportScope scope, Requester requester, String exportId, OutputStream out,
                          Consumer<ExportProgress> progress) throws IOException {
        Files.createDirectories(tempDir);
        try (Selection selection = Selection.of(scope)) {
            return export(selection, scope, requester, exportId, out, progress);
        }
    }

    private Summary export(Selection selection, ExportScope scope, Requester requester, String exportId,
                           OutputStream out, Consumer<ExportProgress> progress) throws IOException {
        long head = commits.head();
        Progress meter = new Progress(progress, head);
        meter.phase("selecting");
        selection.prepare(commits, head, tempDir);
        Path exported = Files.createTempFile(tempDir, "leaves-", ".bin");
        Outline outline = new Outline();
        long[] counts = new long[2];
        try (ProofTree.Builder builder = ProofTree.builder(tempDir);
             EventSpill spill = new EventSpill(tempDir, spillRunBytes);
             DiskMap bodies = DiskMap.open(tempDir, "bodies", 1);
             BagWriter bag = new BagWriter(out, "ledger-" + scope.slug());
             // the bag is written on a thread of its own, in the order files are handed to it: the events' lines
             // deflated and digested there as this thread reads the log; then the proofs there while this thread
             // sorts the spill and spools the aggregates and the metadata; then the report's volumes rendered and
             // stored there while this thread lays out the next
             OrderedBag ordered = new OrderedBag(bag, tempDir, VOLUMES_IN_FLIGHT)) {
            Map<String, String> bodyNames = bodies.map(); // on disk: one entry per body of the country
            meter.phase("reading the log");
            try (DataOutputStream leaves = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(exported), 1 << 16));
                 OutputStream events = ordered.streamed("events.jsonl");
                 JsonGenerator json = JSON.createGenerator(events, JsonEncoding.UTF8)) {
                // the tree covers the gap-free prefix only: the read stops at the first missing position
                ReadAhead.read(commits, 1, head, commit -> {
                    for (StoredEvent event : commit.events()) {
                        if ("Body".equals(event.aggregateType())) {
                            BodyNames.see(event, bodyNames);
                        }
                    }
                    // each payload encoded once, for the hash, the line and the spill
                    byte[][] payloads = utf8Payloads(commit);
                    CommitLeaf leaf = leafOf(commit);
                    byte[] hash = leaf.leafHash(payloads);
                    builder.add(hash);
                    if (selection.take(commit)) {
                        try {
                            BundleFormat.writeCommit(json, leaf, hash, payloads);
                            json.writeRaw('\n');
                            leaves.writeLong(leaf.leafIndex());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        counts[0]++;
                        List<StoredEvent> inCommit = commit.events();
                        for (int i = 0; i < inCommit.size(); i++) {
                            StoredEvent event = inCommit.get(i);
                            counts[1]++;
                            if (selection.member(event)) {
                                String doc = Selection.documentOf(event);
                                spill.add(SpilledEvent.of(doc == null ? "" : doc, event,
                                        doc != null ? payloads[i] : null));
                                outline.see(event);
                            }
                        }
                    }
                    meter.read(counts[1]);
                });
            }
            try (ProofTree tree = builder.build()) {
                byte[] root = tree.root(); // once here: the tree remembers hashes as proofs ask, on the bag's thread
                Checkpoint checkpoint = new Checkpoint(signing.origin(), tree.size(), root);
                String note = signing.sign(checkpoint).format();
                byte[] noteBytes = note.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ordered.run(b -> b.payload("checkpoint.txt", noteBytes));
                int aggregates;
                List<Outline.Doc> docs;
                int volumes;
                try {
                    meter.proofs(counts[0]);
                    ordered.run(b -> writeProofs(b, tree, exported, counts[0], meter::proved));
                    meter.phase("sorting the spill");
                    try (OutputStream a = ordered.payload("aggregates.jsonl");
                         JsonGenerator json = JSON.createGenerator(a, JsonEncoding.UTF8)) {
                        AggregateCounts tallies = new AggregateCounts(json);
                        spill.sort(tallies::see);
                        aggregates = tallies.finish();
                    }
                    meter.phase("writing metadata");
                    docs = outline.inCascadeOrder();
                    Facts facts = new Facts(new Histories(commits, spill), bodyNames);
                    new Records(facts, clock).write(ordered, docs, scope, requester, exportId,
                            done -> meter.part(60, 70, done, docs.size()));
                    meter.phase("writing the report");
                    volumes = new CascadeReport(facts, clock).write(ordered, docs, scope, requester, exportId,
                            tree.size(), Base64.getEncoder().encodeToString(root),
                            done -> meter.part(70, 100, done, docs.size()));
                    meter.phase("finishing the bag");
                    ordered.finish();
                } finally {
                    ordered.close(); // the bag's thread stops before the tree it reads proofs from is closed
                }
                Map<String, String> info = new LinkedHashMap<>();
                info.put("Source-Organization", "Directive Ledger");
                info.put("Bagging-Date", clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
                info.put("External-Identifier", exportId);
                info.put("External-Description", scope.describe());
                info.put("Contact-Name", requester.fullName() + " (" + requester.username() + ")");
                info.put("Ledger-Checkpoint-Origin", signing.origin());
                info.put("Ledger-Tree-Size", Long.toString(tree.size()));
                info.put("Ledger-Root-Hash", Base64.getEncoder().encodeToString(root));
                info.put("Ledger-Verifier-Key", signing.verifierKey());
                info.put("Ledger-Exported-Commits", Long.toString(counts[0]));
                info.put("Ledger-Exported-Events", Long.toString(counts[1]));
                bag.finish(info);
                meter.done();
                return new Summary(tree.size(), Hashes.hex(root), counts[0], counts[1], aggregates,
                        docs.size(), volumes, note, signing.verifierKey());
            }
        } finally {
            Files.deleteIfExists(exported);
        }
    }

    /** On the bag's thread, telling {@code proved} how many are written (the later phases run meanwhile). */
    private static void writeProofs(BagWriter bag, ProofTree tree, Path exported, long total,
                                    java.util.function.LongConsumer proved) throws IOException {
        try (DataInputStream leaves = new DataInputStream(new BufferedInputStream(Files.newInputStream(exported)));
             OutputStream p = bag.payload("proofs.jsonl");
             JsonGenerator json = JSON.createGenerator(p, JsonEncoding.UTF8)) {
            for (long i = 0; i < total; i++) {
                long leaf = leaves.readLong();
                BundleFormat.writeProof(json, leaf, tree.size(), tree.inclusion(leaf));
                json.writeRaw('\n');
                proved.accept(i + 1);
            }
        } catch (EOFException e) {
            throw new IllegalStateException("the list of exported leaves is short", e);
        }
    }

    /** Each event's payload in UTF-8 (null where it has none), in the commit's order. */
    static byte[][] utf8Payloads(StoredCommit commit) {
        List<StoredEvent> events = commit.events();
        byte[][] out = new byte[events.size()][];
        for (int i = 0; i < out.length; i++) {
            String payload = events.get(i).payloadJson();
            out[i] = payload == null ? null : payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return out;
    }

    /** The commit as the leaf hash covers it: its position and each event's stored fields. */
    public static CommitLeaf leafOf(StoredCommit commit) {
        if (commit.tombstone()) {
            return CommitLeaf.tombstoneAt(commit.position());
        }
        List<LeafEvent> events = new ArrayList<>(commit.events().size());
        for (StoredEvent e : commit.events()) {
            events.add(new LeafEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequenceNumber(),
                    e.payloadType(), e.payloadRevision(), Timestamps.iso(e.timestamp()), e.payloadJson(),
                    e.metaDataJson()));
        }
        return CommitLeaf.commit(commit.position(), events);
    }

    /**
     * Reports and logs progress: at most every {@code logEvery} in the log, at every 1,000 commits or proofs to the
     * caller. The proofs are counted on the bag's thread, the rest on the export's: a report is made under a lock.
     */
    private final class Progress {
        private final Consumer<ExportProgress> listener;
        private final long total;
        private final long start = System.nanoTime();
        private long lastLog = start;
        private long read;
        private long exported;
        private volatile double partPercent = -1;
        private volatile String phase = "starting";
        private volatile boolean proofsStarted;
        private volatile long proofsTotal;
        private volatile long proofsWritten;

        Progress(Consumer<ExportProgress> listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void phase(String name) {
            phase = name;
            publish(true);
        }

        /** Progress inside a later phase, as a share of the whole (60..100): the log read is 55%, the proofs 5%. */
        void part(double from, double to, long done, long of) {
            partPercent = from + (to - from) * (of == 0 ? 1 : (double) done / of);
            if (done % 50 == 0 || done == of) {
                publish(false);
            }
        }

        /** The proofs phase begins, on the bag's thread, while this one goes on with the later phases. */
        void proofs(long total) {
            proofsTotal = total;
            proofsStarted = true;
            phase("writing proofs");
        }

        /** On the bag's thread. */
        void proved(long written) {
            proofsWritten = written;
            if (written % 1000 == 0 || written == proofsTotal) {
                publish(written == proofsTotal);
            }
        }

        void read(long eventsExported) {
            read++;
            exported = eventsExported;
            if (read % 1000 == 0 || read == total) {
                publish(false);
            }
        }

        void done() {
            phase = "done";
            partPercent = 100;
            publish(true);
        }

        private synchronized void publish(boolean force) {
            long commitsRead = read;
            long now = System.nanoTime();
            ExportProgress p = ExportProgress.of(phase, commitsRead, total, exported, proofsStarted, proofsWritten,
                    proofsTotal, start, now, partPercent);
            listener.accept(p);
            if (force || now - lastLog >= logEvery.toNanos()) {
                lastLog = now;
                log.info("export {}", p);
            }
        }
    }
}

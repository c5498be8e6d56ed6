package vn.ledger.eventstore.proof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.CompactRange;
import vn.ledger.core.proof.LeafEvent;
import vn.ledger.core.proof.MerkleTree;
import vn.ledger.core.proof.NoteVerifier;
import vn.ledger.core.proof.SignedNote;
import vn.ledger.eventstore.proof.VerifyReport.CheckpointCheck;
import vn.ledger.eventstore.proof.VerifyReport.Kind;
import vn.ledger.eventstore.proof.VerifyReport.Problem;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Re-reads the whole log in position order and recomputes every leaf from the stored content. A stored hash is never
 * taken as the truth about content: the kept leaf hashes are only the record of what the tree took in, and that record
 * is itself checked against the signed checkpoints. Reports the first position whose content (recomputed leaf ≠ kept
 * leaf), presence (an empty position below the head, or a log ending before what the tree or a checkpoint covers) or
 * order (an aggregate's sequence) does not match; and for every kept checkpoint, its signature, its root against the
 * recomputed one, and the kept tree's consistency proof from it to the current tree head.
 */
public final class LogVerifier {

    private static final int WINDOW = 512;
    private static final int PROBE_WINDOWS = 8;

    /** Told how far verification has got: the position reached and the last one it will read. */
    @FunctionalInterface
    public interface Progress {
        void at(long position, long end);
    }

    private final MongoCollection<Document> commits;
    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final NoteVerifier key;
    private final LongSupplier head;
    private final Clock clock;

    /** {@code head}: the highest position stored as the engine knows it, used for the progress only. */
    public LogVerifier(MongoDatabase database, String prefix, Checkpoints checkpoints, NoteVerifier key,
                       LongSupplier head, Clock clock) {
        this.commits = database.getCollection(prefix + "events");
        this.tree = checkpoints.tree();
        this.checkpoints = checkpoints;
        this.key = key;
        this.head = head;
        this.clock = clock;
    }

    public VerifyReport verify(Progress progress) {
        Instant started = clock.instant();
        long treeSize = tree.size();
        List<StoredCheckpoint> kept = checkpoints.all();
        long claimed = Math.max(treeSize, kept.isEmpty() ? 0 : kept.get(kept.size() - 1).size());
        long end = Math.max(head.getAsLong(), claimed);

        Set<Long> sizes = new HashSet<>();
        kept.forEach(c -> sizes.add(c.size()));
        Map<Long, byte[]> rootsAt = new HashMap<>();
        Scan scan = new Scan(treeSize);
        CompactRange recomputed = new CompactRange();
        if (sizes.contains(0L)) {
            rootsAt.put(0L, recomputed.root());
        }
        long from = CommitLeaf.FIRST_POSITION;
        scanning:
        while (true) {
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long p = from; p < from + WINDOW; p++) {
                ids.add(p);
            }
            Map<Long, Document> found = new HashMap<>();
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                found.put(((Number) commit.get("_id")).longValue(), commit);
            }
            for (long p : ids) {
                Document commit = found.get(p);
                if (commit == null) {
                    // nothing after an empty position can be placed in the tree: the scan ends here
                    if (anythingAfter(p)) {
                        scan.problem(new Problem(p, Kind.MISSING, "position " + p + " is empty while later ones are"
                                + " not: a commit was deleted, or is still being written"));
                    } else if (p <= claimed) {
                        scan.problem(new Problem(p, Kind.TRUNCATED, "the log ends at position " + (p - 1) + ", but "
                                + (claimed == treeSize ? "the tree" : "a checkpoint") + " covers " + claimed));
                    }
                    break scanning;
                }
                scan.check(p, commit, recomputed);
                if (sizes.contains(recomputed.size())) {
                    rootsAt.put(recomputed.size(), recomputed.root());
                }
            }
            from += ids.size();
            progress.at(from - 1, Math.max(end, from - 1));
        }
        progress.at(recomputed.size(), recomputed.size());
        List<CheckpointCheck> checks = new ArrayList<>();
        for (StoredCheckpoint c : kept) {
            checks.add(check(c, rootsAt.get(c.size()), treeSize, scan.first));
        }
        return new VerifyReport(recomputed.size(), recomputed.size(), treeSize, scan.first, scan.problems, checks,
                started, clock.instant());
    }

    /**
     * Whether a commit is stored in the {@value #PROBE_WINDOWS} windows after an empty position: by {@code $in} on
     * {@code _id}, which every server answers from its index (a range on {@code _id} the embedded one may scan).
     */
    private boolean anythingAfter(long position) {
        for (int w = 0; w < PROBE_WINDOWS; w++) {
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long p = position + 1 + (long) w * WINDOW; p <= position + (long) (w + 1) * WINDOW; p++) {
                ids.add(p);
            }
            if (commits.find(Filters.in("_id", ids)).projection(new Document("_id", 1)).first() != null) {
                return true;
            }
        }
        return false;
    }

    private CheckpointCheck check(StoredCheckpoint stored, byte[] recomputedRoot, long treeSize, Problem first) {
        Checkpoint body;
        SignedNote note;
        try {
            note = stored.signed();
            body = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return new CheckpointCheck(stored.size(), false, false, false, "not a checkpoint note: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        boolean signed = key.verifies(note) && body.origin().equals(key.name());
        if (!signed) {
            problems.add("not signed by " + key.verifierKey());
        }
        if (body.size() != stored.size()) {
            problems.add("kept as size " + stored.size() + " but its note says " + body.size());
        }
        boolean rootMatches = recomputedRoot != null && body.size() == stored.size()
                && MessageDigest.isEqual(recomputedRoot, body.rootHash());
        if (!rootMatches) {
            problems.add(recomputedRoot == null
                    ? "the stored commits no longer reach position " + stored.size()
                            + (first == null ? "" : " (" + first.kind() + " at position " + first.position() + ")")
                    : "its root is not the root recomputed from the stored commits at size " + stored.size()
                            + (first != null && first.position() <= stored.size()
                                    ? " (first difference at position " + first.position() + ")" : ""));
        }
        boolean consistent = false;
        if (stored.size() <= treeSize) {
            consistent = MerkleTree.verifyConsistency(body.size(), treeSize,
                    tree.consistencyProof(Math.min(body.size(), treeSize), treeSize), body.rootHash(),
                    tree.root(treeSize));
        }
        if (!consistent) {
            problems.add("the kept tree (" + treeSize + " positions) does not prove it extends this checkpoint");
        }
        return new CheckpointCheck(stored.size(), signed, rootMatches, consistent,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** The running state of a scan: the first problem, the count, each aggregate's last sequence. */
    private final class Scan {
        private final long treeSize;
        private final Map<String, Long> lastSequence = new HashMap<>();
        Problem first;
        long problems;

        Scan(long treeSize) {
            this.treeSize = treeSize;
        }

        void problem(Problem problem) {
            problems++;
            if (first == null) {
                first = problem;
            }
        }

        void check(long position, Document commit, CompactRange recomputed) {
            CommitLeaf leaf;
            try {
                leaf = StoredLeaves.of(commit);
            } catch (StoredLeaves.Malformed e) {
                problem(new Problem(position, Kind.MALFORMED, e.getMessage()));
                recomputed.append(vn.ledger.core.proof.Hashes.emptyRoot(), (l, i, h) -> { }); // keeps later leaves in place
                return;
            }
            byte[] hash = leaf.leafHash();
            recomputed.append(hash, (l, i, h) -> { });
            if (position <= treeSize && !MessageDigest.isEqual(hash, tree.keptLeafHash(position))) {
                problem(new Problem(position, Kind.CONTENT, "the commit at position " + position
                        + " is not the one the tree took in (its content was changed, or moved here)"));
            }
            for (LeafEvent event : leaf.events()) {
                Long last = lastSequence.put(event.aggregateId(), event.sequence());
                long expected = last == null ? 0 : last + 1;
                if (event.sequence() != expected) {
                    problem(new Problem(position, Kind.ORDER, "event " + event.aggregateId() + "#" + event.sequence()
                            + " at position " + position + " where " + event.aggregateId() + "#" + expected
                            + " was due"));
                }
            }
        }
    }
}

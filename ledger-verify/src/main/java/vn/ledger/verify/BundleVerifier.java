package vn.ledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.LeafEvent;
import vn.ledger.core.proof.MerkleTree;
import vn.ledger.core.proof.NoteVerifier;
import vn.ledger.core.proof.SignedNote;
import vn.ledger.verify.Problem.Kind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a bundle offline with only the public verifier key: the bag's manifests, the checkpoint's signature, every
 * commit line against its leaf hash (recomputed from the line's content, never taken from it), every inclusion proof
 * against the checkpoint's root, and each exported aggregate's sequences. Reads line by line: memory holds one line,
 * one proof and a tally per exported aggregate.
 */
public final class BundleVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was checked and what was wrong. */
    public record Report(List<Problem> problems, long commits, long events, int aggregates, Checkpoint checkpoint) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final NoteVerifier key;
    private final List<Problem> problems = new ArrayList<>();
    private long commits;
    private long events;

    private BundleVerifier(NoteVerifier key) {
        this.key = key;
    }

    public static Report verify(Path bundle, NoteVerifier key) throws IOException {
        BundleVerifier verifier = new BundleVerifier(key);
        try (BagFiles files = BagFiles.open(bundle)) {
            return verifier.run(files);
        }
    }

    private Report run(BagFiles files) throws IOException {
        new BagCheck(files, problems).run();
        Checkpoint checkpoint = checkpoint(files);
        Map<String, Expected> aggregates = aggregates(files);
        if (files.exists(BundleFormat.EVENTS) && files.exists(BundleFormat.PROOFS)) {
            lines(files, checkpoint, aggregates);
        }
        for (Expected expected : aggregates.values()) {
            expected.compare(problems);
        }
        return new Report(List.copyOf(problems), commits, events, aggregates.size(), checkpoint);
    }

    private Checkpoint checkpoint(BagFiles files) throws IOException {
        if (!files.exists(BundleFormat.CHECKPOINT)) {
            problems.add(new Problem(Kind.MISSING, BundleFormat.CHECKPOINT, 0, "the bundle has no checkpoint"));
            return null;
        }
        String text;
        try (var in = files.open(BundleFormat.CHECKPOINT)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(text);
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Kind.MALFORMED, BundleFormat.CHECKPOINT, 0, e.getMessage()));
            return null;
        }
        if (!key.verifies(note)) {
            List<String> by = note.signatures().stream()
                    .map(s -> s.name() + "+" + String.format("%08x", s.keyId())).toList();
            problems.add(new Problem(Kind.WRONG_KEY, BundleFormat.CHECKPOINT, 0,
                    "not signed by " + key.name() + "+" + String.format("%08x", key.keyId())
                            + " (signatures by " + by + "): the checkpoint cannot be trusted with this key"));
        }
        return checkpoint;
    }

    private Map<String, Expected> aggregates(BagFiles files) throws IOException {
        Map<String, Expected> out = new HashMap<>();
        if (!files.exists(BundleFormat.AGGREGATES)) {
            problems.add(new Problem(Kind.MISSING, BundleFormat.AGGREGATES, 0, "the bundle has no aggregate counts"));
            return out;
        }
        try (BufferedReader reader = reader(files, BundleFormat.AGGREGATES)) {
            long n = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                n++;
                try {
                    JsonNode a = JSON.readTree(line);
                    String id = BundleFormat.required(a, "aggregateId").asText();
                    out.put(id, new Expected(id, n, BundleFormat.required(a, "events").asLong(),
                            BundleFormat.required(a, "firstSequence").asLong(),
                            BundleFormat.required(a, "lastSequence").asLong()));
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(new Problem(Kind.MALFORMED, BundleFormat.AGGREGATES, n, e.getMessage()));
                }
            }
        }
        return out;
    }

    /** Walks the commit lines and the proof lines side by side; both are in leaf order. */
    private void lines(BagFiles files, Checkpoint checkpoint, Map<String, Expected> aggregates) throws IOException {
        try (BufferedReader eventLines = reader(files, BundleFormat.EVENTS);
             BufferedReader proofLines = reader(files, BundleFormat.PROOFS)) {
            Lines events = new Lines(eventLines, BundleFormat.EVENTS);
            Lines proofs = new Lines(proofLines, BundleFormat.PROOFS);
            events.next();
            proofs.next();
            long previousLeaf = -1;
            long previousLine = 0;
            while (events.current != null || proofs.current != null) {
                if (events.current == null) {
                    problems.add(new Problem(Kind.MISSING, BundleFormat.EVENTS, events.number + 1, "leaf "
                            + proofs.leaf() + " is proved at " + BundleFormat.PROOFS + " line " + proofs.number
                            + " but has no line here (deleted)"));
                    proofs.next();
                    continue;
                }
                long leaf = events.leaf();
                if (proofs.current == null || leaf < proofs.leaf()) {
                    problems.add(new Problem(leaf <= previousLeaf ? Kind.REORDERED : Kind.EXTRA, BundleFormat.EVENTS,
                            events.number, "leaf " + leaf + " has no inclusion proof at this place"
                            + (leaf <= previousLeaf ? " (it comes after leaf " + previousLeaf + " of line "
                            + previousLine + ": lines out of log order)" : " (a line added)")));
                    commitLine(events, null, checkpoint, aggregates);
                } else if (leaf > proofs.leaf()) {
                    problems.add(new Problem(Kind.MISSING, BundleFormat.EVENTS, events.number, "leaf "
                            + proofs.leaf() + ", proved at " + BundleFormat.PROOFS + " line " + proofs.number
                            + ", has no line before this one (deleted or moved)"));
                    proofs.next();
                    continue;
                } else {
                    commitLine(events, proofs, checkpoint, aggregates);
                    proofs.next();
                }
                if (leaf > previousLeaf) {
                    previousLeaf = leaf;
                    previousLine = events.number;
                }
                events.next();
            }
        }
    }

    private void commitLine(Lines line, Lines proof, Checkpoint checkpoint, Map<String, Expected> aggregates) {
        CommitLeaf commit;
        try {
            commit = BundleFormat.readCommit(line.current);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Kind.MALFORMED, line.file, line.number, e.getMessage()));
            return;
        }
        commits++;
        byte[] hash = commit.leafHash();
        String written = line.current.path("hash").asText();
        if (commit.leafIndex() != line.leaf()) {
            problems.add(new Problem(Kind.EDITED, line.file, line.number, "leaf " + line.leaf()
                    + " holds position " + commit.position() + " (leaf " + commit.leafIndex() + ")"));
        } else if (!Hashes.hex(hash).equals(written)) {
            problems.add(new Problem(Kind.EDITED, line.file, line.number, "leaf " + line.leaf()
                    + ": the content gives hash " + Hashes.hex(hash) + ", the line says " + written + " (edited)"));
        } else if (proof != null && checkpoint != null) {
            try {
                long size = BundleFormat.required(proof.current, "treeSize").asLong();
                if (size != checkpoint.size()) {
                    problems.add(new Problem(Kind.BAD_PROOF, proof.file, proof.number, "proof for tree size " + size
                            + ", the checkpoint is of size " + checkpoint.size()));
                } else if (!MerkleTree.verifyInclusion(line.leaf(), size, hash, BundleFormat.readPath(proof.current),
                        checkpoint.rootHash())) {
                    problems.add(new Problem(Kind.EDITED, line.file, line.number, "leaf " + line.leaf()
                            + " is not in the signed tree: its inclusion proof (" + proof.file + " line "
                            + proof.number + ") does not lead to the checkpoint's root (content or proof edited)"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Kind.MALFORMED, proof.file, proof.number, e.getMessage()));
            }
        }
        for (LeafEvent event : commit.events()) {
            events++;
            Expected expected = aggregates.get(event.aggregateId());
            if (expected != null) {
                expected.see(event.sequence(), line.file, line.number, problems);
            }
        }
    }

    private static BufferedReader reader(BagFiles files, String path) throws IOException {
        return new BufferedReader(new InputStreamReader(files.open(path), StandardCharsets.UTF_8), 1 << 16);
    }

    /** A JSON Lines file read one line ahead. */
    private final class Lines {
        private final BufferedReader reader;
        private final String file;
        private long number;
        private JsonNode current;

        Lines(BufferedReader reader, String file) {
            this.reader = reader;
            this.file = file;
        }

        void next() throws IOException {
            while (true) {
                String line = reader.readLine();
                if (line == null) {
                    current = null;
                    return;
                }
                number++;
                try {
                    current = JSON.readTree(line);
                    if (current != null && current.path("leaf").isIntegralNumber()) {
                        return;
                    }
                    problems.add(new Problem(Kind.MALFORMED, file, number, "no leaf index"));
                } catch (IOException e) {
                    problems.add(new Problem(Kind.MALFORMED, file, number, "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
                }
            }
        }

        long leaf() {
            return current.get("leaf").asLong();
        }
    }

    /** An exported aggregate as aggregates.jsonl describes it, and what the lines show of it. */
    private static final class Expected {
        private final String id;
        private final long line;
        private final long count;
        private final long first;
        private final long last;
        private long seen;
        private long previous = Long.MIN_VALUE;

        Expected(String id, long line, long count, long first, long last) {
            this.id = id;
            this.line = line;
            this.count = count;
            this.first = first;
            this.last = last;
        }

        void see(long sequence, String file, long lineNumber, List<Problem> problems) {
            if (previous == Long.MIN_VALUE ? sequence != first : sequence != previous + 1) {
                problems.add(new Problem(Kind.SEQUENCE, file, lineNumber, "aggregate " + id + ": sequence "
                        + sequence + (previous == Long.MIN_VALUE ? " first, expected " + first
                        : " after " + previous + ", expected " + (previous + 1))));
            }
            previous = sequence;
            seen++;
        }

        void compare(List<Problem> problems) {
            if (seen != count || (seen > 0 && previous != last)) {
                problems.add(new Problem(seen < count ? Kind.MISSING : Kind.SEQUENCE, BundleFormat.AGGREGATES, line,
                        "aggregate " + id + ": " + count + " events " + first + ".." + last + " listed, "
                                + seen + " found in " + BundleFormat.EVENTS
                                + (seen > 0 ? " ending at sequence " + previous : "")));
            }
        }
    }
}

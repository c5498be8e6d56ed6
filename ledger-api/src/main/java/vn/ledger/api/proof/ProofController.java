package vn.ledger.api.proof;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.problem.Conflict;
import vn.ledger.api.problem.NotFound;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.eventstore.StoredEvent;
import vn.ledger.eventstore.proof.Checkpoints;
import vn.ledger.eventstore.proof.LogTree;
import vn.ledger.eventstore.proof.StoredCheckpoint;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The verifiable log: signed checkpoints (C2SP signed notes, text/plain), the verifier key, inclusion and
 * consistency proofs (hashes in standard base64), and verification of the whole store. INSPECTOR and ADMIN.
 */
@RestController
@RequestMapping("/api/proof")
@Tag(name = "Proof", description = "A tamper-evident log: every commit is a leaf of an RFC 6962 Merkle tree in "
        + "position order; checkpoints (C2SP tlog-checkpoint, signed with Ed25519 as a C2SP signed note) commit to "
        + "its head. Roles INSPECTOR and ADMIN.")
public class ProofController {

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final Checkpoints checkpoints;
    private final LogTree tree;
    private final NoteSigner signer;
    private final MongoEventStorageEngine engine;
    private final StoreVerification verification;

    public ProofController(Checkpoints checkpoints, NoteSigner checkpointSigner, MongoEventStorageEngine engine,
                           StoreVerification verification) {
        this.checkpoints = checkpoints;
        this.tree = checkpoints.tree();
        this.signer = checkpointSigner;
        this.engine = engine;
        this.verification = verification;
    }

    public record CheckpointEntry(long size, Instant at, String root, String url) {
    }

    public record InclusionProof(long position, long leafIndex, long treeSize, String leafHash, List<String> proof,
                                 String checkpoint) {
    }

    public record ConsistencyProof(long from, long to, List<String> proof, String fromCheckpoint,
                                   String toCheckpoint) {
    }

    @GetMapping(value = "/checkpoint", produces = "text/plain")
    @Operation(summary = "The latest signed checkpoint (made now if there is none yet)")
    public ResponseEntity<String> latest() {
        return text(checkpoints.latest().orElseGet(checkpoints::make).note());
    }

    @PostMapping(value = "/checkpoints", produces = "text/plain")
    @Operation(summary = "Sign a checkpoint now (the tree is first extended over every commit stored without an open "
            + "gap below it); the latest one again when the log has not grown")
    public ResponseEntity<String> make() {
        return text(checkpoints.make().note());
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Every kept checkpoint, smallest first: size, when it was signed, root (base64)")
    public List<CheckpointEntry> all() {
        return checkpoints.all().stream().map(c -> new CheckpointEntry(c.size(), c.at(),
                Base64.getEncoder().encodeToString(c.body().rootHash()), "/api/proof/checkpoints/" + c.size())).toList();
    }

    @GetMapping(value = "/checkpoints/{size}", produces = "text/plain")
    @Operation(summary = "The checkpoint signed at a tree size")
    public ResponseEntity<String> at(@PathVariable long size) {
        return text(checkpoint(size).note());
    }

    @GetMapping(value = "/key", produces = "text/plain")
    @Operation(summary = "The verifier key of the checkpoints (name+keyid+base64 key, as Go's note package reads it)")
    public ResponseEntity<String> key() {
        return text(signer.verifier().verifierKey() + "\n");
    }

    @GetMapping("/inclusion")
    @Operation(summary = "Inclusion proof of a commit, by its position or by an event's aggregate and sequence",
            description = "Against the checkpoint of `size` (default: the latest, made now if it does not cover the "
                    + "commit yet). 409 proof.not-in-tree while an open gap below the commit keeps it out of the tree.")
    public InclusionProof inclusion(@RequestParam(required = false) Long position,
                                    @RequestParam(required = false) String aggregate,
                                    @RequestParam(required = false) Long sequence,
                                    @RequestParam(required = false) Long size) {
        long p = position != null ? position : positionOf(aggregate, sequence);
        StoredCheckpoint against = size != null ? checkpoint(size) : covering(p);
        if (p < CommitLeaf.FIRST_POSITION || p > against.size()) {
            throw new BadRequest("proof.position-outside", "position", "Position " + p
                    + " is not in the tree of size " + against.size() + ".");
        }
        return new InclusionProof(p, p - CommitLeaf.FIRST_POSITION, against.size(), b64(tree.leafHash(p)),
                tree.inclusionProof(p, against.size()).stream().map(ProofController::b64).toList(), against.note());
    }

    @GetMapping("/consistency")
    @Operation(summary = "Consistency proof that the tree of `to` leaves extends the one of `from` (default `to`: the "
            + "latest checkpoint)")
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        long second = to != null ? to : checkpoints.latest().orElseGet(checkpoints::make).size();
        if (from < 0 || from > second || second > tree.size()) {
            throw new BadRequest("proof.sizes", "from", "No consistency proof from " + from + " to " + second
                    + " (the tree covers " + tree.size() + ").");
        }
        return new ConsistencyProof(from, second,
                tree.consistencyProof(from, second).stream().map(ProofController::b64).toList(),
                checkpoints.at(from).map(StoredCheckpoint::note).orElse(null),
                checkpoints.at(second).map(StoredCheckpoint::note).orElse(null));
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the whole store (202): re-read every commit, recompute every leaf, check every kept "
            + "checkpoint; follow with GET /api/proof/verify",
            description = "The report names the first position whose content, order or presence does not match, and "
                    + "for each checkpoint: signature, root against the recomputed tree, consistency with the current "
                    + "tree. A verification already running is answered instead of starting another.")
    public ResponseEntity<StoreVerification.Job> verify() {
        StoreVerification.Job job = verification.start();
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/proof/verify").body(job);
    }

    @GetMapping("/verify")
    @Operation(summary = "The running verification's progress (percent, positions/s, ETA), or the last one's report")
    public StoreVerification.Job verification() {
        StoreVerification.Job job = verification.status();
        if (job == null) {
            throw new NotFound("proof.no-verification", "verify", "No verification has been started.");
        }
        return job;
    }

    private long positionOf(String aggregate, Long sequence) {
        if (aggregate == null || sequence == null) {
            throw new BadRequest("proof.which-commit", "position", "Give a position, or an aggregate and a sequence.");
        }
        return engine.history(aggregate).stream().filter(e -> e.sequenceNumber() == sequence)
                .mapToLong(StoredEvent::commitPosition).findFirst()
                .orElseThrow(() -> new NotFound("proof.event-not-found", "aggregate",
                        "No event " + aggregate + "#" + sequence + " is stored."));
    }

    private StoredCheckpoint checkpoint(long size) {
        return checkpoints.at(size).orElseThrow(() -> new NotFound("proof.checkpoint-not-found", "size",
                "No checkpoint was signed at size " + size + "."));
    }

    /** The latest checkpoint if it covers the position, else a new one. */
    private StoredCheckpoint covering(long position) {
        StoredCheckpoint latest = checkpoints.latest().filter(c -> c.size() >= position).orElseGet(checkpoints::make);
        if (latest.size() < position) {
            throw new Conflict("proof.not-in-tree", "position", "Position " + position + " is not in the tree yet: "
                    + "a position below it is still open (a commit being written, or a gap the readers will close).");
        }
        return latest;
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }
}

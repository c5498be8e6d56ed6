package vn.ledger.eventstore.proof;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.NoteSigner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of the log's tree, every one kept ({@code checkpoints}, {@code _id} = the tree size it covers):
 * a C2SP tlog-checkpoint body (the signer's name as origin, size, root) signed as a C2SP note. A new one is made only
 * when the tree has grown; asking again at the same size gives the one already made.
 */
public final class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final MongoCollection<Document> checkpoints;
    private final LogTree tree;
    private final NoteSigner signer;
    private final Clock clock;

    public Checkpoints(MongoDatabase database, String prefix, LogTree tree, NoteSigner signer, Clock clock) {
        this.checkpoints = database.getCollection(prefix + "checkpoints");
        this.tree = tree;
        this.signer = signer;
        this.clock = clock;
    }

    public String origin() {
        return signer.name();
    }

    public NoteSigner signer() {
        return signer;
    }

    public LogTree tree() {
        return tree;
    }

    /** Extends the tree over what is stored and signs its head, unless the latest checkpoint already covers it. */
    public synchronized StoredCheckpoint make() {
        long size = tree.extend();
        Optional<StoredCheckpoint> latest = latest();
        if (latest.isPresent() && latest.get().size() >= size) {
            return latest.get();
        }
        return signAndKeep(size);
    }

    /** Signs the tree's head at {@code size} and keeps it; the kept one when another instance signed it first. */
    private StoredCheckpoint signAndKeep(long size) {
        Checkpoint body = new Checkpoint(origin(), size, tree.root(size));
        StoredCheckpoint made = new StoredCheckpoint(size, signer.sign(body.text()).format(), clock.instant());
        try {
            checkpoints.insertOne(new Document("_id", size).append("note", made.note()).append("at", Date.from(made.at())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return at(size).orElseThrow(); // another instance signed the same size first
            }
            throw e;
        }
        log.info("checkpoint signed: {} positions, root {}", size, Base64.getEncoder().encodeToString(body.rootHash()));
        return made;
    }

    /**
     * The kept checkpoint of exactly {@code size} positions, signed and kept now if there is none: an export ties its
     * bundle to a size of its own, and every checkpoint the service signs is kept. Empty when the tree cannot reach
     * that size (a gap below it is still open).
     */
    public synchronized Optional<StoredCheckpoint> keepAt(long size) {
        Optional<StoredCheckpoint> kept = at(size);
        if (kept.isPresent() || size <= 0) {
            return kept;
        }
        if (tree.size() < size && tree.extend() < size) {
            return Optional.empty();
        }
        return Optional.of(signAndKeep(size));
    }

    public Optional<StoredCheckpoint> latest() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).limit(1).first()).map(Checkpoints::read);
    }

    public Optional<StoredCheckpoint> at(long size) {
        return Optional.ofNullable(checkpoints.find(Filters.eq("_id", size)).first()).map(Checkpoints::read);
    }

    /** Every kept checkpoint, smallest first. */
    public List<StoredCheckpoint> all() {
        List<StoredCheckpoint> all = new ArrayList<>();
        for (Document doc : checkpoints.find().sort(Sorts.ascending("_id"))) {
            all.add(read(doc));
        }
        return all;
    }

    private static StoredCheckpoint read(Document doc) {
        return new StoredCheckpoint(((Number) doc.get("_id")).longValue(), doc.getString("note"),
                doc.getDate("at").toInstant());
    }
}

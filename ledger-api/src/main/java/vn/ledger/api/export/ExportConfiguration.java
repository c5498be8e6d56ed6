package vn.ledger.api.export;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.SignedNote;
import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.proof.Checkpoints;
import vn.ledger.eventstore.proof.LogTree;

import java.security.MessageDigest;

/** The export's collaborators: the log read as stored, and the log's own checkpoint signer and tree. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
public class ExportConfiguration {

    @Bean
    public CommitLog commitLog(MongoDatabase ledgerDatabase) {
        return new CommitLog(ledgerDatabase);
    }

    /**
     * A bundle's checkpoint is the log's: same key and origin as {@code /api/proof}, and the kept checkpoint of that
     * size, signed and kept if there was none. The export computes its tree from the stored commits itself; where the service's tree
     * already covers that size, the two roots must agree, or the export fails rather than sign a root the log's
     * tree contradicts.
     */
    @Bean
    public CheckpointSigning checkpointSigning(Checkpoints checkpoints) {
        return new CheckpointSigning() {
            public String origin() {
                return checkpoints.origin();
            }

            public SignedNote sign(Checkpoint checkpoint) {
                LogTree tree = checkpoints.tree();
                if (tree.size() < checkpoint.size()) {
                    tree.extend();
                }
                if (tree.size() >= checkpoint.size() && checkpoint.size() > 0
                        && !MessageDigest.isEqual(tree.root(checkpoint.size()), checkpoint.rootHash())) {
                    throw new IllegalStateException("the export's tree of size " + checkpoint.size()
                            + " disagrees with the log's tree: run the store's verification");
                }
                // the kept checkpoint of that size, signed and kept now if there is none: every one signed is kept
                return checkpoints.keepAt(checkpoint.size()).map(kept -> kept.signed())
                        .filter(kept -> Checkpoint.parse(kept.text()).equals(checkpoint))
                        .orElseGet(() -> checkpoints.signer().sign(checkpoint.text()));
            }

            public String verifierKey() {
                return checkpoints.signer().verifier().verifierKey();
            }
        };
    }
}

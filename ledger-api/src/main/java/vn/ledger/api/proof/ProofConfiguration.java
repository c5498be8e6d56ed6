package vn.ledger.api.proof;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.eventstore.proof.Checkpoints;
import vn.ledger.eventstore.proof.LogTree;
import vn.ledger.eventstore.proof.LogVerifier;
import vn.ledger.eventstore.proof.SignerKeys;

import java.nio.file.Path;
import java.time.Clock;

/** The log's tree, its signing key and checkpoints, and the store's verifier. */
@Configuration(proxyBeanMethods = false)
public class ProofConfiguration {

    static final String KEY_FILE = "checkpoint-signer.key";

    /**
     * The configured key; else, for an in-memory store, a key for this run; else the key file (made on first start).
     */
    @Bean
    public NoteSigner checkpointSigner(ProofProperties proof, LedgerProperties ledger) {
        if (StringUtils.hasText(proof.signerKey())) {
            return SignerKeys.configured(proof.signerKey(), proof.origin());
        }
        if (!StringUtils.hasText(proof.signerKeyFile()) && ledger.embedded().inMemory()) {
            return SignerKeys.ephemeral(proof.origin());
        }
        Path file = StringUtils.hasText(proof.signerKeyFile()) ? Path.of(proof.signerKeyFile())
                : Path.of(ledger.dataDir()).resolve(KEY_FILE);
        return SignerKeys.inFile(file.toAbsolutePath().normalize(), proof.origin());
    }

    @Bean
    public LogTree logTree(MongoDatabase ledgerDatabase) {
        return new LogTree(ledgerDatabase);
    }

    @Bean
    public Checkpoints checkpoints(MongoDatabase ledgerDatabase, LogTree logTree, NoteSigner checkpointSigner,
                                   Clock clock) {
        return new Checkpoints(ledgerDatabase, "", logTree, checkpointSigner, clock);
    }

    @Bean
    public LogVerifier logVerifier(MongoDatabase ledgerDatabase, Checkpoints checkpoints,
                                   NoteSigner checkpointSigner, MongoEventStorageEngine engine) {
        return new LogVerifier(ledgerDatabase, "", checkpoints, checkpointSigner.verifier(),
                () -> ((GapAwareTrackingToken) engine.createHeadToken()).getIndex(), Clock.systemUTC());
    }
}

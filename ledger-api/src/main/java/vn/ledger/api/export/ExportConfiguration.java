package vn.ledger.api.export;

import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.eventstore.CommitLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The export's collaborators: the log read as stored, and the checkpoint signer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
public class ExportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExportConfiguration.class);

    @Bean
    public CommitLog commitLog(MongoDatabase ledgerDatabase) {
        return new CommitLog(ledgerDatabase);
    }

    /**
     * The log's signing key, unless another part of the application provides the signing (the proof service's
     * checkpoints): configured, or generated once into the data directory, and its public key logged.
     */
    @Bean
    @ConditionalOnMissingBean(CheckpointSigning.class)
    public CheckpointSigning checkpointSigning(ExportProperties export, LedgerProperties ledger) throws IOException {
        NoteSigner signer;
        if (!export.signerKey().isBlank()) {
            signer = NoteSigner.parse(export.signerKey().trim());
        } else if (ledger.embedded().inMemory()) {
            signer = NoteSigner.generate(keyName(export.origin()));
            log.info("log signer key generated for this in-memory run only");
        } else {
            Path file = Path.of(ledger.dataDir()).resolve("log-signer.key");
            if (Files.exists(file)) {
                signer = NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
            } else {
                Files.createDirectories(file.getParent());
                signer = NoteSigner.generate(keyName(export.origin()));
                Files.writeString(file, signer.signerKey() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the data directory's own protection applies
                }
                log.info("log signer key generated into {} (keep it secret; back it up with the data)", file);
            }
        }
        log.info("log verifier key: {}", signer.verifier().verifierKey());
        return CheckpointSigning.with(signer, export.origin());
    }

    /** A signed-note key name: no white space, no '+'. */
    private static String keyName(String origin) {
        return origin.replaceAll("[\\s+]", "-");
    }
}

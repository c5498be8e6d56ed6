package vn.ledger.api.proof;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The verifiable log under {@code ledger.proof.*}.
 *
 * @param origin             the log's name, first line of every checkpoint and name of its key (C2SP: a schema-less
 *                           URL that no other log uses)
 * @param signerKey          the Ed25519 signing key in Go's note form {@code PRIVATE+KEY+origin+keyid+…}; a secret,
 *                           pass it through the environment ({@code LEDGER_PROOF_SIGNER_KEY})
 * @param signerKeyFile      without {@code signerKey}: the file holding the key, made with a new key on first start
 *                           (default {@code <ledger.data-dir>/checkpoint-signer.key})
 * @param checkpointInterval a checkpoint is signed this often when the log has grown ({@code PT0S}: only on demand)
 * @param progressLogInterval how often a running verification logs its progress
 */
@ConfigurationProperties(prefix = "ledger.proof")
public record ProofProperties(@DefaultValue("directive-ledger.local/log") String origin,
                              String signerKey,
                              String signerKeyFile,
                              @DefaultValue("PT1M") Duration checkpointInterval,
                              @DefaultValue("PT5S") Duration progressLogInterval) {
}

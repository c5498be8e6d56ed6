package vn.ledger.api.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.export.*}: where bundles are written, and the key that signs the checkpoint a bundle is tied to.
 *
 * @param dir                  bundles and their scratch files; empty: {@code <data-dir>/exports} (a temporary
 *                             directory when the embedded server runs in memory)
 * @param origin               the log's name on its checkpoints (C2SP origin line)
 * @param signerKey            the log's Ed25519 signer key ({@code PRIVATE+KEY+name+id+key}); empty: one is generated
 *                             into {@code <data-dir>/log-signer.key} on first start (kept in memory only when the
 *                             embedded server runs in memory)
 * @param progressLogInterval  how often a running export logs its progress
 */
@ConfigurationProperties("ledger.export")
public record ExportProperties(@DefaultValue("") String dir,
                               @DefaultValue("directive-ledger.local/log") String origin,
                               @DefaultValue("") String signerKey,
                               @DefaultValue("PT5S") Duration progressLogInterval) {
}

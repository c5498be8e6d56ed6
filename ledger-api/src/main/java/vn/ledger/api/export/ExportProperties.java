package vn.ledger.api.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.export.*}. The checkpoint a bundle is tied to is signed with the log's key ({@code ledger.proof.*}).
 *
 * @param dir                  bundles and their scratch files; empty: {@code <data-dir>/exports} (a temporary
 *                             directory when the embedded server runs in memory)
 * @param progressLogInterval  how often a running export logs its progress
 * @param retention            a bundle is deleted this long after its export was done (the job stays, EXPIRED);
 *                             zero: bundles are kept until deleted by hand
 */
@ConfigurationProperties("ledger.export")
public record ExportProperties(@DefaultValue("") String dir,
                               @DefaultValue("PT5S") Duration progressLogInterval,
                               @DefaultValue("PT0S") Duration retention) {
}

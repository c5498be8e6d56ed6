package vn.ledger.api.readside;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Read-side settings under {@code ledger.read-models.*}.
 *
 * @param batchSize           events per batch of a read model's tracking processor (one flush per batch while a
 *                            generation catches up)
 * @param monitorInterval     how often rebuilds are checked (progress, caught up, switch)
 * @param progressLogInterval how often a running rebuild logs a progress line
 * @param retireGrace         how long a replaced generation's collections are kept after the switch, so that
 *                            queries already running on them finish
 * @param writeBuffer         documents kept in memory per generation while it catches up (write-behind cache)
 * @param readParts           threads that send the parts of one large read side by side (a chain view's level of
 *                            more than 256 nodes), shared by all requests
 */
@ConfigurationProperties(prefix = "ledger.read-models")
public record ReadModelProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("PT1S") Duration monitorInterval,
        @DefaultValue("PT5S") Duration progressLogInterval,
        @DefaultValue("PT2S") Duration retireGrace,
        @DefaultValue("20000") int writeBuffer,
        @DefaultValue("4") int readParts) {
}

package vn.ledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Storage and behaviour settings under {@code ledger.*} (users live in {@link vn.ledger.api.security.LedgerUsersProperties}).
 *
 * @param dataDir  where the embedded server keeps its file ({@code ledger.data-dir}, default {@code ./data});
 *                 ignored when {@code spring.data.mongodb.uri} is set
 * @param database the MongoDB database name ({@code ledger.database}, default {@code ledger})
 * @param embedded embedded-server options
 * @param idempotency Idempotency-Key handling
 * @param aggregateCacheSize aggregates kept in memory per aggregate type (bodies, directives, tasks)
 * @param input    limits on what a request may carry
 */
@ConfigurationProperties(prefix = "ledger")
public record LedgerProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("ledger") String database,
        @DefaultValue Embedded embedded,
        @DefaultValue Idempotency idempotency,
        @DefaultValue("10000") int aggregateCacheSize,
        @DefaultValue Input input) {

    /**
     * @param inMemory          run the embedded server in memory only (tests); nothing is written to {@code dataDir}
     * @param targetFillPercent the file's space is reclaimed while less than this share of it is live (lower: less
     *                          rewriting, a larger file)
     */
    public record Embedded(@DefaultValue("false") boolean inMemory, @DefaultValue("80") int targetFillPercent) {
    }

    /**
     * @param pendingTimeout after this long a pending (unfinished) request under a key is taken to be abandoned
     *                       whoever holds it, and a retry may take it over
     * @param instanceLease  how long an application instance counts as alive after it last renewed its lease
     *                       (renewed every third of it); a key left pending by an instance that is gone is taken
     *                       over by a retry at once. On the embedded server every earlier instance is gone.
     */
    public record Idempotency(@DefaultValue("PT2M") Duration pendingTimeout,
                              @DefaultValue("PT15S") Duration instanceLease) {
    }

    /**
     * Limits on request input, checked before anything is parsed into a command.
     *
     * @param maxBodyBytes  a request body larger than this is refused with 413, with or without an Idempotency-Key
     * @param maxStringChars no JSON string (or path segment) may be longer than this, whatever its field allows
     * @param maxListItems  no JSON list (recipients, tasks, orientations, attachments...) may hold more items
     */
    public record Input(@DefaultValue("1048576") int maxBodyBytes,
                        @DefaultValue("20000") int maxStringChars,
                        @DefaultValue("1000") int maxListItems) {
    }
}

package vn.ledger.api.clock;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.core.shared.Deadline;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The ledger's one clock. Unset, it is the system's; with {@code ledger.clock.fixed} (training rooms, demos,
 * reproducible reports) "now" is that instant everywhere: the queries' now (timeliness, overdue, stalls), the
 * domain's "today" (the business date of an act left undated, the "not in the future" rule) and the recorded
 * instant of every event. The domain reads Axon's event clock ({@code BusinessCalendar}), so this clock is
 * installed there too.
 *
 * <p>Technical timing keeps real time whatever is configured: idempotency leases, the event store's gap
 * timeouts, rebuild progress, the grace of a document-number claim. A fixed clock there would stop time for
 * them (a lease never expiring, a gap never given up).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** "Now" of every query and of the domain. Tests may put a {@code @Primary} clock beside it for the queries. */
    @Bean
    public Clock ledgerClock(@Value("${ledger.clock.fixed:}") String fixed) {
        return fixed == null || fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(parse(fixed.strip()), ZoneOffset.UTC);
    }

    /** Puts the ledger's clock under the domain and the events' timestamps for as long as the application runs. */
    @Bean
    public DomainClock domainClock(@Qualifier("ledgerClock") Clock ledgerClock) {
        return new DomainClock(ledgerClock);
    }

    /**
     * "2026-03-20T09:00:00+07:00" or "2026-03-20T02:00:00Z"; without an offset ("2026-03-20T09:00") the time is
     * Vietnam's legal time.
     */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException offsetMissing) {
            try {
                return LocalDateTime.parse(text).atZone(Deadline.LEGAL_ZONE).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("ledger.clock.fixed: '" + text + "' is not an instant; write e.g. "
                        + "2026-03-20T09:00:00+07:00", e);
            }
        }
    }

    /** Axon's event clock is a static: set while the application runs, the one before given back when it stops. */
    public static final class DomainClock implements AutoCloseable {

        private final Clock previous;

        DomainClock(Clock clock) {
            this.previous = GenericEventMessage.clock;
            GenericEventMessage.clock = clock;
        }

        @Override
        public void close() {
            GenericEventMessage.clock = previous;
        }
    }
}

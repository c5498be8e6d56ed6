package vn.ledger.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The ledger's clock in the API tests: fixed at 10/4/2026 10:00 in Vietnam, so that the seed cascade's
 * timeliness is the same on every run (App.1, due before 5/4, is overdue; II.1, due end of April, in progress).
 * Only the queries' "now" is fixed; events are still recorded at the real time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

    public static final Instant NOW = Instant.parse("2026-04-10T03:00:00Z");

    @Bean
    @Primary
    public Clock fixedLedgerClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

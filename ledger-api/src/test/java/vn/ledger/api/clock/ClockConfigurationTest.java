package vn.ledger.api.clock;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.ledger.core.shared.BusinessCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ledger.clock.fixed: one clock for the queries, the domain's today and the events")
class ClockConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ClockConfiguration.class);

    @Test
    void when_set_now_is_that_instant_for_the_queries_and_the_domain() {
        Clock before = GenericEventMessage.clock;
        runner.withPropertyValues("ledger.clock.fixed=2026-03-20T09:00:00+07:00").run(context -> {
            Instant expected = Instant.parse("2026-03-20T02:00:00Z");
            assertThat(context.getBean("ledgerClock", Clock.class).instant()).isEqualTo(expected);
            assertThat(GenericEventMessage.clock.instant()).isEqualTo(expected); // events' recorded instant
            assertThat(BusinessCalendar.today()).isEqualTo(LocalDate.of(2026, 3, 20));
        });
        assertThat(GenericEventMessage.clock).isSameAs(before); // given back when the application stops
    }

    @Test
    void unset_it_is_the_system_clock() {
        runner.run(context -> assertThat(context.getBean("ledgerClock", Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void a_time_without_offset_is_Vietnam_time_and_nonsense_is_refused() {
        assertThat(ClockConfiguration.parse("2026-03-20T09:00")).isEqualTo(Instant.parse("2026-03-20T02:00:00Z"));
        assertThat(ClockConfiguration.parse("2026-03-20T02:00:00Z")).isEqualTo(Instant.parse("2026-03-20T02:00:00Z"));
        assertThatThrownBy(() -> ClockConfiguration.parse("tomorrow"))
                .hasMessageContaining("ledger.clock.fixed");
    }
}

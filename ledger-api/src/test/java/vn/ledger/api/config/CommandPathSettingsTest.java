package vn.ledger.api.config;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import vn.ledger.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every command no longer pays for (docs/benchmarks.md, "Where a command's CPU goes"): Axon's time limits,
 * which took a stack trace of the thread per handler call, and Spring Security's observations.
 */
class CommandPathSettingsTest extends ApiTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void handlers_run_without_axons_time_limits() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }

    @Test
    void spring_security_observes_nothing_unless_asked() {
        SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);

        assertThat(settings.shouldObserveRequests()).isFalse();
        assertThat(settings.shouldObserveAuthentications()).isFalse();
        assertThat(settings.shouldObserveAuthorizations()).isFalse();
    }
}

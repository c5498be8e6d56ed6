package vn.ledger.api.readside;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.projections.replay.EventReplayer;

import java.time.Clock;

/** The clock the queries take "now" from, and the replayer of as-of views. */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    /** "Now" of every query (timeliness, overdue, due soon, stalls). Tests replace it with a fixed clock. */
    @Bean
    public Clock ledgerClock() {
        return Clock.systemUTC();
    }

    @Bean
    public EventReplayer eventReplayer(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new EventReplayer(eventSerializer);
    }
}

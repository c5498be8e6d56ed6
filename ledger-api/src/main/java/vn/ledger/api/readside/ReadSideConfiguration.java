package vn.ledger.api.readside;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.replay.EventReplayer;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** The clock the queries take "now" from, the threads of large reads, and the replayer of as-of views. */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    /** "Now" of every query (timeliness, overdue, due soon, stalls). Tests replace it with a fixed clock. */
    @Bean
    public Clock ledgerClock() {
        return Clock.systemUTC();
    }

    /** Runs the parts of one large read side by side (see {@link ChainQueries#partsPool}). */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService readParts(ReadModelProperties properties) {
        return ChainQueries.partsPool(properties.readParts());
    }

    @Bean
    public EventReplayer eventReplayer(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new EventReplayer(eventSerializer);
    }
}

package vn.ledger.api.readside;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.replay.EventReplayer;

import java.util.concurrent.ExecutorService;

/** The threads of large reads, and the replayer of as-of views. */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

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

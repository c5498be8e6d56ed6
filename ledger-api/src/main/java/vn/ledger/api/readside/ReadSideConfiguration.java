package vn.ledger.api.readside;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.projections.replay.EventReplayer;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The clock the queries take "now" from, the threads of large reads, and the replayer of as-of views. */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    /** "Now" of every query (timeliness, overdue, due soon, stalls). Tests replace it with a fixed clock. */
    @Bean
    public Clock ledgerClock() {
        return Clock.systemUTC();
    }

    /** Runs the parts of one large read side by side (see {@link vn.ledger.projections.chain.ChainQueries}). */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService readParts(ReadModelProperties properties) {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, properties.readParts());
        // a short queue; beyond it a part is read on the requesting thread, so a burst of requests slows down
        // rather than piling up parts
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(4 * threads), r -> {
            Thread t = new Thread(r, "read-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Bean
    public EventReplayer eventReplayer(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new EventReplayer(eventSerializer);
    }
}

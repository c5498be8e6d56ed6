package vn.ledger.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.core.body.Body;
import vn.ledger.core.directive.Directive;
import vn.ledger.core.task.Task;
import vn.ledger.eventstore.AggregateCache;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon wiring. The core's aggregates carry no Spring annotation, so they are registered here, each with a
 * bounded aggregate cache and a snapshot every {@value #SNAPSHOT_THRESHOLD} events. Commands go through a gateway
 * that retries concurrency conflicts (and only those). The idempotency key travels from command to events.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    public static final int SNAPSHOT_THRESHOLD = 50;
    private static final CachedCommandTargetResolver TARGET_RESOLVER = new CachedCommandTargetResolver();
    private static final Logger log = LoggerFactory.getLogger(AxonConfiguration.class);
    /** Subscribing processor groups: their handlers run in the command's unit of work, right after the append. */
    public static final String BODY_DIRECTORY_GROUP = "body-directory";
    public static final String DIRECTIVE_CATALOG_GROUP = "directive-catalog";
    /** Tracking: heals the directive catalog of any event its subscribing handler missed. */
    public static final String DIRECTIVE_CATALOG_CHECK_GROUP = "directive-catalog-check";

    @Bean
    public ConfigurerModule ledgerAggregates(LedgerProperties properties) {
        LedgerSnapshotter snapshotter = new LedgerSnapshotter();
        int cacheSize = properties.aggregateCacheSize();
        return configurer -> configurer
                .configureAggregate(aggregate(Body.class, snapshotter, cacheSize))
                .configureAggregate(aggregate(Directive.class, snapshotter, cacheSize))
                .configureAggregate(aggregate(Task.class, snapshotter, cacheSize));
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, LedgerSnapshotter snapshotter, int cacheSize) {
        // bounded LRU with strong references (a WeakReferenceCache loses its entries at every collection);
        // one per aggregate type, so ids of different types never meet in one cache
        AggregateCache cache = new AggregateCache(cacheSize);
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> cache)
                // Axon's annotation resolver, its reflection done once per command class
                .configureCommandTargetResolver(c -> TARGET_RESOLVER)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        // built on first use, once the configuration (with Spring's parameter resolvers) is complete
                        (aggregateType, aggregateId) -> snapshotter.schedule(c, aggregateType, aggregateId),
                        SNAPSHOT_THRESHOLD))
                // ids of different aggregate types must never mix their streams
                .configureFilterEventsByType(c -> true);
    }

    /**
     * One {@link AggregateSnapshotter} for the three aggregates. Axon's {@code SpringAggregateSnapshotter} only
     * knows aggregates that are Spring beans ({@code @Aggregate}); the core's aggregates are plain classes, so
     * their factories are given here explicitly.
     */
    static final class LedgerSnapshotter {
        private static final java.util.concurrent.Executor SNAPSHOT_EXECUTOR = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "snapshotter");
            t.setDaemon(true);
            return t;
        });
        private volatile Snapshotter snapshotter;

        /**
         * Runs after the command's commit: a snapshot that cannot be made is logged, never turned into a failure of
         * a command whose events are already stored.
         */
        void schedule(org.axonframework.config.Configuration c, Class<?> aggregateType, String aggregateId) {
            try {
                get(c).scheduleSnapshot(aggregateType, aggregateId);
            } catch (RuntimeException e) {
                log.warn("no snapshot of {} {}: {}", aggregateType.getSimpleName(), aggregateId, e.toString());
            }
        }

        Snapshotter get(org.axonframework.config.Configuration c) {
            Snapshotter s = snapshotter;
            if (s == null) {
                synchronized (this) {
                    if (snapshotter == null) {
                        snapshotter = AggregateSnapshotter.builder()
                                .eventStore(c.eventStore())
                                .aggregateFactories(factory(c, Body.class), factory(c, Directive.class),
                                        factory(c, Task.class))
                                .parameterResolverFactory(c.parameterResolverFactory())
                                .handlerDefinition(c.handlerDefinition(Task.class))
                                .transactionManager(c.getComponent(TransactionManager.class,
                                        NoTransactionManager::instance))
                                // beside the command thread: a snapshot costs a read of the aggregate's
                                // events, which a command waiting for its answer should not pay
                                .executor(SNAPSHOT_EXECUTOR)
                                .build();
                    }
                    s = snapshotter;
                }
            }
            return s;
        }

        /** Inspected with the configuration's resolvers, so that handler parameters such as ports resolve. */
        private static <A> GenericAggregateFactory<A> factory(org.axonframework.config.Configuration c, Class<A> type) {
            return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                    c.parameterResolverFactory(), c.handlerDefinition(type)));
        }
    }

    @Autowired
    public void subscribingProjections(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(BODY_DIRECTORY_GROUP)
                .registerSubscribingEventProcessor(DIRECTIVE_CATALOG_GROUP)
                .registerTrackingEventProcessor(DIRECTIVE_CATALOG_CHECK_GROUP);
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Retries a command whose append lost a race on the aggregate's sequence (a {@link ConcurrencyException}
     * anywhere in the failure's cause chain); nothing else is retried. The gate is ours because Axon's
     * non-transient predicate is applied to every cause separately, so a driver exception under the conflict
     * would stop the retry.
     */
    @Bean
    public RetryScheduler retryScheduler(ScheduledExecutorService commandRetryExecutor) {
        RetryScheduler interval = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(50)
                .maxRetryCount(5)
                .nonTransientFailurePredicate(failure -> false)
                .build();
        return (command, failure, failures, dispatchTask) ->
                causedByConcurrency(failure) && interval.scheduleRetry(command, failure, failures, dispatchTask);
    }

    static boolean causedByConcurrency(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, RetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }

    /** Copies {@code idempotencyKey} from the command's metadata onto each of its events. */
    @Bean
    public CorrelationDataProvider idempotencyKeyCorrelation() {
        return new SimpleCorrelationDataProvider(CommandDispatcher.METADATA_KEY);
    }

    /** Axon's default (correlation and trace ids); declared because any provider bean replaces the default. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}

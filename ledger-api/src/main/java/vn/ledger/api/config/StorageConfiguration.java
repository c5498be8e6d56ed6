package vn.ledger.api.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.CommitTrackingEventStore;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the events live. Without {@code spring.data.mongodb.uri} an embedded MongoDB-wire server is started on
 * {@code ledger.data-dir} (or in memory with {@code ledger.embedded.in-memory=true}); with it, nothing is started
 * and the driver connects to that server. One sync {@link MongoClient} serves the event store, the token store, the
 * directive catalog and the idempotency records.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);
    /** After a crash, the stream index of at most this many of the last commits may need re-writing. */
    private static final int RECOVER_LAST_COMMITS = 64;

    /** Matches when no MongoDB is configured: no URI, and no connection details (Testcontainers' service connection). */
    static final class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean details = context.getBeanFactory() != null
                    && context.getBeanFactory().getBeanNamesForType(MongoConnectionDetails.class, true, false).length > 0;
            return !details && !StringUtils.hasText(context.getEnvironment().getProperty("spring.data.mongodb.uri"));
        }
    }

    @Bean(destroyMethod = "close")
    @Conditional(NoMongoUri.class)
    public EmbeddedMongo embeddedMongo(LedgerProperties properties) {
        if (properties.embedded().inMemory()) {
            return EmbeddedMongo.inMemory();
        }
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        log.info("no spring.data.mongodb.uri: starting the embedded MongoDB-wire server on {}", dir);
        return EmbeddedMongo.persistent(dir, properties.embedded().targetFillPercent());
    }

    /** Depends on the embedded server (when there is one), so it is closed before the server stops. */
    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(Optional<EmbeddedMongo> embedded,
                                   ObjectProvider<MongoConnectionDetails> connectionDetails,
                                   @Value("${spring.data.mongodb.uri:}") String uri) {
        MongoConnectionDetails details = connectionDetails.getIfAvailable();
        if (details != null) {
            return MongoClients.create(details.getConnectionString());
        }
        String connection = StringUtils.hasText(uri) ? uri : embedded
                .orElseThrow(() -> new IllegalStateException("no MongoDB URI and no embedded server"))
                .connectionString();
        return MongoClients.create(connection);
    }

    @Bean
    public MongoDatabase ledgerDatabase(MongoClient client, LedgerProperties properties) {
        return client.getDatabase(properties.database());
    }

    // ---- serializers: one canonical JSON serializer for events, snapshots, messages and tokens ----

    @Bean
    @Primary
    public Serializer serializer() {
        return CanonicalJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * The ledger's own engine (commit documents with global positions, gap-aware tracking, idempotency keys).
     * Declared with its concrete type so the history endpoint can read raw stored events; Axon's
     * auto-configuration builds the {@code EmbeddedEventStore} on it.
     */
    @Bean
    public MongoEventStorageEngine eventStorageEngine(MongoDatabase ledgerDatabase,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(ledgerDatabase)
                .serializer(eventSerializer)
                .snapshotSerializer(CanonicalJson.snapshotSerializer())
                .build();
        engine.ensureIndexes();
        engine.recover(RECOVER_LAST_COMMITS);
        return engine;
    }

    /**
     * The event store Axon's auto-configuration would build (same monitor, same spans), except that its readers follow
     * the engine each from their own token: Axon's shared cache of recent events hands the rest of a commit out again,
     * as all events of a commit carry one token (see {@link CommitTrackingEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(MongoEventStorageEngine engine,
                                         org.axonframework.config.Configuration configuration) {
        return CommitTrackingEventStore.build(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), Duration.ofSeconds(1));
    }

    /**
     * Tokens and claims are written without waiting for the journal ({@code j: false}): a processor writes its
     * read-model documents before its token, so a crash loses a tail of both, and the processor handles those events
     * again from the token it finds. On the embedded server a processor's batch then does not wait for a file
     * commit per write.
     */
    @Bean
    public TokenStore tokenStore(MongoClient client, LedgerProperties properties, Serializer serializer) {
        MongoDatabase database = client.getDatabase(properties.database());
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(database.withWriteConcern(database.getWriteConcern().withJournal(false)))
                        .build())
                .serializer(serializer)
                .build();
        store.ensureIndexes();
        return store;
    }
}

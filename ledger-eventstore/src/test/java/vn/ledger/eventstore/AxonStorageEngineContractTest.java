package vn.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

import java.util.UUID;
import java.util.function.UnaryOperator;

/** Axon's own storage-engine contract suite, run against our engine on the embedded server. */
@DisplayName("Axon's storage-engine contract on our engine")
class AxonStorageEngineContractTest
        extends AbstractEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    private static EmbeddedMongo server;
    private static MongoClient client;

    private MongoDatabase database;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshStore() {
        database = client.getDatabase("axon_" + UUID.randomUUID().toString().substring(0, 8));
        setTestSubject(createEngine());
    }

    @AfterEach
    void dropStore() {
        database.drop();
    }

    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        MongoEventStorageEngine engine = customization.apply(MongoEventStorageEngine.builder()
                        .database(database)
                        .serializer(CanonicalJson.serializer()))
                .build();
        engine.ensureIndexes();
        return engine;
    }
}

package vn.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.UUID;

/**
 * One in-memory embedded server and driver client for a test class ({@code @RegisterExtension static}); each test
 * takes a database of its own.
 */
final class EmbeddedServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMongo server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    /** Finds of the commit collection the server has answered so far, over every database. */
    long commitFinds() {
        return server.commandCounts().getOrDefault("find events", 0L);
    }

    MongoClient client() {
        return client;
    }

    /** A fresh database named {@code prefix} and a random suffix. */
    MongoDatabase freshDatabase(String prefix) {
        return client.getDatabase(prefix + UUID.randomUUID().toString().substring(0, 8));
    }
}

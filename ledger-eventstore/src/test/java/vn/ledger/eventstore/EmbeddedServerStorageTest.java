package vn.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on the embedded server (mongo-java-server, H2 backend). */
@DisplayName("Event storage on the embedded server")
class EmbeddedServerStorageTest extends EventStorageContract {

    @RegisterExtension
    static final EmbeddedServer SERVER = new EmbeddedServer();

    @Override
    protected MongoClient client() {
        return SERVER.client();
    }

    @Test
    @DisplayName("with the file backend, every event is still there after a restart on the same data directory")
    void survivesRestart(@TempDir Path dataDir) {
        for (int run = 0; run < 2; run++) {
            try (EmbeddedMongo persistent = EmbeddedMongo.persistent(dataDir);
                 MongoClient c = MongoClients.create(persistent.connectionString())) {
                MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                        .database(c.getDatabase("ledger")).serializer(CanonicalJson.serializer()).build();
                engine.ensureIndexes();
                engine.recover(1000);
                engine.appendEvents(new GenericDomainEventMessage<>("Note", "persisted", run,
                        new Noted("run " + run, Map.of("k", run))));
                assertThat(engine.history("persisted")).hasSize(run + 1);
                assertThat(engine.readEvents(null, false).count()).isEqualTo(run + 1);
            }
        }
    }
}

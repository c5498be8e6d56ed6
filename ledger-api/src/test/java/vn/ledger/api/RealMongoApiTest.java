package vn.ledger.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a real MongoDB replica set (Testcontainers, wired by {@code @ServiceConnection}): nothing
 * embedded is started, the same commands append the same events. Skipped, visibly, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "ledger.embedded.in-memory=false")
@DisplayName("The API on real MongoDB (Testcontainers)")
class RealMongoApiTest extends ApiTestSupport {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Test
    void bodiesAndDirectivesAreStoredOnTheRealServer() throws Exception {
        String code = uniqueCode("RM");
        Response registered = post(ADMIN, "/api/bodies", Map.of("code", code, "name", "Đơn vị thử nghiệm",
                "parentCode", "TU-DIENBIEN", "level", "UNIT"));
        assertThat(registered.status()).isEqualTo(201);
        Response history = get(INSPECTOR, "/api/bodies/" + code + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.raw()).contains("BodyRegistered").contains("Đơn vị thử nghiệm");
        assertThat(database.getCollection("events").countDocuments()).isPositive();
    }
}

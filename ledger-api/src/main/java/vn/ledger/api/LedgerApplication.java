package vn.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Directive Ledger service: accepts what officials do (commands) and stores it for ever as Axon events on
 * MongoDB (an embedded MongoDB-wire server by default, a real MongoDB when {@code spring.data.mongodb.uri} is set).
 *
 * <p>Spring Boot's own Mongo auto-configuration is excluded: {@link vn.ledger.api.config.StorageConfiguration}
 * decides between the embedded server and the configured URI and builds the one sync {@code MongoClient}.
 * Axon's update checker is excluded too.
 */
@SpringBootApplication(exclude = MongoAutoConfiguration.class,
        // a ledger of official documents does not phone home: no AxonIQ update check / usage report
        excludeName = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration")
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}

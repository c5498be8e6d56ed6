package vn.ledger.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import vn.ledger.api.body.BodyDirectoryIndex;
import vn.ledger.api.config.AxonConfiguration;
import vn.ledger.api.directive.DirectiveCatalogProjection;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.DirectiveCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces the write side relies on are wired as intended. */
class WiringTest extends ApiTestSupport {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    BodyDirectory bodyDirectory;
    @Autowired
    DirectiveCatalog directiveCatalog;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    Serializer serializer;

    @Test
    void portsAreKeptBySubscribingProcessorsSoTheyAreCurrentWhenACommandReturns() {
        assertThat(processing.eventProcessor(AxonConfiguration.BODY_DIRECTORY_GROUP))
                .get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor(AxonConfiguration.DIRECTIVE_CATALOG_GROUP))
                .get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor(AxonConfiguration.DIRECTIVE_CATALOG_CHECK_GROUP))
                .get().isInstanceOf(org.axonframework.eventhandling.TrackingEventProcessor.class);
        assertThat(bodyDirectory).isInstanceOf(BodyDirectoryIndex.class);
        assertThat(directiveCatalog).isInstanceOf(DirectiveCatalogProjection.class);
        assertThat(bodyDirectory.isSameOrDescendant("BXDD-SINHBINH", "TU-DIENBIEN")).isTrue();
        assertThat(bodyDirectory.isSameOrDescendant("TU-DIENBIEN", "BXDD-SINHBINH")).isFalse();
        assertThat(directiveCatalog.resolveSymbol("22 - tb/vptw")).isPresent();
    }

    @Test
    void tokensInMongoAndOneCanonicalSerializer() {
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        assertThat(eventSerializer).isSameAs(serializer);
        assertThat(messageSerializer).isSameAs(serializer);
        assertThat(serializer.getClass().getSimpleName()).isEqualTo("CanonicalJsonSerializer");
    }
}

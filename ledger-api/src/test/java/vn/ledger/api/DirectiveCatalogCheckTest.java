package vn.ledger.api;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The directive catalog recovers a directive event its subscribing handler never saw. */
class DirectiveCatalogCheckTest extends ApiTestSupport {

    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    DirectiveCatalog catalog;

    @Test
    void anEventStoredWithoutReachingTheCatalogIsHealedByTheTrackingCheck() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        String symbol = uniqueCode("99-KH/") + "-Ubnd";
        // appended straight to storage, as if the process had died before the subscribing handler ran
        engine.appendEvents(new GenericDomainEventMessage<>("Directive", id, 0, new DirectiveIssued(id, symbol,
                DirectiveKind.KE_HOACH, "TU-DIENBIEN", null, LocalDate.of(2026, 4, 1), "Kế hoạch triển khai",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new Actor("admin", "Quản trị", "Quản trị viên", "TU-DIENBIEN"))));

        Optional<String> resolved = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (resolved.isEmpty() && System.nanoTime() < deadline) {
            resolved = catalog.resolveSymbol(symbol.toLowerCase());
            Thread.sleep(50);
        }
        assertThat(resolved).contains(id);
        assertThat(catalog.statusOf(id)).isEqualTo(DirectiveStatus.ACTIVE);
        assertThat(database.getCollection("directive_status").find(new org.bson.Document("_id", id)).first())
                .containsEntry("seq", 0L);
    }
}

package vn.ledger.api.directive;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.AxonConfiguration;
import vn.ledger.core.directive.DirectiveEvent;

/**
 * Makes sure the directive catalog saw every directive event. The catalog is kept by a subscribing handler, in the
 * command's unit of work, so that the next command finds a directive issued a moment ago; but an event appended
 * just before a crash, or whose handler failed, would never reach it. This tracking processor reads every
 * directive event from the event store, with a token, so after a restart it resumes where it stopped, and heals
 * the catalog entry of any directive the catalog is behind on.
 */
@Component
@ProcessingGroup(AxonConfiguration.DIRECTIVE_CATALOG_CHECK_GROUP)
public class DirectiveCatalogCheck {

    private final DirectiveCatalogProjection catalog;

    public DirectiveCatalogCheck(DirectiveCatalogProjection catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(DirectiveEvent e, @SequenceNumber Long seq) {
        catalog.ensureApplied(e.directiveId(), seq == null ? 0 : seq);
    }
}

package vn.ledger.api.directive;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.ledger.api.config.AxonConfiguration;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.LinkedTask;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.TaskAssigned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link DirectiveCatalog} on two MongoDB collections kept by a SUBSCRIBING event handler (so they are up to
 * date as soon as a command returns):
 * <ul>
 *   <li>{@code directive_symbols}: {@code _id} = normalised symbol (NFC, upper case, no spaces), {@code directiveIds}
 *       = the directives printed or cited under it; a symbol naming more than one directive is ambiguous and
 *       resolves to nothing;</li>
 *   <li>{@code directive_status}: {@code _id} = directive id, {@code status}, {@code symbols}, and the number as
 *       printed: {@code issuer}, {@code year} (of issue), {@code printed} (normalised symbol);</li>
 *   <li>{@code directive_numbers}: the claims of {@link DocumentNumbers} (one document per issuer, year and
 *       number).</li>
 * </ul>
 * The status document also keeps {@code seq}, the directive's last event applied. A directive unknown to the
 * catalog is looked up in the event store once and written back; and {@link DirectiveCatalogCheck}, a tracking
 * processor, compares every directive event with {@code seq} and heals the directive from its stream when the
 * catalog missed it (a crash between the append and this handler, or a failure of the handler), so a symbol is
 * never lost for good.
 */
@Component
@ProcessingGroup(AxonConfiguration.DIRECTIVE_CATALOG_GROUP)
public class DirectiveCatalogProjection implements DirectiveCatalog {

    public static final String SYMBOLS = "directive_symbols";
    public static final String STATUS = "directive_status";

    private final MongoCollection<Document> symbols;
    private final MongoCollection<Document> status;
    private final EventStorageEngine storage;
    private final DocumentNumbers numbers;

    public DirectiveCatalogProjection(MongoDatabase ledgerDatabase, EventStorageEngine storage) {
        this.symbols = ledgerDatabase.getCollection(SYMBOLS);
        this.status = ledgerDatabase.getCollection(STATUS);
        this.storage = storage;
        this.numbers = new DocumentNumbers(ledgerDatabase.getCollection(DocumentNumbers.COLLECTION), status, this);
    }

    @Override
    public Optional<String> claimNumber(String issuingBodyCode, int year, String symbol, String directiveId,
                                        String replacing) {
        // a catalog filled before numbers were kept lacks the printed number of its directives: fill it in
        for (String id : directivesNamed(symbol)) {
            Document doc = status.find(Filters.eq("_id", id)).first();
            if (doc == null || doc.get("issuer") == null) {
                heal(id);
            }
        }
        return numbers.claim(issuingBodyCode, year, SymbolNormaliser.normalise(symbol), directiveId, replacing);
    }

    @Override
    public Optional<String> resolveSymbol(String symbolAsWritten) {
        String key = SymbolNormaliser.normalise(symbolAsWritten);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Document doc = symbols.find(Filters.eq("_id", key)).first();
        if (doc == null) {
            return Optional.empty();
        }
        List<String> ids = doc.getList("directiveIds", String.class, List.of());
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    @Override
    public DirectiveStatus statusOf(String directiveId) {
        if (directiveId == null) {
            return DirectiveStatus.UNKNOWN;
        }
        Document doc = status.find(Filters.eq("_id", directiveId)).first();
        if (doc != null && doc.getString("status") != null) {
            return DirectiveStatus.valueOf(doc.getString("status"));
        }
        return heal(directiveId);
    }

    /**
     * Read from the task's own stream in the event store, not from a read model: a link is checked against the
     * deadline in force now (assignment, then granted extensions), whatever a projection has caught up with.
     */
    @Override
    public Optional<LinkedTask> task(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream stream = storage.readEvents(taskId, 0);
        LinkedTask task = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof TaskAssigned e) {
                task = new LinkedTask(e.taskId(), e.directiveId(), e.deadline());
            } else if (payload instanceof ExtensionGranted e && task != null) {
                task = new LinkedTask(task.taskId(), task.directiveId(), e.newDeadline());
            }
        }
        return Optional.ofNullable(task);
    }

    /** Ids the symbol names (several when ambiguous), for diagnostics and the API. */
    public List<String> directivesNamed(String symbolAsWritten) {
        Document doc = symbols.find(Filters.eq("_id", SymbolNormaliser.normalise(symbolAsWritten))).first();
        return doc == null ? List.of() : doc.getList("directiveIds", String.class, List.of());
    }

    // ---- projection ----

    @EventHandler
    void on(DirectiveEvent e, @SequenceNumber Long seq) {
        apply(e);
        applied(e.directiveId(), seq == null ? 0 : seq);
    }

    private void apply(DirectiveEvent event) {
        if (event instanceof DirectiveIssued e) {
            addSymbol(e.symbol(), e.directiveId());
            setStatus(e.directiveId(), DirectiveStatus.ACTIVE);
            status.updateOne(Filters.eq("_id", e.directiveId()), Updates.combine(
                    Updates.set("issuer", e.issuingBodyCode()),
                    Updates.set("year", e.issuedOn() == null ? null : e.issuedOn().getYear()),
                    Updates.set("printed", SymbolNormaliser.normalise(e.symbol()))));
        } else if (event instanceof DirectiveAliasRegistered e) {
            addSymbol(e.alias(), e.directiveId());
        } else if (event instanceof DirectiveCorrected e && e.field() == DirectiveField.SYMBOL) {
            removeSymbol(e.oldValue(), e.directiveId());
            addSymbol(e.newValue(), e.directiveId());
            status.updateOne(Filters.eq("_id", e.directiveId()),
                    Updates.set("printed", SymbolNormaliser.normalise(e.newValue())));
        } else if (event instanceof DirectiveCorrected e && e.field() == DirectiveField.ISSUED_ON) {
            status.updateOne(Filters.eq("_id", e.directiveId()),
                    Updates.set("year", LocalDate.parse(e.newValue()).getYear()));
        } else if (event instanceof DirectiveRecalled e) {
            setStatus(e.directiveId(), DirectiveStatus.RECALLED);
        } else if (event instanceof DirectiveReplaced e) {
            setStatus(e.directiveId(), DirectiveStatus.REPLACED);
        }
    }

    private void applied(String directiveId, long seq) {
        status.updateOne(Filters.eq("_id", directiveId), Updates.max("seq", seq), new UpdateOptions().upsert(true));
    }

    /** The catalog has applied the directive's events up to {@code seq}; heals it from its stream when not. */
    void ensureApplied(String directiveId, long seq) {
        Document doc = status.find(Filters.eq("_id", directiveId)).first();
        Object applied = doc == null ? null : doc.get("seq");
        if (!(applied instanceof Number n) || n.longValue() < seq) {
            heal(directiveId);
        }
    }

    private void addSymbol(String symbol, String directiveId) {
        String key = SymbolNormaliser.normalise(symbol);
        if (key == null || key.isEmpty()) {
            return;
        }
        symbols.updateOne(Filters.eq("_id", key), Updates.addToSet("directiveIds", directiveId),
                new UpdateOptions().upsert(true));
        status.updateOne(Filters.eq("_id", directiveId), Updates.addToSet("symbols", key),
                new UpdateOptions().upsert(true));
    }

    private void removeSymbol(String symbol, String directiveId) {
        String key = SymbolNormaliser.normalise(symbol);
        if (key == null || key.isEmpty()) {
            return;
        }
        symbols.updateOne(Filters.eq("_id", key), Updates.pull("directiveIds", directiveId));
        status.updateOne(Filters.eq("_id", directiveId), Updates.pull("symbols", key));
    }

    private void setStatus(String directiveId, DirectiveStatus value) {
        status.updateOne(Filters.eq("_id", directiveId), Updates.set("status", value.name()),
                new UpdateOptions().upsert(true));
    }

    /**
     * Applies the directive's whole stream again (every write is idempotent) and records how far. Should an event
     * be appended meanwhile, its own handler may have run before these writes, which could then undo it (a symbol
     * corrected away, added back): so the stream is read again afterwards, and healed again if it grew. An event
     * appended after that re-read has its handler run after these writes.
     */
    private DirectiveStatus heal(String directiveId) {
        long last = -1;
        for (int round = 0; round < 10; round++) {
            List<DomainEventMessage<?>> stream = stream(directiveId, 0);
            if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof DirectiveIssued)) {
                return DirectiveStatus.UNKNOWN;
            }
            DirectiveStatus result = DirectiveStatus.ACTIVE;
            for (DomainEventMessage<?> m : stream) {
                DirectiveEvent event = (DirectiveEvent) m.getPayload();
                apply(event);
                if (event instanceof DirectiveRecalled) {
                    result = DirectiveStatus.RECALLED;
                } else if (event instanceof DirectiveReplaced) {
                    result = DirectiveStatus.REPLACED;
                }
                last = m.getSequenceNumber();
            }
            applied(directiveId, last);
            if (stream(directiveId, last + 1).isEmpty()) {
                return result;
            }
        }
        return statusOf(directiveId);
    }

    private List<DomainEventMessage<?>> stream(String directiveId, long from) {
        List<DomainEventMessage<?>> out = new ArrayList<>();
        DomainEventStream stream = storage.readEvents(directiveId, from);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof DirectiveEvent) {
                out.add(message);
            }
        }
        return out;
    }
}

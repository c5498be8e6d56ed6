package vn.ledger.projections.directive;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.projections.directive.ImplementerLinks.Implementer;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.StoredForms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Directive state, one document per directive in {@value #COLLECTION} with {@code _id} = directive id:
 * metadata with the corrections applied (and their history), symbol aliases, recipients per role with their
 * receipt (in the document, or in buckets when more than {@value RecipientBuckets#BUCKET}: {@link RecipientBuckets}),
 * orientations, the ids of its tasks, the directives it implements (citation as written, resolved id,
 * and the cited document's current symbol) and the directives that implement it (reverse links: the first
 * {@value #INLINE_LINKS} in the document, the others in buckets of {@value #BUCKET_LINKS} in {@value #LINKS}),
 * status with recall or replacement, and counters (recipients, receipts, implementers).
 *
 * <p>Cross-document links are maintained here: when X cites Y, Y's document lists X; when a task is assigned
 * under a directive, the directive lists it; when R replaces X, R lists X. Any of these may arrive before the
 * document they point to (late or out-of-order delivery across aggregates): the target document is then created
 * as a stub ({@code issued} absent), which {@link DirectiveQueries} does not show, and which DirectiveIssued
 * completes. What an event changes in a document is the stored record's ({@link StoredDirective}, pure); this class
 * loads, applies and stores. Links are sets kept in log order ({@link LogOrder}: tasks, replaced directives, implementers), so a
 * repeated event changes nothing and a late one lands where it would have in order; the directive's own events are
 * applied once by their sequence number ({@code seq}), and are in the log in that order. Plain class; run it in one processing segment.
 */
public final class DirectiveProjection {

    public static final String COLLECTION = "directives";
    /** Overflow of the reverse links ("implemented by") beyond those kept in the directive's document. */
    public static final String LINKS = "directive_links";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, LINKS, RecipientBuckets.COLLECTION);
    /** How this model's stored documents read (the administrator's decoded documents). */
    public static final StoredForms FORMS = StoredForms.forms().document(COLLECTION, StoredDirective.FORM)
            .document(LINKS, ImplementerLinks.LinkBucket.FORM)
            .document(RecipientBuckets.COLLECTION, RecipientBuckets.Bucket.FORM)
            .field("issuedBy", SharedValues.ACTOR).field("receivedBy", SharedValues.ACTOR)
            .field("by", SharedValues.ACTOR);
    static final int INLINE_LINKS = 50;
    static final int BUCKET_LINKS = 500;

    public enum Role { ACTION, INFORMATION, REPORT }

    private final ReadStore store;
    private final ImplementerLinks implementers;

    public DirectiveProjection(ReadStore store) {
        this.store = store;
        this.implementers = new ImplementerLinks(store);
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
    }

    @EventHandler
    void on(DirectiveIssued e, DomainEventMessage<?> m) {
        StoredDirective self = load(e.directiveId());
        if (self.hasSeen(m.getSequenceNumber())) {
            return;
        }
        // links first, the directive's own document last: it carries seq, so a crash in between is redone
        String key = LogOrder.key(m);
        List<String> citedIds = e.implementsDirectives().stream().map(Citation::directiveId)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, StoredDirective> cited = loadAll(citedIds);
        List<DirectiveView.CitationLink> cites = new ArrayList<>();
        for (Citation c : e.implementsDirectives()) {
            StoredDirective y = cited.get(c.directiveId());
            cites.add(new DirectiveView.CitationLink(c.asWritten(), c.directiveId(),
                    y != null && y.issued() ? y.symbol() : null));
        }
        for (String yId : citedIds) {
            StoredDirective y = cited.getOrDefault(yId, StoredDirective.stub(yId));
            String asWritten = e.implementsDirectives().stream().filter(c -> yId.equals(c.directiveId()))
                    .map(Citation::asWritten).findFirst().orElse(null);
            implementers.add(y, new Implementer(e.directiveId(), asWritten, e.symbol(), e.issuingBodyCode(),
                    Docs.iso(e.issuedOn()), key));
        }
        // the directives that cited this one before it arrived now learn its symbol
        refreshCitingSymbols(self, e.symbol());

        List<DirectiveView.Recipient> listed = new ArrayList<>();
        e.recipientsForAction().forEach(b -> listed.add(DirectiveView.Recipient.listed(b, Role.ACTION)));
        e.recipientsForInformation().forEach(b -> listed.add(DirectiveView.Recipient.listed(b, Role.INFORMATION)));
        e.recipientsForReport().forEach(b -> listed.add(DirectiveView.Recipient.listed(b, Role.REPORT)));
        StoredDirective issued = self.apply(e, m.getSequenceNumber(), m.getTimestamp(), key, cites, listed);
        if (issued.bucketed()) {
            // a long list: in buckets, so that a receipt does not rewrite it whole
            RecipientBuckets.issue(store, e.directiveId(), listed, issued.recipientBuckets());
        }
        put(issued);
    }

    @EventHandler
    void on(DirectiveReceived e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, (d, seq, at) -> {
            if (!d.bucketed()) {
                return d.apply(e, seq, at); // a short list, in the directive's document
            }
            RecipientBuckets.Receipt r = RecipientBuckets.receive(store, e.directiveId(), d.recipientBuckets(),
                    e.bodyCode(), d.recipientRanks(), e.receivedOn(), e.actor(), at);
            return d.received(r, seq, at);
        });
    }

    @EventHandler
    void on(DirectiveRecalled e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, (d, seq, at) -> d.apply(e, seq, at));
    }

    @EventHandler
    void on(DirectiveReplaced e, DomainEventMessage<?> m) {
        StoredDirective self = load(e.directiveId());
        if (self.hasSeen(m.getSequenceNumber())) {
            return;
        }
        StoredDirective replacement = load(e.replacementDirectiveId()).withReplaced(e.directiveId(), LogOrder.key(m));
        if (replacement != null) {
            put(replacement);
        }
        put(self.apply(e, m.getSequenceNumber(), m.getTimestamp()));
    }

    @EventHandler
    void on(DirectiveCorrected e, DomainEventMessage<?> m) {
        StoredDirective self = load(e.directiveId());
        if (self.hasSeen(m.getSequenceNumber())) {
            return;
        }
        StoredDirective corrected = self.apply(e, m.getSequenceNumber(), m.getTimestamp());
        if (e.field() == DirectiveField.SYMBOL || e.field() == DirectiveField.ISSUED_ON) {
            // the copies of this directive's symbol and date held in the documents linked to it
            List<String> cited = corrected.implementsDirectives().stream().map(DirectiveView.CitationLink::directiveId)
                    .filter(Objects::nonNull).distinct().toList();
            for (StoredDirective y : loadAll(cited).values()) {
                implementers.update(y, new Implementer(e.directiveId(), null, corrected.symbol(), null,
                        corrected.issuedOn(), null));
            }
            refreshCitingSymbols(corrected, corrected.symbol());
        }
        put(corrected);
    }

    @EventHandler
    void on(DirectiveAliasRegistered e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, (d, seq, at) -> d.apply(e, seq, at));
    }

    /** A task of the directive (issued with it, or added later). Delegated tasks hang under their parent task. */
    @EventHandler
    void on(TaskAssigned e, EventMessage<?> m) {
        if (e.parentTaskId() != null) {
            return;
        }
        StoredDirective d = load(e.directiveId()).withTask(e.taskId(), LogOrder.key(m));
        if (d != null) {
            put(d);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A change of the directive by one of its own events, given its sequence number and recording instant. */
    @FunctionalInterface
    private interface Change {
        StoredDirective apply(StoredDirective d, long seq, Instant at);
    }

    private void own(String id, DomainEventMessage<?> m, Change change) {
        StoredDirective d = load(id);
        if (!d.hasSeen(m.getSequenceNumber())) {
            put(change.apply(d, m.getSequenceNumber(), m.getTimestamp()));
        }
    }

    private StoredDirective load(String id) {
        return store.find(COLLECTION, id).map(StoredDirective.FORM::read).orElseGet(() -> StoredDirective.stub(id));
    }

    private Map<String, StoredDirective> loadAll(List<String> ids) {
        Map<String, StoredDirective> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            store.findAll(COLLECTION, ids).forEach((id, d) -> out.put(id, StoredDirective.FORM.read(d)));
        }
        return out;
    }

    private void put(StoredDirective d) {
        store.put(COLLECTION, StoredDirective.FORM.document(d));
    }

    /** Writes this directive's current symbol into the citations of the directives that implement it. */
    private void refreshCitingSymbols(StoredDirective self, String symbol) {
        List<String> citing = implementers.all(self).stream().map(Implementer::directiveId).distinct().toList();
        for (StoredDirective x : loadAll(citing).values()) {
            StoredDirective changed = x.withCitedSymbol(self.id(), symbol);
            if (changed != null) {
                put(changed);
            }
        }
    }

    /** Every directive implementing this one: inline links, then the overflow buckets. */
    static List<Implementer> allImplementers(ReadStore store, StoredDirective y) {
        return new ImplementerLinks(store).all(y);
    }
}

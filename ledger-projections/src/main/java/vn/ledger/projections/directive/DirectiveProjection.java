package vn.ledger.projections.directive;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.StoredForms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import static vn.ledger.projections.store.Docs.date;
import static vn.ledger.projections.store.Docs.docs;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.strings;
import static vn.ledger.projections.store.SharedValues.actor;

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
 * completes. Links are sets kept in log order ({@link LogOrder}: tasks, replaced directives, implementers), so a
 * repeated event changes nothing and a late one lands where it would have in order; the directive's own events are
 * applied once by their sequence number ({@code seq}), and are in the log in that order. Plain class; run it in one processing segment.
 */
public final class DirectiveProjection {

    public static final String COLLECTION = "directives";
    /** Overflow of the reverse links ("implemented by") beyond those kept in the directive's document. */
    public static final String LINKS = "directive_links";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, LINKS, RecipientBuckets.COLLECTION);
    /** How this model's stored values read (the administrator's decoded documents). */
    public static final StoredForms FORMS = StoredForms.forms().field("issuedBy", SharedValues.ACTOR)
            .field("receivedBy", SharedValues.ACTOR).field("by", SharedValues.ACTOR);
    static final int INLINE_LINKS = 50;
    static final int BUCKET_LINKS = 500;

    public enum Role { ACTION, INFORMATION, REPORT }

    private final ReadStore store;

    public DirectiveProjection(ReadStore store) {
        this.store = store;
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
    }

    @EventHandler
    void on(DirectiveIssued e, DomainEventMessage<?> m) {
        Document self = load(e.directiveId());
        if (applied(self, m)) {
            return;
        }
        // links first, the directive's own document last: it carries seq, so a crash in between is redone
        List<String> citedIds = e.implementsDirectives().stream().map(Citation::directiveId)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Document> cited = store.findAll(COLLECTION, citedIds);
        List<Document> implementsList = new ArrayList<>();
        for (Citation c : e.implementsDirectives()) {
            Document y = cited.get(c.directiveId());
            implementsList.add(new Document("asWritten", c.asWritten()).append("id", c.directiveId())
                    .append("symbol", y != null && y.getBoolean("issued", false) ? y.getString("symbol") : null));
        }
        for (String yId : citedIds) {
            Document y = cited.getOrDefault(yId, new Document("_id", yId));
            String asWritten = e.implementsDirectives().stream().filter(c -> yId.equals(c.directiveId()))
                    .map(Citation::asWritten).findFirst().orElse(null);
            addImplementer(y, new Document("id", e.directiveId()).append("asWritten", asWritten)
                    .append("symbol", e.symbol()).append("issuer", e.issuingBodyCode())
                    .append("issuedOn", iso(e.issuedOn())).append("at", LogOrder.key(m)));
        }
        // the directives that cited this one before it arrived now learn its symbol
        refreshCitingSymbols(self, e.directiveId(), e.symbol());

        List<Document> recipients = new ArrayList<>();
        addRecipients(recipients, e.recipientsForAction(), Role.ACTION);
        addRecipients(recipients, e.recipientsForInformation(), Role.INFORMATION);
        addRecipients(recipients, e.recipientsForReport(), Role.REPORT);
        Signer s = e.signer();
        self.append("issued", true).append("symbol", e.symbol()).append("kind", Docs.name(e.kind()))
                .append("issuer", e.issuingBodyCode())
                .append("signer", s == null ? null : new Document("name", s.name()).append("position", s.position())
                        .append("capacity", Docs.name(s.capacity())))
                .append("issuedOn", iso(e.issuedOn())).append("subject", e.subject())
                .append("issuedBy", actor(e.actor())).append("issuedAt", date(m.getTimestamp()))
                .append("recipientCount", recipients.stream().map(r -> r.getString("body")).distinct().count())
                .append("receivedCount", 0L)
                .append("orientations", strings(e.orientations()))
                .append("implements", implementsList)
                .append("status", DirectiveStatus.ACTIVE.name());
        // its tasks in the order written, before those added later (which may have come first: a stub lists them)
        List<TaskSpec> specs = e.tasks();
        for (int i = 0; i < specs.size(); i++) {
            LogOrder.add(self, "taskIds", e.directiveId() + "/" + specs.get(i).code(), LogOrder.key(m, i));
        }
        if (self.get("taskIds") == null) {
            self.put("taskIds", new ArrayList<String>());
        }
        if (recipients.size() > RecipientBuckets.BUCKET) {
            // a long list: in buckets, so that a receipt does not rewrite it whole
            int buckets = RecipientBuckets.bucketCount(recipients.size());
            RecipientBuckets.issue(store, e.directiveId(), recipients, buckets);
            self.put("recipientBuckets", buckets);
            self.put("recipientRanks", (long) recipients.size());
        } else {
            self.put("recipients", recipients);
        }
        save(self, m);
    }

    @EventHandler
    void on(DirectiveReceived e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> {
            if (d.get("recipientBuckets") != null) {
                Document received = new Document("receivedOn", iso(e.receivedOn())).append("receivedBy", actor(e.actor()))
                        .append("receivedAt", date(m.getTimestamp()));
                long nextRank = Docs.lng(d.get("recipientRanks"), 0);
                RecipientBuckets.Receipt r = RecipientBuckets.receive(store, e.directiveId(),
                        (int) Docs.lng(d.get("recipientBuckets"), 1), e.bodyCode(), nextRank, received);
                if (r.listedNow()) {
                    d.put("recipientRanks", nextRank + 1);
                    d.put("recipientCount", Docs.lng(d.get("recipientCount"), 0) + 1);
                }
                if (r.firstReceipt()) {
                    d.put("receivedCount", Docs.lng(d.get("receivedCount"), 0) + 1);
                }
                return;
            }
            // a short list, in the directive's document
            List<Document> recipients = docs(d, "recipients");
            boolean listed = false;
            for (Document r : recipients) {
                if (e.bodyCode().equals(r.getString("body"))) {
                    listed = true;
                    if (r.get("receivedOn") == null) {
                        r.append("receivedOn", iso(e.receivedOn())).append("receivedBy", actor(e.actor()))
                                .append("receivedAt", date(m.getTimestamp()));
                    }
                }
            }
            if (!listed) {
                recipients.add(new Document("body", e.bodyCode()).append("role", null)
                        .append("receivedOn", iso(e.receivedOn())).append("receivedBy", actor(e.actor()))
                        .append("receivedAt", date(m.getTimestamp())));
                d.put("recipientCount", Docs.lng(d.get("recipientCount"), 0) + 1);
            }
            d.put("recipients", recipients);
            d.put("receivedCount", recipients.stream().filter(r -> r.get("receivedOn") != null)
                    .map(r -> r.getString("body")).distinct().count());
        });
    }

    @EventHandler
    void on(DirectiveRecalled e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> d.append("status", DirectiveStatus.RECALLED.name())
                .append("recall", new Document("reason", e.reason()).append("on", iso(e.recalledOn()))
                        .append("by", actor(e.actor())).append("at", date(m.getTimestamp()))));
    }

    @EventHandler
    void on(DirectiveReplaced e, DomainEventMessage<?> m) {
        Document self = load(e.directiveId());
        if (applied(self, m)) {
            return;
        }
        Document replacement = load(e.replacementDirectiveId());
        if (LogOrder.add(replacement, "replaces", e.directiveId(), LogOrder.key(m))) {
            store.put(COLLECTION, replacement);
        }
        self.append("status", DirectiveStatus.REPLACED.name())
                .append("replacement", new Document("id", e.replacementDirectiveId()).append("reason", e.reason())
                        .append("on", iso(e.replacedOn())).append("by", actor(e.actor()))
                        .append("at", date(m.getTimestamp())));
        save(self, m);
    }

    @EventHandler
    void on(DirectiveCorrected e, DomainEventMessage<?> m) {
        Document self = load(e.directiveId());
        if (applied(self, m)) {
            return;
        }
        switch (e.field()) {
            case SYMBOL -> self.put("symbol", e.newValue());
            case SUBJECT -> self.put("subject", e.newValue());
            case ISSUED_ON -> self.put("issuedOn", e.newValue());
            case KIND -> self.put("kind", e.newValue());
            case SIGNER_NAME -> signer(self).put("name", e.newValue());
            case SIGNER_POSITION -> signer(self).put("position", e.newValue());
        }
        List<Document> corrections = docs(self, "corrections");
        corrections.add(new Document("field", e.field().name()).append("old", e.oldValue()).append("new", e.newValue())
                .append("reason", e.reason()).append("on", iso(e.correctedOn())).append("by", actor(e.actor()))
                .append("at", date(m.getTimestamp())));
        self.put("corrections", corrections);
        if (e.field() == DirectiveField.SYMBOL || e.field() == DirectiveField.ISSUED_ON) {
            // the copies of this directive's symbol and date held in the documents linked to it
            List<String> cited = docs(self, "implements").stream().map(x -> x.getString("id"))
                    .filter(Objects::nonNull).distinct().toList();
            for (Document y : store.findAll(COLLECTION, cited).values()) {
                updateImplementer(y, new Document("id", e.directiveId())
                        .append("symbol", self.getString("symbol")).append("issuedOn", self.getString("issuedOn")));
            }
            refreshCitingSymbols(self, e.directiveId(), self.getString("symbol"));
        }
        save(self, m);
    }

    @EventHandler
    void on(DirectiveAliasRegistered e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> {
            List<Document> aliases = docs(d, "aliases");
            aliases.add(new Document("alias", e.alias()).append("on", iso(e.registeredOn()))
                    .append("by", actor(e.actor())).append("at", date(m.getTimestamp())));
            d.put("aliases", aliases);
        });
    }

    /** A task of the directive (issued with it, or added later). Delegated tasks hang under their parent task. */
    @EventHandler
    void on(TaskAssigned e, EventMessage<?> m) {
        if (e.parentTaskId() != null) {
            return;
        }
        Document d = load(e.directiveId());
        if (LogOrder.add(d, "taskIds", e.taskId(), LogOrder.key(m))) {
            store.put(COLLECTION, d);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Document load(String id) {
        return store.find(COLLECTION, id).orElseGet(() -> new Document("_id", id));
    }

    private static boolean applied(Document d, DomainEventMessage<?> m) {
        return m.getSequenceNumber() <= Docs.lng(d.get("seq"), -1);
    }

    private void save(Document d, DomainEventMessage<?> m) {
        d.put("seq", m.getSequenceNumber());
        d.put("updatedAt", date(m.getTimestamp()));
        store.put(COLLECTION, d);
    }

    private void own(String id, DomainEventMessage<?> m, Consumer<Document> change) {
        Document d = load(id);
        if (applied(d, m)) {
            return;
        }
        change.accept(d);
        save(d, m);
    }

    private static Document signer(Document d) {
        Document s = Docs.doc(d, "signer");
        if (s == null) {
            s = new Document();
            d.put("signer", s);
        }
        return s;
    }

    private static void addRecipients(List<Document> into, List<String> bodies, Role role) {
        for (String b : bodies) {
            into.add(new Document("body", b).append("role", role.name()).append("receivedOn", null)
                    .append("receivedBy", null).append("receivedAt", null));
        }
    }

    // ------------------------------------------------------------------ reverse links

    /**
     * Lists X among the directives implementing Y, in log order (the key {@code at} of X's issue). The first
     * {@value #INLINE_LINKS} links live in Y's document; the others in overflow buckets of {@value #BUCKET_LINKS} in
     * {@value #LINKS} ("Y|0", "Y|1", ...), so that a central directive implemented by thousands of communes keeps a
     * small document. Which link is where is a function of the set of links (link i of the sorted list is inline
     * below {@value #INLINE_LINKS}, else in bucket (i - {@value #INLINE_LINKS}) / {@value #BUCKET_LINKS}): a link
     * later in the log than every other is appended to the last bucket (the usual case); one that came late is
     * inserted in its place and the links after it move up, so live and rebuilt documents are the same. A link
     * already present (a redelivery after a crash) is updated in place.
     */
    private void addImplementer(Document y, Document link) {
        String yId = y.getString("_id");
        List<Document> inline = docs(y, "implementedBy");
        int buckets = (int) Docs.lng(y.get("linkBuckets"), 0);
        Document tail = buckets == 0 ? null : store.find(LINKS, yId + "|" + (buckets - 1)).orElse(null);
        List<Document> last = tail != null ? docs(tail, "links") : inline;
        String lastAt = last.isEmpty() ? null : last.get(last.size() - 1).getString("at");
        String at = link.getString("at");
        if (lastAt != null && at.compareTo(lastAt) <= 0) {
            insertImplementer(y, link); // late, or delivered again
            return;
        }
        if (inline.size() < INLINE_LINKS) {
            inline.add(link);
            y.put("implementedBy", inline);
        } else {
            if (tail == null || docs(tail, "links").size() >= BUCKET_LINKS) {
                tail = new Document("_id", yId + "|" + buckets).append("links", new ArrayList<Document>());
                y.put("linkBuckets", buckets + 1);
            }
            List<Document> links = docs(tail, "links");
            links.add(link);
            store.put(LINKS, tail.append("links", links));
        }
        y.put("implementedByCount", Docs.lng(y.get("implementedByCount"), 0) + 1);
        store.put(COLLECTION, y);
    }

    /** The link merged where it is, or inserted at the place of its key with every link after it moved up. */
    private void insertImplementer(Document y, Document link) {
        String yId = y.getString("_id");
        List<Document> all = allImplementers(store, y);
        for (Document l : all) {
            if (link.getString("id").equals(l.getString("id"))) {
                updateImplementer(y, link);
                return;
            }
        }
        List<String> keys = all.stream().map(l -> l.getString("at")).toList();
        all.add(LogOrder.insertionPoint(keys, link.getString("at")), link);
        y.put("implementedBy", new ArrayList<>(all.subList(0, Math.min(INLINE_LINKS, all.size()))));
        int buckets = 0;
        for (int from = INLINE_LINKS; from < all.size(); from += BUCKET_LINKS) {
            List<Document> links = new ArrayList<>(all.subList(from, Math.min(all.size(), from + BUCKET_LINKS)));
            store.put(LINKS, new Document("_id", yId + "|" + buckets).append("links", links));
            buckets++;
        }
        if (buckets > 0) {
            y.put("linkBuckets", buckets);
        }
        y.put("implementedByCount", (long) all.size());
        store.put(COLLECTION, y);
    }

    /** Merges the link's fields into the one with the same id in the list; false when it is not there. */
    private static boolean merge(List<Document> links, Document link) {
        for (Document l : links) {
            if (link.getString("id").equals(l.getString("id"))) {
                link.forEach((k, v) -> {
                    if (v != null) {
                        l.put(k, v);
                    }
                });
                return true;
            }
        }
        return false;
    }

    /** Updates X's link in Y (inline or in any overflow bucket). */
    private void updateImplementer(Document y, Document link) {
        List<Document> inline = docs(y, "implementedBy");
        if (merge(inline, link)) {
            store.put(COLLECTION, y.append("implementedBy", inline));
            return;
        }
        for (Document bucket : linkBuckets(store, y).values()) {
            List<Document> links = docs(bucket, "links");
            if (merge(links, link)) {
                store.put(LINKS, bucket.append("links", links));
                return;
            }
        }
    }

    /** The overflow buckets of a directive's reverse links, by bucket id, in order (one $in). */
    static Map<String, Document> linkBuckets(ReadStore store, Document y) {
        int buckets = (int) Docs.lng(y.get("linkBuckets"), 0);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < buckets; n++) {
            ids.add(y.getString("_id") + "|" + n);
        }
        return ids.isEmpty() ? Map.of() : store.findAll(LINKS, ids);
    }

    /** Every directive implementing this one: inline links, then the overflow buckets. */
    static List<Document> allImplementers(ReadStore store, Document y) {
        List<Document> all = new ArrayList<>(docs(y, "implementedBy"));
        linkBuckets(store, y).values().forEach(b -> all.addAll(docs(b, "links")));
        return all;
    }

    /** Writes this directive's current symbol into the citations of the directives that implement it. */
    private void refreshCitingSymbols(Document self, String id, String symbol) {
        List<String> citing = allImplementers(store, self).stream().map(x -> x.getString("id")).distinct().toList();
        if (citing.isEmpty()) {
            return;
        }
        for (Document x : store.findAll(COLLECTION, citing).values()) {
            boolean changed = false;
            for (Document c : docs(x, "implements")) {
                if (id.equals(c.getString("id")) && !Objects.equals(symbol, c.getString("symbol"))) {
                    c.put("symbol", symbol);
                    changed = true;
                }
            }
            if (changed) {
                store.put(COLLECTION, x);
            }
        }
    }
}

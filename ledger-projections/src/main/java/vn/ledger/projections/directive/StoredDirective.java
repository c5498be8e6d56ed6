package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.directive.DirectiveProjection.Role;
import vn.ledger.projections.directive.ImplementerLinks.Implementer;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.StoredForm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static vn.ledger.projections.store.Docs.appendPresent;
import static vn.ledger.projections.store.Docs.iso;

/**
 * A directive's stored document in {@value DirectiveProjection#COLLECTION} ({@code _id} = directive id), as the
 * projection works on it: what its own events set ({@code apply}, pure, each taking the event's sequence number and
 * recording instant), and the links other directives and tasks make to it, kept in log order ({@link LogOrder}).
 *
 * @param seq              the sequence number of the last event of its own stream taken in; -1 for none (a stub,
 *                         made by a link that arrived before the directive)
 * @param kind             as issued or corrected (a correction's text)
 * @param issuedOn         ISO date as issued or corrected
 * @param recipients       the recipients when there are at most {@value RecipientBuckets#BUCKET}; else empty, and
 *                         they are in {@code recipientBuckets} buckets ({@link RecipientBuckets})
 * @param recipientRanks   with buckets: the rank the next unlisted body that receives it takes
 * @param implementedBy    the first {@value DirectiveProjection#INLINE_LINKS} directives implementing it; the others
 *                         in {@code linkBuckets} buckets ({@link ImplementerLinks})
 */
public record StoredDirective(String id, long seq, boolean issued, String symbol, String kind, String issuer,
                              Signer signer, String issuedOn, String subject, Actor issuedBy, Instant issuedAt,
                              long recipientCount, long receivedCount, List<String> orientations,
                              List<DirectiveView.CitationLink> implementsDirectives, DirectiveStatus status,
                              List<String> taskIds, List<String> taskIdsAt, List<DirectiveView.Recipient> recipients,
                              int recipientBuckets, long recipientRanks, DirectiveView.Recall recall,
                              DirectiveView.Replacement replacement, List<String> replaces, List<String> replacesAt,
                              List<DirectiveView.Correction> corrections, List<DirectiveView.Alias> aliases,
                              List<Implementer> implementedBy, long implementedByCount, int linkBuckets,
                              List<DirectiveView.RecipientGroup> recipientGroups, Instant updatedAt) {

    /**
     * A document with named fields, always in this order, absent values (and empty lists, zero counts of a stub)
     * left out: {@code _id}, {@code seq}, {@code issued}, {@code symbol}, {@code kind}, {@code issuer},
     * {@code signer} ({@code name}, {@code position}, {@code capacity}), {@code issuedOn}, {@code subject},
     * {@code issuedBy}, {@code issuedAt}, {@code recipientCount}, {@code receivedCount}, {@code orientations},
     * {@code implements}, {@code status}, {@code taskIds}, {@code taskIdsAt}, {@code recipients} or
     * {@code recipientBuckets} and {@code recipientRanks}, {@code recall}, {@code replacement}, {@code replaces},
     * {@code replacesAt}, {@code corrections}, {@code aliases}, {@code implementedBy}, {@code implementedByCount},
     * {@code linkBuckets}, {@code recipientGroups} (when it names a group), {@code updatedAt}. Directive layout 2
     * stored the same names in the order its events came, with absent values as null: it reads the same.
     */
    public static final StoredForm<StoredDirective> FORM = StoredForm.document(StoredDirectiveForm::write,
            StoredDirectiveForm::read, null);

    /** A signer as a sub-document, absent values left out: {@code name}, {@code position}, {@code capacity}. */
    public static final StoredForm<Signer> SIGNER = StoredForm.document(s -> {
        Document d = appendPresent(new Document(), "name", s.name());
        appendPresent(d, "position", s.position());
        return appendPresent(d, "capacity", Docs.name(s.capacity()));
    }, d -> new Signer(d.getString("name"), d.getString("position"),
            Docs.enumOf(SigningCapacity.class, d.get("capacity"))), null);

    public StoredDirective {
        orientations = List.copyOf(orientations);
        implementsDirectives = List.copyOf(implementsDirectives);
        taskIds = List.copyOf(taskIds);
        taskIdsAt = List.copyOf(taskIdsAt);
        recipients = List.copyOf(recipients);
        replaces = List.copyOf(replaces);
        replacesAt = List.copyOf(replacesAt);
        corrections = List.copyOf(corrections);
        aliases = List.copyOf(aliases);
        implementedBy = List.copyOf(implementedBy);
        recipientGroups = List.copyOf(recipientGroups);
    }

    /** A directive known only because something links to it. */
    public static StoredDirective stub(String id) {
        return new StoredDirective(id, -1, false, null, null, null, null, null, null, null, null, 0, 0, List.of(),
                List.of(), null, List.of(), List.of(), List.of(), 0, 0, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), 0, 0, List.of(), null);
    }

    /** True when the event of sequence number {@code seq} of its own stream was taken in already. */
    public boolean hasSeen(long seq) {
        return this.seq >= seq;
    }

    /** True when its recipients are in buckets ({@link RecipientBuckets}) rather than in the document. */
    public boolean bucketed() {
        return recipientBuckets > 0;
    }

    // ------------------------------------------------------------------ its own events

    /**
     * Issued, citing {@code cites} (each with the cited document's symbol as known now), to {@code listed}
     * (in the order of the issue: action, information, report). Its tasks in the order written come before those
     * listed already ({@code key} is the issue's place in the log). More than {@value RecipientBuckets#BUCKET}
     * recipients are left to buckets: only their number is kept here.
     */
    public StoredDirective apply(DirectiveIssued e, long seq, Instant at, String key,
                                 List<DirectiveView.CitationLink> cites, List<DirectiveView.Recipient> listed) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.issued = true;
        d.symbol = e.symbol();
        d.kind = Docs.name(e.kind());
        d.issuer = e.issuingBodyCode();
        d.signer = e.signer();
        d.issuedOn = iso(e.issuedOn());
        d.subject = e.subject();
        d.issuedBy = e.actor();
        d.issuedAt = at;
        d.recipientCount = listed.stream().map(DirectiveView.Recipient::bodyCode).distinct().count();
        d.receivedCount = 0;
        d.orientations = List.copyOf(e.orientations());
        List<DirectiveView.RecipientGroup> groups = new ArrayList<>();
        e.recipientGroupsForAction().forEach(g -> groups.add(DirectiveView.RecipientGroup.of(Role.ACTION, g)));
        e.recipientGroupsForInformation().forEach(g -> groups.add(DirectiveView.RecipientGroup.of(Role.INFORMATION,
                g)));
        e.recipientGroupsForReport().forEach(g -> groups.add(DirectiveView.RecipientGroup.of(Role.REPORT, g)));
        d.recipientGroups = groups;
        d.implementsDirectives = cites;
        d.status = DirectiveStatus.ACTIVE;
        List<String> ids = new ArrayList<>(taskIds);
        List<String> keys = new ArrayList<>(taskIdsAt);
        for (int i = 0; i < e.tasks().size(); i++) {
            if (!e.tasks().get(i).leadGroups().isEmpty()) {
                continue; // one task per member of the group, "code@BODY": each arrives by its TaskAssigned
            }
            LogOrder.add(ids, keys, e.directiveId() + "/" + e.tasks().get(i).code(), LogOrder.key(key, i));
        }
        d.taskIds = ids;
        d.taskIdsAt = keys;
        if (listed.size() > RecipientBuckets.BUCKET) {
            d.recipients = List.of();
            d.recipientBuckets = RecipientBuckets.bucketCount(listed.size());
            d.recipientRanks = listed.size();
        } else {
            d.recipients = listed;
        }
        return d.done(seq, at);
    }

    /** Received by a body (listed or not) when the recipients are in the document; a receipt taken is kept. */
    public StoredDirective apply(DirectiveReceived e, long seq, Instant at) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        List<DirectiveView.Recipient> out = new ArrayList<>();
        boolean listed = false;
        for (DirectiveView.Recipient r : recipients) {
            if (e.bodyCode().equals(r.bodyCode())) {
                listed = true;
                out.add(r.received(e.receivedOn(), e.actor(), at));
            } else {
                out.add(r);
            }
        }
        if (!listed) {
            out.add(new DirectiveView.Recipient(e.bodyCode(), null, e.receivedOn(), e.actor(), at));
            d.recipientCount = recipientCount + 1;
        }
        d.recipients = out;
        d.receivedCount = out.stream().filter(DirectiveView.Recipient::received)
                .map(DirectiveView.Recipient::bodyCode).distinct().count();
        return d.done(seq, at);
    }

    /** Received, the recipients being in buckets: the counters as the body's bucket says ({@code receipt}). */
    public StoredDirective received(RecipientBuckets.Receipt receipt, long seq, Instant at) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        if (receipt.listedNow()) {
            d.recipientRanks = recipientRanks + 1;
            d.recipientCount = recipientCount + 1;
        }
        if (receipt.firstReceipt()) {
            d.receivedCount = receivedCount + 1;
        }
        return d.done(seq, at);
    }

    public StoredDirective apply(DirectiveRecalled e, long seq, Instant at) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.status = DirectiveStatus.RECALLED;
        d.recall = new DirectiveView.Recall(e.reason(), e.recalledOn(), e.actor(), at);
        return d.done(seq, at);
    }

    public StoredDirective apply(DirectiveReplaced e, long seq, Instant at) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.status = DirectiveStatus.REPLACED;
        d.replacement = new DirectiveView.Replacement(e.replacementDirectiveId(), e.reason(), e.replacedOn(),
                e.actor(), at);
        return d.done(seq, at);
    }

    /** The field corrected (a signer's name or position on a directive without a signer makes one), and recorded. */
    public StoredDirective apply(DirectiveCorrected e, long seq, Instant at) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        Signer s = signer == null ? new Signer(null, null, null) : signer;
        switch (e.field()) {
            case SYMBOL -> d.symbol = e.newValue();
            case SUBJECT -> d.subject = e.newValue();
            case ISSUED_ON -> d.issuedOn = e.newValue();
            case KIND -> d.kind = e.newValue();
            case SIGNER_NAME -> d.signer = new Signer(e.newValue(), s.position(), s.capacity());
            case SIGNER_POSITION -> d.signer = new Signer(s.name(), e.newValue(), s.capacity());
        }
        List<DirectiveView.Correction> out = new ArrayList<>(corrections);
        out.add(new DirectiveView.Correction(e.field().name(), e.oldValue(), e.newValue(), e.reason(),
                e.correctedOn(), e.actor(), at));
        d.corrections = out;
        return d.done(seq, at);
    }

    public StoredDirective apply(DirectiveAliasRegistered e, long seq, Instant at) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        List<DirectiveView.Alias> out = new ArrayList<>(aliases);
        out.add(new DirectiveView.Alias(e.alias(), e.registeredOn(), e.actor(), at));
        d.aliases = out;
        return d.done(seq, at);
    }

    // ------------------------------------------------------------------ links made by other streams

    /** With the task listed at the place of its key in the log (null when listed already there or before). */
    public StoredDirective withTask(String taskId, String key) {
        List<String> ids = new ArrayList<>(taskIds);
        List<String> keys = new ArrayList<>(taskIdsAt);
        if (!LogOrder.add(ids, keys, taskId, key)) {
            return null;
        }
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.taskIds = ids;
        d.taskIdsAt = keys;
        return d.done(seq, updatedAt);
    }

    /** With the directive it replaces listed at the place of its key (null when listed already there or before). */
    public StoredDirective withReplaced(String directiveId, String key) {
        List<String> ids = new ArrayList<>(replaces);
        List<String> keys = new ArrayList<>(replacesAt);
        if (!LogOrder.add(ids, keys, directiveId, key)) {
            return null;
        }
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.replaces = ids;
        d.replacesAt = keys;
        return d.done(seq, updatedAt);
    }

    /** With the cited directive's current symbol in its citations (null when they show it already). */
    public StoredDirective withCitedSymbol(String citedId, String citedSymbol) {
        boolean changed = false;
        List<DirectiveView.CitationLink> out = new ArrayList<>();
        for (DirectiveView.CitationLink c : implementsDirectives) {
            if (citedId.equals(c.directiveId()) && !Objects.equals(citedSymbol, c.currentSymbol())) {
                out.add(new DirectiveView.CitationLink(c.asWritten(), c.directiveId(), citedSymbol));
                changed = true;
            } else {
                out.add(c);
            }
        }
        if (!changed) {
            return null;
        }
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.implementsDirectives = out;
        return d.done(seq, updatedAt);
    }

    /** With these implementers inline, so many in all, in so many overflow buckets. */
    public StoredDirective withImplementers(List<Implementer> inline, long count, int buckets) {
        StoredDirectiveDraft d = new StoredDirectiveDraft(this);
        d.implementedBy = inline;
        d.implementedByCount = count;
        d.linkBuckets = buckets;
        return d.done(seq, updatedAt);
    }
}

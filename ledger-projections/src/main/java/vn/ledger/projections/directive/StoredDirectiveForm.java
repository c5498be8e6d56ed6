package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.directive.ImplementerLinks.Implementer;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;

import java.util.List;

import static vn.ledger.projections.directive.StoredDirective.SIGNER;
import static vn.ledger.projections.store.Docs.appendPresent;
import static vn.ledger.projections.store.Docs.date;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.SharedValues.ACTOR;
import static vn.ledger.projections.store.SharedValues.toActor;

/** How a {@link StoredDirective} is written and read: the document {@link StoredDirective#FORM} describes. */
final class StoredDirectiveForm {

    private StoredDirectiveForm() {
    }

    static Document write(StoredDirective s) {
        Document d = new Document("_id", s.id());
        if (s.seq() >= 0) {
            d.append("seq", s.seq());
        }
        if (s.issued()) {
            d.append("issued", true);
        }
        appendPresent(d, "symbol", s.symbol());
        appendPresent(d, "kind", s.kind());
        appendPresent(d, "issuer", s.issuer());
        appendPresent(d, "signer", SIGNER.write(s.signer()));
        appendPresent(d, "issuedOn", s.issuedOn());
        appendPresent(d, "subject", s.subject());
        appendPresent(d, "issuedBy", ACTOR.write(s.issuedBy()));
        appendPresent(d, "issuedAt", date(s.issuedAt()));
        if (s.issued()) {
            d.append("recipientCount", s.recipientCount()).append("receivedCount", s.receivedCount())
                    .append("orientations", s.orientations())
                    .append("implements", DirectiveView.CitationLink.FORM.writeAll(s.implementsDirectives()));
        }
        appendPresent(d, "status", Docs.name(s.status()));
        if (s.issued() || !s.taskIds().isEmpty()) {
            d.append("taskIds", s.taskIds()).append("taskIdsAt", s.taskIdsAt());
        }
        if (s.recipientBuckets() > 0) {
            d.append("recipientBuckets", s.recipientBuckets()).append("recipientRanks", s.recipientRanks());
        } else if (s.issued()) {
            d.append("recipients", DirectiveView.Recipient.FORM.writeAll(s.recipients()));
        }
        appendPresent(d, "recall", DirectiveView.Recall.FORM.write(s.recall()));
        appendPresent(d, "replacement", DirectiveView.Replacement.FORM.write(s.replacement()));
        if (!s.replaces().isEmpty()) {
            d.append("replaces", s.replaces()).append("replacesAt", s.replacesAt());
        }
        if (!s.corrections().isEmpty()) {
            d.append("corrections", DirectiveView.Correction.FORM.writeAll(s.corrections()));
        }
        if (!s.aliases().isEmpty()) {
            d.append("aliases", DirectiveView.Alias.FORM.writeAll(s.aliases()));
        }
        if (!s.implementedBy().isEmpty()) {
            d.append("implementedBy", Implementer.FORM.writeAll(s.implementedBy()))
                    .append("implementedByCount", s.implementedByCount());
        }
        if (s.linkBuckets() > 0) {
            d.append("linkBuckets", s.linkBuckets());
        }
        if (!s.recipientGroups().isEmpty()) {
            d.append("recipientGroups", DirectiveView.RecipientGroup.FORM.writeAll(s.recipientGroups()));
        }
        return appendPresent(d, "updatedAt", date(s.updatedAt()));
    }

    static StoredDirective read(Document d) {
        List<String> taskIds = Docs.strings(d, "taskIds");
        List<String> replaces = Docs.strings(d, "replaces");
        List<Implementer> implementers = Implementer.FORM.readAll(d.get("implementedBy"));
        return new StoredDirective(d.getString("_id"), Docs.num(d, "seq", -1), Docs.bool(d, "issued"),
                d.getString("symbol"), d.getString("kind"), d.getString("issuer"), SIGNER.read(d.get("signer")),
                d.getString("issuedOn"), d.getString("subject"), toActor(d.get("issuedBy")),
                instant(d.get("issuedAt")), Docs.num(d, "recipientCount", 0), Docs.num(d, "receivedCount", 0),
                Docs.strings(d, "orientations"), DirectiveView.CitationLink.FORM.readAll(d.get("implements")),
                Docs.enumOf(DirectiveStatus.class, d.get("status")), taskIds,
                LogOrder.keys(d, "taskIds", taskIds.size()), DirectiveView.Recipient.FORM.readAll(d.get("recipients")),
                (int) Docs.num(d, "recipientBuckets", 0), Docs.num(d, "recipientRanks", 0),
                DirectiveView.Recall.FORM.read(d.get("recall")),
                DirectiveView.Replacement.FORM.read(d.get("replacement")), replaces,
                LogOrder.keys(d, "replaces", replaces.size()),
                DirectiveView.Correction.FORM.readAll(d.get("corrections")),
                DirectiveView.Alias.FORM.readAll(d.get("aliases")), implementers,
                Docs.num(d, "implementedByCount", implementers.size()), (int) Docs.num(d, "linkBuckets", 0),
                DirectiveView.RecipientGroup.FORM.readAll(d.get("recipientGroups")), instant(d.get("updatedAt")));
    }
}

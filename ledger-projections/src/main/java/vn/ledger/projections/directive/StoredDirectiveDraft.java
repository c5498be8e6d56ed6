package vn.ledger.projections.directive;

import vn.ledger.core.directive.Signer;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.directive.ImplementerLinks.Implementer;

import java.time.Instant;
import java.util.List;

/** The record's components while one change is made to them (apply stays a function of record and event). */
final class StoredDirectiveDraft {
    private final String id;
    boolean issued;
    String symbol;
    String kind;
    String issuer;
    Signer signer;
    String issuedOn;
    String subject;
    Actor issuedBy;
    Instant issuedAt;
    long recipientCount;
    long receivedCount;
    List<String> orientations;
    List<DirectiveView.CitationLink> implementsDirectives;
    DirectiveStatus status;
    List<String> taskIds;
    List<String> taskIdsAt;
    List<DirectiveView.Recipient> recipients;
    int recipientBuckets;
    long recipientRanks;
    DirectiveView.Recall recall;
    DirectiveView.Replacement replacement;
    List<String> replaces;
    List<String> replacesAt;
    List<DirectiveView.Correction> corrections;
    List<DirectiveView.Alias> aliases;
    List<Implementer> implementedBy;
    long implementedByCount;
    int linkBuckets;
    List<DirectiveView.RecipientGroup> recipientGroups;

    StoredDirectiveDraft(StoredDirective s) {
        id = s.id();
        issued = s.issued();
        symbol = s.symbol();
        kind = s.kind();
        issuer = s.issuer();
        signer = s.signer();
        issuedOn = s.issuedOn();
        subject = s.subject();
        issuedBy = s.issuedBy();
        issuedAt = s.issuedAt();
        recipientCount = s.recipientCount();
        receivedCount = s.receivedCount();
        orientations = s.orientations();
        implementsDirectives = s.implementsDirectives();
        status = s.status();
        taskIds = s.taskIds();
        taskIdsAt = s.taskIdsAt();
        recipients = s.recipients();
        recipientBuckets = s.recipientBuckets();
        recipientRanks = s.recipientRanks();
        recall = s.recall();
        replacement = s.replacement();
        replaces = s.replaces();
        replacesAt = s.replacesAt();
        corrections = s.corrections();
        aliases = s.aliases();
        implementedBy = s.implementedBy();
        implementedByCount = s.implementedByCount();
        linkBuckets = s.linkBuckets();
        recipientGroups = s.recipientGroups();
    }

    StoredDirective done(long seq, Instant updatedAt) {
        return new StoredDirective(id, seq, issued, symbol, kind, issuer, signer, issuedOn, subject, issuedBy,
                issuedAt, recipientCount, receivedCount, orientations, implementsDirectives, status, taskIds,
                taskIdsAt, recipients, recipientBuckets, recipientRanks, recall, replacement, replaces,
                replacesAt, corrections, aliases, implementedBy, implementedByCount, linkBuckets, recipientGroups, updatedAt);
    }
}

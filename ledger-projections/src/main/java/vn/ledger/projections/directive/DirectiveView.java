package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.task.TaskProjection;
import vn.ledger.projections.task.Timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static vn.ledger.projections.store.Docs.appendPresent;
import static vn.ledger.projections.store.Docs.date;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.SharedValues.ACTOR;
import static vn.ledger.projections.store.SharedValues.toActor;

/**
 * A directive's state at an instant: its metadata (corrections applied), recipients with receipt, orientations,
 * its tasks with their current timeliness, the directives it implements and those that implement it, and its
 * status.
 *
 * <p>The records a directive's stored documents are made of declare their stored forms here ({@code FORM}: a
 * sub-document, absent values left out); {@link StoredDirective} is the directive's document.
 *
 * @param taskCounts   number of tasks per timeliness (tasks whose state is not known yet are not counted)
 * @param implementedBy      the first directives implementing this one (all of them up to 50; the complete list
 *                           from {@link DirectiveQueries#implementedBy})
 * @param implementedByCount how many directives implement this one
 * @param ruleVersion  version of the timeliness rule behind {@code tasks[].timeliness}
 * @param version      last applied sequence number of the directive's own stream
 */
public record DirectiveView(String directiveId, String symbol, DirectiveKind kind, String issuingBodyCode,
                            Signer signer, LocalDate issuedOn, String subject, List<Alias> aliases,
                            List<Correction> corrections, List<Recipient> recipients, long recipientCount,
                            long receivedCount, List<RecipientGroup> recipientGroups, List<String> orientations, List<TaskLine> tasks,
                            Map<Timeliness, Integer> taskCounts, List<CitationLink> implementsDirectives,
                            List<ImplementerLink> implementedBy, long implementedByCount, DirectiveStatus status, Recall recall,
                            Replacement replacement, List<String> replaces, Actor issuedBy, Instant recordedAt,
                            String ruleVersion, long version) {

    /**
     * A sub-document, absent values left out: {@code body}, {@code role}, {@code receivedOn}, {@code receivedBy},
     * {@code receivedAt} (the previous layout wrote the absent ones as null: it reads the same).
     *
     * @param role null when a body not listed as a recipient acknowledged receipt
     */
    public record Recipient(String bodyCode, DirectiveProjection.Role role, LocalDate receivedOn, Actor receivedBy,
                            Instant recordedAt) {

        public static final StoredForm<Recipient> FORM = StoredForm.document(Recipient::write, Recipient::read, null);

        /** The body listed under its role, not received yet. */
        public static Recipient listed(String bodyCode, DirectiveProjection.Role role) {
            return new Recipient(bodyCode, role, null, null, null);
        }

        /** Received (a receipt taken already is kept). */
        public Recipient received(LocalDate on, Actor by, Instant at) {
            return received() ? this : new Recipient(bodyCode, role, on, by, at);
        }

        static Document write(Recipient r) {
            Document d = new Document("body", r.bodyCode);
            appendPresent(d, "role", Docs.name(r.role));
            appendPresent(d, "receivedOn", iso(r.receivedOn));
            appendPresent(d, "receivedBy", ACTOR.write(r.receivedBy));
            return appendPresent(d, "receivedAt", date(r.recordedAt));
        }

        static Recipient read(Document d) {
            return new Recipient(d.getString("body"), Docs.enumOf(DirectiveProjection.Role.class, d.get("role")),
                    localDate(d.get("receivedOn")), toActor(d.get("receivedBy")), instant(d.get("receivedAt")));
        }

        public boolean received() {
            return receivedOn != null;
        }
    }

    /**
     * A group of recipients as written ("Các tỉnh ủy, thành ủy") beside the bodies it meant on the date of issue
     * (each of which is also among the recipients, once). A sub-document, absent values left out: {@code role},
     * {@code kind}, {@code of}, {@code wording}, {@code memberCount}, {@code members}.
     *
     * @param members the member bodies when there are at most {@value RecipientBuckets#BUCKET} (a longer list is
     *                read from the recipients or the directive's history, so that a receipt does not rewrite it)
     */
    public record RecipientGroup(DirectiveProjection.Role role, BodyGroup.Kind kind, String of, String wording,
                                 int memberCount, List<String> members) {

        public static final StoredForm<RecipientGroup> FORM = StoredForm.document(g -> {
            Document d = appendPresent(new Document(), "role", Docs.name(g.role()));
            appendPresent(d, "kind", Docs.name(g.kind()));
            appendPresent(d, "of", g.of());
            appendPresent(d, "wording", g.wording());
            d.append("memberCount", g.memberCount());
            return g.members().isEmpty() ? d : d.append("members", g.members());
        }, d -> new RecipientGroup(Docs.enumOf(DirectiveProjection.Role.class, d.get("role")),
                Docs.enumOf(BodyGroup.Kind.class, d.get("kind")), d.getString("of"), d.getString("wording"),
                (int) Docs.num(d, "memberCount", 0), Docs.strings(d, "members")), null);

        public RecipientGroup {
            members = members == null ? List.of() : List.copyOf(members);
        }

        static RecipientGroup of(DirectiveProjection.Role role, GroupMembers g) {
            List<String> members = g.members().size() <= RecipientBuckets.BUCKET ? g.members() : List.of();
            return new RecipientGroup(role, g.group().kind(), g.group().of(), g.group().wording(), g.members().size(),
                    members);
        }
    }

    /** A sub-document, absent values left out: {@code alias}, {@code on}, {@code by}, {@code at}. */
    public record Alias(String alias, LocalDate registeredOn, Actor by, Instant recordedAt) {

        public static final StoredForm<Alias> FORM = StoredForm.document(a -> {
            Document d = appendPresent(new Document(), "alias", a.alias());
            appendPresent(d, "on", iso(a.registeredOn()));
            appendPresent(d, "by", ACTOR.write(a.by()));
            return appendPresent(d, "at", date(a.recordedAt()));
        }, d -> new Alias(d.getString("alias"), localDate(d.get("on")), toActor(d.get("by")), instant(d.get("at"))),
                null);
    }

    /**
     * A sub-document, absent values left out: {@code field}, {@code old}, {@code new}, {@code reason}, {@code on},
     * {@code by}, {@code at}.
     */
    public record Correction(String field, String oldValue, String newValue, String reason, LocalDate correctedOn,
                             Actor by, Instant recordedAt) {

        public static final StoredForm<Correction> FORM = StoredForm.document(c -> {
            Document d = appendPresent(new Document(), "field", c.field());
            appendPresent(d, "old", c.oldValue());
            appendPresent(d, "new", c.newValue());
            appendPresent(d, "reason", c.reason());
            appendPresent(d, "on", iso(c.correctedOn()));
            appendPresent(d, "by", ACTOR.write(c.by()));
            return appendPresent(d, "at", date(c.recordedAt()));
        }, d -> new Correction(d.getString("field"), d.getString("old"), d.getString("new"), d.getString("reason"),
                localDate(d.get("on")), toActor(d.get("by")), instant(d.get("at"))), null);
    }

    /**
     * A task of the directive with its standing at the instant asked. {@code timeliness} is null (and the other
     * facts too) when the task's own events have not been projected yet.
     */
    public record TaskLine(String taskId, String code, String work, List<String> leadBodies,
                           List<String> cooperatingBodies, Deadline deadlineInForce, TaskProjection.Status status,
                           Timeliness timeliness, Integer lastPercent, List<Ro> missing, List<String> childTaskIds) {
    }

    /**
     * A directive this one implements: the citation as written, the id it resolves to, that document's symbol. A
     * sub-document, absent values left out: {@code asWritten}, {@code id}, {@code symbol}.
     */
    public record CitationLink(String asWritten, String directiveId, String currentSymbol) {

        public static final StoredForm<CitationLink> FORM = StoredForm.document(c -> {
            Document d = appendPresent(new Document(), "asWritten", c.asWritten());
            appendPresent(d, "id", c.directiveId());
            return appendPresent(d, "symbol", c.currentSymbol());
        }, d -> new CitationLink(d.getString("asWritten"), d.getString("id"), d.getString("symbol")), null);
    }

    /** A directive that implements this one, with the citation it used. */
    public record ImplementerLink(String directiveId, String symbol, String issuingBodyCode, LocalDate issuedOn,
                                  String citedAs) {
    }

    /** A sub-document, absent values left out: {@code reason}, {@code on}, {@code by}, {@code at}. */
    public record Recall(String reason, LocalDate recalledOn, Actor by, Instant recordedAt) {

        public static final StoredForm<Recall> FORM = StoredForm.document(r -> {
            Document d = appendPresent(new Document(), "reason", r.reason());
            appendPresent(d, "on", iso(r.recalledOn()));
            appendPresent(d, "by", ACTOR.write(r.by()));
            return appendPresent(d, "at", date(r.recordedAt()));
        }, d -> new Recall(d.getString("reason"), localDate(d.get("on")), toActor(d.get("by")), instant(d.get("at"))),
                null);
    }

    /** A sub-document, absent values left out: {@code id}, {@code reason}, {@code on}, {@code by}, {@code at}. */
    public record Replacement(String replacementDirectiveId, String reason, LocalDate replacedOn, Actor by,
                              Instant recordedAt) {

        public static final StoredForm<Replacement> FORM = StoredForm.document(r -> {
            Document d = appendPresent(new Document(), "id", r.replacementDirectiveId());
            appendPresent(d, "reason", r.reason());
            appendPresent(d, "on", iso(r.replacedOn()));
            appendPresent(d, "by", ACTOR.write(r.by()));
            return appendPresent(d, "at", date(r.recordedAt()));
        }, d -> new Replacement(d.getString("id"), d.getString("reason"), localDate(d.get("on")), toActor(d.get("by")),
                instant(d.get("at"))), null);
    }
}

package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.task.TaskProjection;
import vn.ledger.projections.task.TaskQueries;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.ledger.projections.store.Docs.docs;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.Docs.strings;
import static vn.ledger.projections.store.SharedValues.toActor;

/**
 * Reads directive state: one {@code find} on {@value DirectiveProjection#COLLECTION} by {@code _id}, then one
 * {@code $in} on {@value TaskProjection#COLLECTION} for its tasks; two round trips whatever the number of tasks.
 */
public final class DirectiveQueries {

    private final ReadStore store;
    private final Clock clock;

    public DirectiveQueries(ReadStore store) {
        this(store, Clock.systemUTC());
    }

    /** @param clock gives "now" to {@link #state(String)} */
    public DirectiveQueries(ReadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The directive now, by the clock given at construction. */
    public Optional<DirectiveView> state(String directiveId) {
        return state(directiveId, clock.instant());
    }

    /** The directive with its tasks' timeliness judged at {@code now}; empty when no such directive was issued. */
    public Optional<DirectiveView> state(String directiveId, Instant now) {
        Optional<Document> found = store.find(DirectiveProjection.COLLECTION, directiveId);
        if (found.isEmpty() || !found.get().getBoolean("issued", false)) {
            return Optional.empty(); // unknown, or only a stub made by a link that arrived first
        }
        Document d = found.get();
        List<String> taskIds = strings(d, "taskIds");
        Map<String, Document> tasks = taskIds.isEmpty() ? Map.of() : store.findAll(TaskProjection.COLLECTION, taskIds);
        List<Document> recipients = d.get("recipientBuckets") == null ? docs(d, "recipients") // a short list
                : RecipientBuckets.all(store, d.getString("_id"), (int) Docs.lng(d.get("recipientBuckets"), 1));
        return Optional.of(view(d, tasks, recipients, now));
    }

    /**
     * Every directive that implements this one (cites it), in the order they were recorded: one {@code find} and,
     * beyond the first 50, one {@code $in} on {@value DirectiveProjection#LINKS}. Empty when unknown.
     */
    public List<DirectiveView.ImplementerLink> implementedBy(String directiveId) {
        return store.find(DirectiveProjection.COLLECTION, directiveId)
                .filter(d -> d.getBoolean("issued", false))
                .map(d -> links(DirectiveProjection.allImplementers(store, d)))
                .orElse(List.of());
    }

    private static List<DirectiveView.ImplementerLink> links(List<Document> docs) {
        List<DirectiveView.ImplementerLink> out = new ArrayList<>();
        for (Document c : docs) {
            out.add(new DirectiveView.ImplementerLink(c.getString("id"), c.getString("symbol"), c.getString("issuer"),
                    localDate(c.get("issuedOn")), c.getString("asWritten")));
        }
        return List.copyOf(out);
    }

    /** The view of a stored directive document, its task documents and its recipients, in order. */
    public static DirectiveView view(Document d, Map<String, Document> taskDocs, List<Document> stored, Instant now) {
        List<DirectiveView.TaskLine> lines = new ArrayList<>();
        Map<Timeliness, Integer> counts = new EnumMap<>(Timeliness.class);
        for (String id : strings(d, "taskIds")) {
            Document t = taskDocs.get(id);
            if (t == null || t.get("directiveId") == null) {
                lines.add(new DirectiveView.TaskLine(id, null, null, List.of(), List.of(), null, null, null, null,
                        List.of(), List.of()));
                continue;
            }
            Deadline inForce = SharedValues.toDeadline(t.get("deadline"));
            Timeliness timeliness = TaskQueries.timeliness(t, inForce, now);
            counts.merge(timeliness, 1, Integer::sum);
            lines.add(new DirectiveView.TaskLine(id, t.getString("code"), t.getString("work"),
                    List.copyOf(strings(t, "lead")), List.copyOf(strings(t, "coop")), inForce,
                    Docs.enumOf(TaskProjection.Status.class, t.get("status")), timeliness,
                    Docs.integer(t.get("lastPercent")), strings(t, "missing").stream().map(Ro::valueOf).toList(),
                    List.copyOf(strings(t, "children"))));
        }
        List<DirectiveView.Recipient> recipients = new ArrayList<>();
        for (Document r : stored) {
            recipients.add(new DirectiveView.Recipient(r.getString("body"),
                    Docs.enumOf(DirectiveProjection.Role.class, r.get("role")), localDate(r.get("receivedOn")),
                    toActor(r.get("receivedBy")), instant(r.get("receivedAt"))));
        }
        List<DirectiveView.Alias> aliases = new ArrayList<>();
        for (Document a : docs(d, "aliases")) {
            aliases.add(new DirectiveView.Alias(a.getString("alias"), localDate(a.get("on")), toActor(a.get("by")),
                    instant(a.get("at"))));
        }
        List<DirectiveView.Correction> corrections = new ArrayList<>();
        for (Document c : docs(d, "corrections")) {
            corrections.add(new DirectiveView.Correction(c.getString("field"), c.getString("old"), c.getString("new"),
                    c.getString("reason"), localDate(c.get("on")), toActor(c.get("by")), instant(c.get("at"))));
        }
        List<DirectiveView.CitationLink> cites = new ArrayList<>();
        for (Document c : docs(d, "implements")) {
            cites.add(new DirectiveView.CitationLink(c.getString("asWritten"), c.getString("id"), c.getString("symbol")));
        }
        List<DirectiveView.ImplementerLink> implementers = links(docs(d, "implementedBy"));
        Document s = Docs.doc(d, "signer");
        Signer signer = s == null ? null : new Signer(s.getString("name"), s.getString("position"),
                Docs.enumOf(SigningCapacity.class, s.get("capacity")));
        Document r = Docs.doc(d, "recall");
        DirectiveView.Recall recall = r == null ? null : new DirectiveView.Recall(r.getString("reason"),
                localDate(r.get("on")), toActor(r.get("by")), instant(r.get("at")));
        Document p = Docs.doc(d, "replacement");
        DirectiveView.Replacement replacement = p == null ? null : new DirectiveView.Replacement(p.getString("id"),
                p.getString("reason"), localDate(p.get("on")), toActor(p.get("by")), instant(p.get("at")));

        return new DirectiveView(d.getString("_id"), d.getString("symbol"),
                Docs.enumOf(DirectiveKind.class, d.get("kind")), d.getString("issuer"), signer,
                localDate(d.get("issuedOn")), d.getString("subject"), List.copyOf(aliases), List.copyOf(corrections),
                List.copyOf(recipients), Docs.lng(d.get("recipientCount"), 0), Docs.lng(d.get("receivedCount"), 0),
                List.copyOf(strings(d, "orientations")), List.copyOf(lines), counts, List.copyOf(cites),
                List.copyOf(implementers), Docs.lng(d.get("implementedByCount"), implementers.size()),
                Docs.enumOf(DirectiveStatus.class, d.get("status")), recall, replacement,
                List.copyOf(strings(d, "replaces")), toActor(d.get("issuedBy")), instant(d.get("issuedAt")),
                TimelinessRule.VERSION, Docs.lng(d.get("seq"), -1));
    }
}

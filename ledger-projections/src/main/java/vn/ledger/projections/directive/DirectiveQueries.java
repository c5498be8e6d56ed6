package vn.ledger.projections.directive;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.StoredTask;
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

import static vn.ledger.projections.store.Docs.localDate;

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
        Optional<StoredDirective> found = store.find(DirectiveProjection.COLLECTION, directiveId)
                .map(StoredDirective.FORM::read);
        if (found.isEmpty() || !found.get().issued()) {
            return Optional.empty(); // unknown, or only a stub made by a link that arrived first
        }
        StoredDirective d = found.get();
        Map<String, Document> tasks = d.taskIds().isEmpty() ? Map.of()
                : store.findAll(TaskProjection.COLLECTION, d.taskIds());
        List<DirectiveView.Recipient> recipients = d.bucketed()
                ? RecipientBuckets.all(store, d.id(), d.recipientBuckets()) : d.recipients();
        return Optional.of(view(d, tasks, recipients, now));
    }

    /**
     * Every directive that implements this one (cites it), in the order they were recorded: one {@code find} and,
     * beyond the first 50, one {@code $in} on {@value DirectiveProjection#LINKS}. Empty when unknown.
     */
    public List<DirectiveView.ImplementerLink> implementedBy(String directiveId) {
        return store.find(DirectiveProjection.COLLECTION, directiveId).map(StoredDirective.FORM::read)
                .filter(StoredDirective::issued)
                .map(d -> DirectiveProjection.allImplementers(store, d).stream()
                        .map(ImplementerLinks.Implementer::view).toList())
                .orElse(List.of());
    }

    /** The view of a stored directive, its task documents and its recipients, in order. */
    public static DirectiveView view(StoredDirective d, Map<String, Document> taskDocs,
                                     List<DirectiveView.Recipient> recipients, Instant now) {
        List<DirectiveView.TaskLine> lines = new ArrayList<>();
        Map<Timeliness, Integer> counts = new EnumMap<>(Timeliness.class);
        for (String id : d.taskIds()) {
            Document stored = taskDocs.get(id);
            StoredTask t = stored == null ? null : StoredTask.FORM.read(stored);
            if (t == null || t.assignment() == null || t.assignment().directiveId() == null) {
                lines.add(new DirectiveView.TaskLine(id, null, null, List.of(), List.of(), null, null, null, null,
                        List.of(), List.of()));
                continue;
            }
            Timeliness timeliness = TaskQueries.timeliness(t, now);
            counts.merge(timeliness, 1, Integer::sum);
            lines.add(new DirectiveView.TaskLine(id, t.assignment().code(), t.assignment().work(), t.lead(), t.coop(),
                    t.deadline(), t.status(), timeliness, t.lastPercent(), t.assignment().missing(), t.children()));
        }
        List<DirectiveView.ImplementerLink> implementers = d.implementedBy().stream()
                .map(ImplementerLinks.Implementer::view).toList();
        return new DirectiveView(d.id(), d.symbol(), Docs.enumOf(DirectiveKind.class, d.kind()), d.issuer(),
                d.signer(), localDate(d.issuedOn()), d.subject(), d.aliases(), d.corrections(),
                List.copyOf(recipients), d.recipientCount(), d.receivedCount(), d.recipientGroups(), d.orientations(),
                List.copyOf(lines),
                counts, d.implementsDirectives(), implementers, d.implementedByCount(), d.status(), d.recall(),
                d.replacement(), d.replaces(), d.issuedBy(), d.issuedAt(), TimelinessRule.VERSION, d.seq());
    }
}

package vn.ledger.projections.search;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.StoredForms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;


/**
 * The search index of directives, by symbol (and aliases), subject and issuer name, folded so that text with and
 * without Vietnamese diacritics matches.
 *
 * <p>Collection {@value #COLLECTION}:
 * <ul>
 *   <li>{@code "tok:" + token}: the directives indexed under the token, as parallel lists {@code ids},
 *   {@code on} (their issue dates, so a query ranks without reading the directives) and {@code at} (the log key of
 *   their issue, {@link LogOrder}: the lists are in log order whatever order the directives were indexed in);</li>
 *   <li>{@code "dir:" + directive id}: what is indexed for the directive (symbol, aliases, subject, issuer code
 *   and name, kind, issue date, status, log key of its issue {@code at}) and its current {@code tokens}, from which
 *   a change is diffed.</li>
 * </ul>
 * Collection {@value #BODIES}: {@code _id} = body code, its current {@code name} and the {@code directives} it
 * issued, so that renaming a body re-indexes its directives; a directive may arrive before its issuer's
 * registration (a stub without name is kept until then); {@code directives} is in log order.
 *
 * <p>Idempotent: each document keeps the last applied sequence of its aggregate ({@code seq}); token lists are
 * sets updated by diff, written before the document that records the tokens. Plain class; one segment.
 */
public final class SearchProjection {

    public static final String COLLECTION = "search";
    public static final String BODIES = "search_bodies";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, BODIES);
    static final String TOKEN = "tok:";
    static final String DIRECTIVE = "dir:";
    /**
     * How this model's stored documents read (the administrator's decoded documents): a directive's entry or a
     * token's list by the prefix of its id, a body as {@link SearchBody}.
     */
    public static final StoredForms FORMS = StoredForms.forms().document(COLLECTION, StoredForm.<Record>document(
            r -> r instanceof TokenPostings t ? TokenPostings.FORM.document(t)
                    : SearchEntry.FORM.document((SearchEntry) r),
            d -> d.getString("_id").startsWith(SearchProjection.TOKEN) ? TokenPostings.FORM.read(d)
                    : SearchEntry.FORM.read(d), null))
            .document(BODIES, SearchBody.FORM);

    private final ReadStore store;

    public SearchProjection(ReadStore store) {
        this.store = store;
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
    }

    @EventHandler
    void on(DirectiveIssued e, DomainEventMessage<?> m) {
        SearchEntry d = directive(e.directiveId());
        if (d.hasSeen(m.getSequenceNumber())) {
            return;
        }
        SearchBody body = body(e.issuingBodyCode());
        String at = LogOrder.key(m);
        SearchBody listed = body.issued(e.directiveId(), at);
        if (listed != null) {
            store.put(BODIES, SearchBody.FORM.document(listed));
        }
        SearchEntry issued = d.apply(e, at, body.name(), DirectiveStatus.ACTIVE.name());
        save(reindex(List.of(issued)).get(0).seen(m.getSequenceNumber()));
    }

    @EventHandler
    void on(DirectiveCorrected e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> reindex(List.of(d.apply(e))).get(0));
    }

    @EventHandler
    void on(DirectiveAliasRegistered e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> reindex(List.of(d.withAlias(e.alias()))).get(0));
    }

    @EventHandler
    void on(DirectiveRecalled e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> d.withStatus(DirectiveStatus.RECALLED.name()));
    }

    @EventHandler
    void on(DirectiveReplaced e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> d.withStatus(DirectiveStatus.REPLACED.name()));
    }

    @EventHandler
    void on(BodyRegistered e, DomainEventMessage<?> m) {
        named(e.code(), e.name(), m);
    }

    @EventHandler
    void on(BodyRenamed e, DomainEventMessage<?> m) {
        named(e.code(), e.newName(), m);
    }

    // ------------------------------------------------------------------ indexing

    private void named(String code, String name, DomainEventMessage<?> m) {
        SearchBody body = body(code);
        if (body.hasSeen(m.getSequenceNumber())) {
            return;
        }
        List<String> ids = body.directives().stream().map(id -> DIRECTIVE + id).toList();
        List<SearchEntry> issued = new ArrayList<>();
        store.findAll(COLLECTION, ids).values().forEach(d -> issued.add(SearchEntry.FORM.read(d).withIssuerName(name)));
        reindex(issued).forEach(this::save);
        store.put(BODIES, SearchBody.FORM.document(body.named(name, m.getSequenceNumber())));
    }

    /**
     * Recomputes the tokens of the directives (changed, not yet stored), updates the token lists they left or
     * joined (one {@code $in} read), and gives the directives with their new tokens; the caller stores those
     * afterwards.
     */
    private List<SearchEntry> reindex(List<SearchEntry> directives) {
        Map<String, Map<String, SearchEntry>> add = new HashMap<>(); // token -> directive id -> its entry
        Map<String, Set<String>> remove = new HashMap<>();
        List<SearchEntry> out = new ArrayList<>(directives.size());
        for (SearchEntry d : directives) {
            List<String> old = d.tokens();
            Set<String> now = d.searchTokens();
            boolean dateChanged = !Objects.equals(d.issuedOn(), d.indexedOn());
            for (String t : now) {
                if (dateChanged || !old.contains(t)) {
                    add.computeIfAbsent(t, k -> new HashMap<>()).put(d.directiveId(), d);
                }
            }
            for (String t : old) {
                if (!now.contains(t)) {
                    remove.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(d.directiveId());
                }
            }
            out.add(d.indexed(now));
        }
        Set<String> touched = new LinkedHashSet<>(add.keySet());
        touched.addAll(remove.keySet());
        if (touched.isEmpty()) {
            return out;
        }
        Map<String, Document> docs = store.findAll(COLLECTION, touched.stream().map(t -> TOKEN + t).toList());
        for (String t : touched) {
            Document stored = docs.get(TOKEN + t);
            TokenPostings before = stored == null ? TokenPostings.none(t) : TokenPostings.FORM.read(stored);
            TokenPostings after = before;
            for (String id : remove.getOrDefault(t, Set.of())) {
                after = after.without(id);
            }
            for (Map.Entry<String, SearchEntry> x : add.getOrDefault(t, Map.of()).entrySet()) {
                // in the log order of the directives' issue, whatever order they were indexed in
                after = after.with(x.getKey(), x.getValue().issuedOn(), x.getValue().at());
            }
            if (after.equals(before)) {
                continue;
            }
            if (after.ids().isEmpty()) {
                store.delete(COLLECTION, TOKEN + t);
            } else {
                store.put(COLLECTION, TokenPostings.FORM.document(after));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private SearchEntry directive(String id) {
        return store.find(COLLECTION, DIRECTIVE + id).map(SearchEntry.FORM::read)
                .orElseGet(() -> SearchEntry.none(id));
    }

    private SearchBody body(String code) {
        return store.find(BODIES, code).map(SearchBody.FORM::read).orElseGet(() -> SearchBody.none(code));
    }

    private void save(SearchEntry d) {
        store.put(COLLECTION, SearchEntry.FORM.document(d));
    }

    private void own(String directiveId, DomainEventMessage<?> m, UnaryOperator<SearchEntry> change) {
        SearchEntry d = directive(directiveId);
        if (d.hasSeen(m.getSequenceNumber())) {
            return;
        }
        save(change.apply(d).seen(m.getSequenceNumber()));
    }
}

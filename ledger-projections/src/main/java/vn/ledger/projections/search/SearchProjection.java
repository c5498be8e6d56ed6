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
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import static vn.ledger.projections.store.Docs.strings;

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

    private final ReadStore store;

    public SearchProjection(ReadStore store) {
        this.store = store;
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
    }

    @EventHandler
    void on(DirectiveIssued e, DomainEventMessage<?> m) {
        Document d = directive(e.directiveId());
        if (applied(d, m)) {
            return;
        }
        Document body = store.find(BODIES, e.issuingBodyCode()).orElseGet(() -> new Document("_id", e.issuingBodyCode()));
        String at = LogOrder.key(m);
        if (LogOrder.add(body, "directives", e.directiveId(), at)) {
            store.put(BODIES, body);
        }
        d.append("at", at).append("symbol", e.symbol()).append("subject", e.subject()).append("kind", Docs.name(e.kind()))
                .append("issuer", e.issuingBodyCode()).append("issuerName", body.getString("name"))
                .append("issuedOn", Docs.iso(e.issuedOn())).append("status", DirectiveStatus.ACTIVE.name());
        reindex(List.of(d));
        save(d, m);
    }

    @EventHandler
    void on(DirectiveCorrected e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> {
            switch (e.field()) {
                case SYMBOL -> d.put("symbol", e.newValue());
                case SUBJECT -> d.put("subject", e.newValue());
                case ISSUED_ON -> d.put("issuedOn", e.newValue());
                case KIND -> d.put("kind", e.newValue());
                default -> {
                    return; // the signer is not searched
                }
            }
            reindex(List.of(d));
        });
    }

    @EventHandler
    void on(DirectiveAliasRegistered e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> {
            Docs.addToSet(d, "aliases", e.alias());
            reindex(List.of(d));
        });
    }

    @EventHandler
    void on(DirectiveRecalled e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> d.put("status", DirectiveStatus.RECALLED.name()));
    }

    @EventHandler
    void on(DirectiveReplaced e, DomainEventMessage<?> m) {
        own(e.directiveId(), m, d -> d.put("status", DirectiveStatus.REPLACED.name()));
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
        Document body = store.find(BODIES, code).orElseGet(() -> new Document("_id", code));
        if (applied(body, m)) {
            return;
        }
        body.put("name", name);
        List<String> ids = strings(body, "directives").stream().map(id -> DIRECTIVE + id).toList();
        List<Document> issued = new ArrayList<>(store.findAll(COLLECTION, ids).values());
        issued.forEach(d -> d.put("issuerName", name));
        reindex(issued);
        issued.forEach(d -> store.put(COLLECTION, d));
        body.put("seq", m.getSequenceNumber());
        store.put(BODIES, body);
    }

    /** The tokens a directive is found under: its symbol, aliases, subject and issuer's name. */
    static Set<String> tokensOf(Document d) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.addAll(SearchText.tokens(d.getString("symbol")));
        for (String alias : strings(d, "aliases")) {
            tokens.addAll(SearchText.tokens(alias));
        }
        tokens.addAll(SearchText.tokens(d.getString("subject")));
        tokens.addAll(SearchText.tokens(d.getString("issuerName")));
        return tokens;
    }

    /**
     * Recomputes the tokens of the directive documents (changed in memory, not yet stored), updates the token
     * documents they left or joined (one {@code $in} read), and records the new tokens in the documents; the
     * caller stores those afterwards.
     */
    private void reindex(Collection<Document> directives) {
        Map<String, Map<String, Document>> add = new HashMap<>(); // token -> directive id -> its document
        Map<String, Set<String>> remove = new HashMap<>();
        for (Document d : directives) {
            String id = d.getString("_id").substring(DIRECTIVE.length());
            List<String> old = strings(d, "tokens");
            Set<String> now = tokensOf(d);
            boolean dateChanged = !Objects.equals(d.getString("issuedOn"), d.getString("indexedOn"));
            for (String t : now) {
                if (dateChanged || !old.contains(t)) {
                    add.computeIfAbsent(t, k -> new HashMap<>()).put(id, d);
                }
            }
            for (String t : old) {
                if (!now.contains(t)) {
                    remove.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(id);
                }
            }
            d.put("tokens", new ArrayList<>(now));
            d.put("indexedOn", d.getString("issuedOn"));
        }
        Set<String> touched = new LinkedHashSet<>(add.keySet());
        touched.addAll(remove.keySet());
        if (touched.isEmpty()) {
            return;
        }
        Map<String, Document> docs = store.findAll(COLLECTION, touched.stream().map(t -> TOKEN + t).toList());
        for (String t : touched) {
            Document doc = docs.getOrDefault(TOKEN + t, new Document("_id", TOKEN + t));
            List<String> ids = strings(doc, "ids");
            List<String> on = strings(doc, "on");
            List<String> at = strings(doc, "at");
            if (at.size() != ids.size()) {
                at = new ArrayList<>(java.util.Collections.nCopies(ids.size(), "")); // a list of layout 1
            }
            boolean changed = false;
            for (String id : remove.getOrDefault(t, Set.of())) {
                int i = ids.indexOf(id);
                if (i >= 0) {
                    ids.remove(i);
                    on.remove(i);
                    at.remove(i);
                    changed = true;
                }
            }
            for (Map.Entry<String, Document> x : add.getOrDefault(t, Map.of()).entrySet()) {
                int i = ids.indexOf(x.getKey());
                String issuedOn = x.getValue().getString("issuedOn");
                if (i < 0) {
                    // in the log order of the directives' issue, whatever order they were indexed in
                    String key = x.getValue().getString("at");
                    int p = LogOrder.insertionPoint(at, key);
                    ids.add(p, x.getKey());
                    on.add(p, issuedOn);
                    at.add(p, key);
                    changed = true;
                } else if (!Objects.equals(on.get(i), issuedOn)) {
                    on.set(i, issuedOn);
                    changed = true;
                }
            }
            if (!changed) {
                continue;
            }
            if (ids.isEmpty()) {
                store.delete(COLLECTION, TOKEN + t);
            } else {
                store.put(COLLECTION, doc.append("ids", ids).append("on", on).append("at", at)
                        .append("n", (long) ids.size()));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private Document directive(String id) {
        return store.find(COLLECTION, DIRECTIVE + id).orElseGet(() -> new Document("_id", DIRECTIVE + id));
    }

    private static boolean applied(Document d, DomainEventMessage<?> m) {
        return m.getSequenceNumber() <= Docs.lng(d.get("seq"), -1);
    }

    private void save(Document d, DomainEventMessage<?> m) {
        d.put("seq", m.getSequenceNumber());
        store.put(COLLECTION, d);
    }

    private void own(String directiveId, DomainEventMessage<?> m, Consumer<Document> change) {
        Document d = directive(directiveId);
        if (applied(d, m)) {
            return;
        }
        change.accept(d);
        save(d, m);
    }
}

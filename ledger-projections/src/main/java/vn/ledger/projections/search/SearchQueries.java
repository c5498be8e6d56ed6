package vn.ledger.projections.search;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static vn.ledger.projections.store.Docs.strings;

/**
 * Searches directives by symbol, subject or issuer name, with or without diacritics. Two round trips: one
 * {@code $in} for the token documents of the query, one {@code $in} for the directives shown.
 *
 * <p>Each word of the query must match (intersection): a plain word by its token, a symbol-like word
 * ("22-TB/VPTW") whole or by all its parts. When no directive matches every word, the directives matching some
 * are returned instead, flagged {@code allWordsMatched = false}. Hits rank by the number of query tokens they
 * matched, then issue date (newest first), then id.
 */
public final class SearchQueries {

    private final ReadStore store;

    public SearchQueries(ReadStore store) {
        this.store = store;
    }

    public record SearchHit(String directiveId, String symbol, List<String> aliases, String subject,
                            DirectiveKind kind, String issuingBodyCode, String issuerName, LocalDate issuedOn,
                            DirectiveStatus status, int matchedTokens) {
    }

    /**
     * @param total           number of directives that matched (hits holds at most {@code limit} of them)
     * @param allWordsMatched false when no directive matched every word and partial matches are shown
     */
    public record SearchResult(String query, List<SearchHit> hits, int total, boolean allWordsMatched) {
    }

    public SearchResult search(String text, int limit) {
        List<SearchText.Word> words = SearchText.words(text);
        if (words.isEmpty() || limit <= 0) {
            return new SearchResult(text, List.of(), 0, true);
        }
        Set<String> tokens = new LinkedHashSet<>();
        words.forEach(w -> tokens.addAll(w.tokens()));
        Map<String, Document> found = store.findAll(SearchProjection.COLLECTION,
                tokens.stream().map(t -> SearchProjection.TOKEN + t).toList());
        Map<String, Set<String>> idsByToken = new HashMap<>();
        Map<String, String> issuedOn = new HashMap<>();
        for (String t : tokens) {
            Document doc = found.get(SearchProjection.TOKEN + t);
            List<String> ids = strings(doc, "ids");
            List<String> on = strings(doc, "on");
            idsByToken.put(t, new HashSet<>(ids));
            for (int i = 0; i < ids.size(); i++) {
                issuedOn.putIfAbsent(ids.get(i), i < on.size() ? on.get(i) : null);
            }
        }

        Set<String> all = null;
        Set<String> any = new HashSet<>();
        for (SearchText.Word w : words) {
            Set<String> match = new HashSet<>(idsByToken.get(w.whole()));
            if (!w.parts().isEmpty()) {
                Set<String> byParts = new HashSet<>(idsByToken.get(w.parts().get(0)));
                w.parts().forEach(p -> byParts.retainAll(idsByToken.get(p)));
                match.addAll(byParts);
            }
            any.addAll(match);
            if (all == null) {
                all = match;
            } else {
                all.retainAll(match);
            }
        }
        boolean complete = all != null && !all.isEmpty();
        Set<String> candidates = complete ? all : any;

        Map<String, Integer> score = new HashMap<>();
        for (String id : candidates) {
            int n = 0;
            for (String t : tokens) {
                if (idsByToken.get(t).contains(id)) {
                    n++;
                }
            }
            score.put(id, n);
        }
        Comparator<String> byDate = Comparator.comparing(id -> issuedOn.getOrDefault(id, ""),
                Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        List<String> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.<String, Integer>comparing(score::get).reversed()
                .thenComparing(byDate.reversed())
                .thenComparing(Comparator.naturalOrder()));
        List<String> page = ranked.subList(0, Math.min(limit, ranked.size()));

        Map<String, Document> directives = store.findAll(SearchProjection.COLLECTION,
                page.stream().map(id -> SearchProjection.DIRECTIVE + id).toList());
        List<SearchHit> hits = new ArrayList<>();
        for (String id : page) {
            Document d = directives.get(SearchProjection.DIRECTIVE + id);
            if (d == null) {
                continue;
            }
            hits.add(new SearchHit(id, d.getString("symbol"), List.copyOf(strings(d, "aliases")), d.getString("subject"),
                    Docs.enumOf(DirectiveKind.class, d.get("kind")), d.getString("issuer"), d.getString("issuerName"),
                    Docs.localDate(d.get("issuedOn")), Docs.enumOf(DirectiveStatus.class, d.get("status")),
                    score.get(id)));
        }
        return new SearchResult(text, List.copyOf(hits), candidates.size(), complete || candidates.isEmpty());
    }
}

package vn.ledger.projections.search;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.ReadStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lists directives from the search index's entries, filtered and paged, sorted by issue date. With an issuer the
 * entries read are that body's ({@code search_bodies}: one read, then one {@code $in}); otherwise the index is
 * scanned. Text is matched as the search does, every word required.
 */
public final class DirectiveListing {

    private static final int TEXT_CANDIDATES = 100_000;

    private final ReadStore store;

    public DirectiveListing(ReadStore store) {
        this.store = store;
    }

    /** Every field optional (null: any); {@code year} of the issue date. */
    public record Filter(String issuer, DirectiveStatus status, DirectiveKind kind, Integer year, String text) {
    }

    public record Item(String directiveId, String symbol, List<String> aliases, String subject, DirectiveKind kind,
                       String issuingBodyCode, String issuerName, LocalDate issuedOn, DirectiveStatus status) {
    }

    /** @param total directives matching the filter, over all pages */
    public record Page(List<Item> items, int page, int size, int total, boolean newestFirst) {
    }

    /**
     * @param also a further test on a directive id (the recipient filter of the caller), applied after the others
     */
    public Page list(Filter filter, Predicate<String> also, int page, int size, boolean newestFirst) {
        Set<String> textMatch = filter.text() == null || filter.text().isBlank() ? null : byText(filter.text());
        Comparator<Item> byDate = Comparator.comparing(Item::issuedOn,
                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));
        if (newestFirst) {
            byDate = byDate.reversed();
        }
        List<Item> matching = new ArrayList<>(entries(filter.issuer())
                .map(DirectiveListing::item)
                .filter(i -> filter.issuer() == null || filter.issuer().equals(i.issuingBodyCode()))
                .filter(i -> filter.status() == null || filter.status() == i.status())
                .filter(i -> filter.kind() == null || filter.kind() == i.kind())
                .filter(i -> filter.year() == null
                        || (i.issuedOn() != null && i.issuedOn().getYear() == filter.year()))
                .filter(i -> textMatch == null || textMatch.contains(i.directiveId()))
                .filter(i -> also == null || also.test(i.directiveId()))
                .toList());
        matching.sort(byDate.thenComparing(Item::directiveId));
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page(List.copyOf(matching.subList(from, to)), page, size, matching.size(), newestFirst);
    }

    /** The directives matching every word of {@code text}. */
    private Set<String> byText(String text) {
        SearchQueries.SearchResult found = new SearchQueries(store).search(text, TEXT_CANDIDATES);
        Set<String> out = new HashSet<>();
        if (found.allWordsMatched()) {
            found.hits().forEach(h -> out.add(h.directiveId()));
        }
        return out;
    }

    /** The entries of these directives, in the order asked; those the index does not hold yet are left out. */
    public List<Item> items(List<String> directiveIds) {
        var found = store.findAll(SearchProjection.COLLECTION,
                directiveIds.stream().map(id -> SearchProjection.DIRECTIVE + id).toList());
        List<Item> out = new ArrayList<>();
        for (String id : directiveIds) {
            Document d = found.get(SearchProjection.DIRECTIVE + id);
            if (d != null) {
                out.add(item(d));
            }
        }
        return out;
    }

    /**
     * Every directive indexed, or every one of {@code issuer} (a directive's issuer is never corrected): the
     * directives a listing of that issuer may name at any earlier instant, less those issued since.
     */
    public List<Item> candidates(String issuer) {
        return entries(issuer).map(DirectiveListing::item).toList();
    }

    private Stream<Document> entries(String issuer) {
        if (issuer == null) {
            return store.scan(SearchProjection.COLLECTION)
                    .filter(d -> d.getString("_id").startsWith(SearchProjection.DIRECTIVE));
        }
        List<String> ids = store.find(SearchProjection.BODIES, issuer).map(SearchBody.FORM::read)
                .map(b -> b.directives().stream().map(id -> SearchProjection.DIRECTIVE + id).toList())
                .orElse(List.of());
        return ids.isEmpty() ? Stream.empty() : store.findAll(SearchProjection.COLLECTION, ids).values().stream();
    }

    private static Item item(Document d) {
        SearchEntry e = SearchEntry.FORM.read(d);
        return new Item(e.directiveId(), e.symbol(), e.aliases(), e.subject(), Docs.enumOf(DirectiveKind.class,
                e.kind()), e.issuer(), e.issuerName(), Docs.localDate(e.issuedOn()),
                Docs.enumOf(DirectiveStatus.class, e.status()));
    }
}

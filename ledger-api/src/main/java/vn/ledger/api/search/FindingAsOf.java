package vn.ledger.api.search;

import vn.ledger.api.directive.SymbolNormaliser;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.directive.DirectiveQueries;
import vn.ledger.projections.search.DirectiveListing;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.store.ReadStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The finding reads as the ledger stood at a recorded instant, by the as-of mechanism of the other reads
 * ({@link AsOfViews}): today's models say which aggregates may matter (a superset of those that mattered then),
 * their events recorded up to the instant are replayed into fresh projections in memory, and the same query as the
 * live one is asked there. So a directive issued (recorded) after the instant is absent, one recalled after it is
 * still active, a directive's issuer bears the name it had then (the bodies' tree as of an instant is
 * {@link vn.ledger.api.body.BodyTreeController}'s, the same way).
 *
 * <p>Cost, one history load per aggregate (the answer's {@code replay}): a listing loads every directive of the
 * issuer asked (every directive indexed without an issuer: the search index's size) and their issuers; a symbol, the
 * few directives bearing it today and their issuers.
 */
final class FindingAsOf {

    private FindingAsOf() {
    }

    /** The listing at {@code at}: the directives indexed today (of the issuer, when given), replayed. */
    static AsOfViews.AsOf<DirectiveListing.Page> list(ReadSide readSide, ReadModels.Snapshot live, Instant at,
                                                      DirectiveListing.Filter filter, String recipient, int page,
                                                      int size, boolean newestFirst) {
        List<DirectiveListing.Item> today = new DirectiveListing(live.store()).candidates(filter.issuer());
        List<Function<ReadStore, Object>> projections = new ArrayList<>();
        projections.add(SearchProjection::new);
        if (recipient != null) {
            projections.add(DirectiveProjection::new); // recipients and receipts as they stood
        }
        return readSide.replay(live.store(), at, withIssuers(today), projections, store -> {
            Predicate<String> toRecipient = recipient == null ? null : id -> new DirectiveQueries(store)
                    .state(id, at).map(v -> v.recipients().stream()
                            .anyMatch(r -> recipient.equals(r.bodyCode()))).orElse(false);
            return new DirectiveListing(store).list(filter, toRecipient, page, size, newestFirst);
        });
    }

    /**
     * The directives that bore {@code symbol} at {@code at} (printed, after the corrections recorded by then, or
     * an alias registered by then), among {@code namedToday}, those bearing it today.
     */
    static AsOfViews.AsOf<List<DirectiveListing.Item>> bySymbol(ReadSide readSide, ReadModels.Snapshot live,
                                                               Instant at, String symbol, List<String> namedToday) {
        String key = SymbolNormaliser.normalise(symbol);
        List<DirectiveListing.Item> today = new DirectiveListing(live.store()).items(namedToday);
        return readSide.replay(live.store(), at, withIssuers(today), List.of(SearchProjection::new),
                store -> new DirectiveListing(store).items(namedToday).stream()
                        .filter(i -> key.equals(SymbolNormaliser.normalise(i.symbol()))
                                || i.aliases().stream().anyMatch(a -> key.equals(SymbolNormaliser.normalise(a))))
                        .toList());
    }

    /** The directives' ids, then their issuers' codes (whose names the index shows). */
    private static Collection<String> withIssuers(List<DirectiveListing.Item> items) {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.add(i.directiveId()));
        items.stream().map(DirectiveListing.Item::issuingBodyCode).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }
}

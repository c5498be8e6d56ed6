package vn.ledger.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.directive.DirectiveCatalogProjection;
import vn.ledger.api.directive.SymbolNormaliser;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.Instants;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.directive.DirectiveQueries;
import vn.ledger.projections.search.DirectiveListing;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Finding directives without knowing their ids: a filtered list, and a lookup by symbol as written. */
@RestController
@Tag(name = "Read: finding directives", description = "List directives by issuer, recipient, status, kind, year and "
        + "text; look one up by any symbol it was printed or cited under. Any role. " + ApiDocs.ANSWER)
public class DirectiveFinderController {

    private final ReadSide readSide;
    private final DirectiveCatalogProjection catalog;

    public DirectiveFinderController(ReadSide readSide, DirectiveCatalogProjection catalog) {
        this.readSide = readSide;
        this.catalog = catalog;
    }

    @GetMapping("/api/directives")
    @Operation(summary = "List directives, filtered, paged, sorted by issue date",
            description = "Every filter is optional and they combine (all must hold). `q` matches as the search does "
                    + "(symbol, aliases, subject, issuer's name, with or without diacritics), every word required. "
                    + "`recipient` is a body listed to act (Kính gửi) or for information (b/c), or one that "
                    + "acknowledged receipt. Newest first unless order=asc; `total` counts every page. With `asOf`, "
                    + "the list as recorded at that instant, replayed from the events (one history per directive of "
                    + "the issuer asked, or per directive indexed without one): a directive issued later is absent, "
                    + "status, corrections, aliases, receipts and issuer names are those of then.")
    public ReadAnswer<DirectiveListing.Page> list(
            @Parameter(description = "issuing body code", example = "TU-DIENBIEN")
            @RequestParam(required = false) String issuer,
            @Parameter(description = "recipient body code", example = "DU-SINHBINH")
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) DirectiveStatus status,
            @RequestParam(required = false) DirectiveKind kind,
            @Parameter(description = "year of the issue date", example = "2026")
            @RequestParam(required = false) @Min(1900) @Max(2999) Integer year,
            @Parameter(description = "words or symbols", example = "trien khai")
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
            @Parameter(description = "desc (newest first) or asc") @RequestParam(defaultValue = "desc") String order,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf) {
        boolean newestFirst = switch (order) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw new BadRequest("request.order", "order", "order is asc or desc.");
        };
        Instant at = Instants.endOf(asOf, "asOf");
        ReadModels.Snapshot live = readSide.snapshot();
        DirectiveListing.Filter filter = new DirectiveListing.Filter(blankToNull(issuer), status, kind, year,
                blankToNull(q));
        if (at != null) {
            return readSide.replayed(FindingAsOf.list(readSide, live, at, filter, blankToNull(recipient), page, size,
                    newestFirst));
        }
        Predicate<String> toRecipient = null;
        if (recipient != null && !recipient.isBlank()) {
            DirectiveQueries directives = new DirectiveQueries(live.store(), readSide.clock());
            toRecipient = id -> directives.state(id).map(v -> v.recipients().stream()
                    .anyMatch(r -> recipient.equals(r.bodyCode()))).orElse(false);
        }
        return readSide.live(live, readSide.now(),
                new DirectiveListing(live.store()).list(filter, toRecipient, page, size, newestFirst));
    }

    /**
     * @param normalised      the symbol as compared (Unicode NFC, upper case, no spaces)
     * @param ambiguous       more than one directive was printed or cited under it: commands will not resolve it
     * @param directiveIds    every directive named by it
     * @param directives      their entries (a directive issued a moment ago may not be listed yet)
     */
    public record SymbolMatch(String asWritten, String normalised, boolean ambiguous, List<String> directiveIds,
                              List<DirectiveListing.Item> directives) {
    }

    @GetMapping("/api/directives/by-symbol")
    @Operation(summary = "Look a directive up by a symbol as written: the printed one or any alias or citation",
            description = "Spaces, case and Unicode composition do not matter (\"22-tb/vptw\" finds 22-TB/CQTTBCĐ); "
                    + "diacritics do (Đ is not D). 404 directive.not-found when no directive bears it. Read the "
                    + "directive then at /api/directives/{id}/state. With `asOf`, the directives that bore it at "
                    + "that instant (printed, after the corrections recorded by then, or an alias registered by then), "
                    + "replayed from their events; a directive whose symbol was corrected away since is not found "
                    + "under its old one.")
    public ReadAnswer<SymbolMatch> bySymbol(
            @Parameter(description = "symbol as written (URL-encoded: / is %2F)", example = "22-TB/VPTW")
            @RequestParam String symbol,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf) {
        if (symbol.isBlank()) {
            throw new BadRequest("request.symbol", "symbol", "Give the symbol to look up.");
        }
        Instant at = Instants.endOf(asOf, "asOf");
        List<String> ids = catalog.directivesNamed(symbol);
        if (ids.isEmpty()) {
            throw notFound(symbol, at);
        }
        ReadModels.Snapshot live = readSide.snapshot();
        if (at != null) {
            AsOfViews.AsOf<List<DirectiveListing.Item>> then = FindingAsOf.bySymbol(readSide, live, at, symbol, ids);
            if (then.value().isEmpty()) {
                throw notFound(symbol, at);
            }
            List<String> named = then.value().stream().map(DirectiveListing.Item::directiveId).toList();
            return readSide.replayed(new AsOfViews.AsOf<>(new SymbolMatch(symbol, SymbolNormaliser.normalise(symbol),
                    named.size() > 1, named, then.value()), then.axes(), then.aggregatesLoaded(), then.eventsRead(),
                    then.eventsApplied()));
        }
        return readSide.live(live, readSide.now(), new SymbolMatch(symbol, SymbolNormaliser.normalise(symbol),
                ids.size() > 1, List.copyOf(ids), new DirectiveListing(live.store()).items(ids)));
    }

    private static NotFound notFound(String symbol, Instant asOf) {
        return new NotFound("directive.not-found", "symbol", "No directive bears the symbol " + symbol
                + (asOf == null ? "" : " as of " + asOf) + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

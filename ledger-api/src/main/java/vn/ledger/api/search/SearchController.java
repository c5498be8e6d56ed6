package vn.ledger.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.asof.Axes;
import vn.ledger.projections.audit.AuditEntry;
import vn.ledger.projections.audit.AuditFilter;
import vn.ledger.projections.audit.AuditQueries;
import vn.ledger.projections.directive.DirectiveQueries;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.search.SearchQueries;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Search of directives by symbol, subject or issuer, with or without Vietnamese diacritics. */
@RestController
@Tag(name = "Read: search", description = "Directives by symbol (whole or by parts), subject or issuer name, with "
        + "or without diacritics (\"trien khai\" finds \"triển khai\"). " + ApiDocs.ANSWER)
public class SearchController {

    private static final int CANDIDATES = 1_000;

    private final ReadSide readSide;

    public SearchController(ReadSide readSide) {
        this.readSide = readSide;
    }

    @GetMapping("/api/search/directives")
    @Operation(summary = "Search directives",
            description = "Every word must match; when no directive matches all words, those matching some are "
                    + "listed with allWordsMatched=false. Hits rank by matched words, then issue date (newest first). "
                    + "With asOf: the directives matching now and those whose symbol or subject was corrected since "
                    + "are replayed up to that instant (with their issuers) and searched as they stood then. With "
                    + "onDay: the same directives, replayed on that business day as known now (or as known at asOf): "
                    + "a directive issued after the day is not found, one corrected after it is found under its "
                    + "words of that day.")
    public ReadAnswer<SearchQueries.SearchResult> search(
            @Parameter(description = "words, symbols (22-TB/VPTW, 569-CV), with or without diacritics",
                    example = "trien khai") @RequestParam String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        if (q.isBlank()) {
            throw new BadRequest("request.query", "q", "Give at least one word to search for.");
        }
        Axes axes = readSide.axes(asOf, onDay);
        ReadModels.Snapshot live = readSide.snapshot();
        SearchQueries queries = new SearchQueries(live.store());
        if (axes == null) {
            return readSide.live(live, readSide.now(), queries.search(q, limit));
        }
        Set<String> directives = new LinkedHashSet<>();
        Set<String> bodies = new LinkedHashSet<>();
        for (SearchQueries.SearchHit hit : queries.search(q, CANDIDATES).hits()) {
            directives.add(hit.directiveId());
            bodies.add(hit.issuingBodyCode());
        }
        // a directive may have matched then under a symbol or subject corrected since (its issuer: the one recorded)
        Instant at = axes.recordedBy() != null ? axes.recordedBy() : readSide.now();
        List<AuditEntry> corrected = new AuditQueries(live.store())
                .page(AuditFilter.any().type("DirectiveCorrected"), null, AuditQueries.MAX_PAGE).entries();
        DirectiveQueries directiveQueries = new DirectiveQueries(live.store());
        for (AuditEntry e : corrected) {
            if (directives.add(e.entityId())) {
                directiveQueries.state(e.entityId(), at).ifPresent(v -> bodies.add(v.issuingBodyCode()));
            }
        }
        Set<String> ids = new LinkedHashSet<>(directives);
        bodies.remove(null);
        ids.addAll(bodies);
        return readSide.replayed(readSide.replay(live.store(), axes, ids, List.of(SearchProjection::new),
                store -> new SearchQueries(store).search(q, limit)));
    }
}

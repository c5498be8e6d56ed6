package vn.ledger.api.chain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.api.state.StateController;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.asof.Axes;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.chain.CoverageReport;
import vn.ledger.projections.chain.GroupLeads;
import vn.ledger.projections.chain.StallReport;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The implementation chain of a directive or a task: the tree of forwarding directives and delegated tasks with a
 * roll-up per node, where it stalled, and which parent tasks were never made concrete below.
 */
@RestController
@Tag(name = "Read: implementation chain", description = "The tree below a directive or a task (forwarding "
        + "directives, tasks, delegated tasks, any depth) with roll-ups per node, stalls and coverage. A task is "
        + "addressed as /api/tasks/{directiveId}/{code}/... " + ApiDocs.ANSWER)
public class ChainController {

    private static final String DEPTH = "levels shown below the node: 0 the node alone (with its roll-up of the whole "
            + "tree), 1 and its children, ...";
    private static final String PAGE = "page of the node's children (0-based), `size` children per page; the "
            + "children of deeper nodes are cut at `size` too (each node says its childCount and nextOffset)";

    private final ReadSide readSide;

    public ChainController(ReadSide readSide) {
        this.readSide = readSide;
    }

    // ------------------------------------------------------------------ chain

    @GetMapping("/api/directives/{id}/chain")
    @Operation(summary = "Implementation chain of a directive: forwarding directives, tasks and delegated tasks, "
            + "with per node the counts per timeliness status, percent done, latest deadline below, \"6 rõ\" gaps, "
            + "recipients with hop latency (issued → received → acted). A task led through a group of bodies "
            + "(code II.6@BKHCN, one per member) carries `leadGroups`, the group as written ({kind, of, wording}: "
            + "\"Các tỉnh ủy, thành ủy\"), from the task model, also in a view asOf or onDay.")
    public ReadAnswer<ChainView> directiveChain(
            @PathVariable String id,
            @Parameter(description = DEPTH) @RequestParam(defaultValue = "3") @Min(0) @Max(30) int depth,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        return chain(id, depth, page, size, readSide.axes(asOf, onDay), a -> StateController.directiveNotFound(id, a));
    }

    @GetMapping("/api/tasks/{directiveId}/{code}/chain")
    @Operation(summary = "Implementation chain of a task: its delegated tasks and the directives made to implement "
            + "it below, with roll-ups")
    public ReadAnswer<ChainView> taskChain(
            @PathVariable String directiveId, @PathVariable String code,
            @Parameter(description = DEPTH) @RequestParam(defaultValue = "3") @Min(0) @Max(30) int depth,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        String id = directiveId + "/" + code;
        return chain(id, depth, page, size, readSide.axes(asOf, onDay), a -> StateController.taskNotFound(id, a));
    }

    private ReadAnswer<ChainView> chain(String id, int depth, int page, int size, Axes axes,
                                        Function<Axes, NotFound> notFound) {
        ReadModels.Snapshot live = readSide.snapshot();
        int offset = Math.multiplyExact(page, size);
        if (axes == null) {
            Instant now = readSide.now();
            return readSide.live(live, now, readSide.chainQueries(live.store()).page(id, offset, size, depth, size, now)
                    .map(v -> GroupLeads.annotate(v, live.store())).orElseThrow(() -> notFound.apply(null)));
        }
        AsOfViews views = readSide.asOfViews(live.store());
        return readSide.replayed(views.view(axes, views.chainAggregates(id), List.of(ChainProjection::new),
                store -> new ChainQueries(store).page(id, offset, size, depth, size, axes.clock())
                        .map(v -> GroupLeads.annotate(v, live.store()))),
                () -> notFound.apply(axes));
    }

    // ------------------------------------------------------------------ stalls

    @GetMapping("/api/directives/{id}/stalls")
    @Operation(summary = "Where did it stall? Recipients that received and did not act, recipients silent since "
            + "issue, open tasks nobody started or delegated, for more than afterDays days; per branch the deepest "
            + "level reached")
    public ReadAnswer<StallReport> directiveStalls(
            @PathVariable String id,
            @Parameter(description = "waiting more than this many days counts as a stall")
            @RequestParam(defaultValue = "7") @Min(0) @Max(3650) int afterDays,
            @Parameter(description = "stalls listed at most (the counts are complete)")
            @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        return stalls(id, afterDays, limit, readSide.axes(asOf, onDay), a -> StateController.directiveNotFound(id, a));
    }

    @GetMapping("/api/tasks/{directiveId}/{code}/stalls")
    @Operation(summary = "Where did it stall below this task?")
    public ReadAnswer<StallReport> taskStalls(
            @PathVariable String directiveId, @PathVariable String code,
            @RequestParam(defaultValue = "7") @Min(0) @Max(3650) int afterDays,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        String id = directiveId + "/" + code;
        return stalls(id, afterDays, limit, readSide.axes(asOf, onDay), a -> StateController.taskNotFound(id, a));
    }

    private ReadAnswer<StallReport> stalls(String id, int afterDays, int limit, Axes axes,
                                           Function<Axes, NotFound> notFound) {
        ReadModels.Snapshot live = readSide.snapshot();
        if (axes == null) {
            Instant now = readSide.now();
            return readSide.live(live, now, readSide.chainQueries(live.store()).stalls(id, afterDays, limit, now)
                    .orElseThrow(() -> notFound.apply(null)));
        }
        return readSide.replayed(readSide.asOfViews(live.store()).stalls(id, afterDays, limit, axes),
                () -> notFound.apply(axes));
    }

    // ------------------------------------------------------------------ coverage

    @GetMapping("/api/directives/{id}/coverage")
    @Operation(summary = "Coverage audit per parent task and per lead body (rule chain-coverage/2, replacing "
            + "chain-coverage/1): open (task × lead body) pairs the lead body neither delegated nor made concrete with "
            + "a task linked to it (implementsTasks); a letter that only passes the notice on covers nothing and is "
            + "listed as PASSED_ON_WITHOUT_CONCRETE_TASKS with the letters, beside the gaps grouped by lead body")
    public ReadAnswer<CoverageReport> directiveCoverage(
            @PathVariable String id,
            @Parameter(description = "gaps listed at most (the count is complete)")
            @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        return coverage(id, limit, readSide.axes(asOf, onDay), a -> StateController.directiveNotFound(id, a));
    }

    @GetMapping("/api/tasks/{directiveId}/{code}/coverage")
    @Operation(summary = "Coverage audit below a task")
    public ReadAnswer<CoverageReport> taskCoverage(
            @PathVariable String directiveId, @PathVariable String code,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        String id = directiveId + "/" + code;
        return coverage(id, limit, readSide.axes(asOf, onDay), a -> StateController.taskNotFound(id, a));
    }

    private ReadAnswer<CoverageReport> coverage(String id, int limit, Axes axes, Function<Axes, NotFound> notFound) {
        ReadModels.Snapshot live = readSide.snapshot();
        if (axes == null) {
            Instant now = readSide.now();
            return readSide.live(live, now, readSide.chainQueries(live.store()).coverage(id, limit, now)
                    .orElseThrow(() -> notFound.apply(null)));
        }
        return readSide.replayed(readSide.asOfViews(live.store()).coverage(id, limit, axes),
                () -> notFound.apply(axes));
    }
}

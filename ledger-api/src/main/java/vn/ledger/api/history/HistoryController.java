package vn.ledger.api.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.NamedBodies;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.body.BodyNames;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /api/history/{aggregateId}}: the raw event history of any aggregate. A task id holds a "/"
 * (directiveId/code), so the id is the whole rest of the path: {@code /api/history/{directiveId}/II.1}.
 * The same history is served under each resource: {@code /api/bodies/{code}/history},
 * {@code /api/directives/{id}/history}, {@code /api/tasks/{directiveId}/{code}/history}.
 */
@RestController
@Tag(name = "History", description = "Raw stored events of one body, directive or task, in order")
public class HistoryController {

    private final HistoryService history;
    private final ReadSide readSide;

    public HistoryController(HistoryService history, ReadSide readSide) {
        this.history = history;
        this.readSide = readSide;
    }

    @GetMapping("/api/history/{*aggregateId}")
    @Operation(summary = "Event history of any aggregate",
            description = "The id is the rest of the path; for a task that is directiveId/code, e.g. "
                    + "/api/history/5f0c.../II.1. Timestamps are shown in Asia/Ho_Chi_Minh and as UTC instants; `bodyNames` gives the current "
                    + "name of each body code the payloads name.")
    public HistoryResponse byId(@Parameter(description = "body code, directive id, or directiveId/taskCode")
                                @PathVariable String aggregateId,
                                @Parameter(description = LATE_ENTRY) @RequestParam(required = false) Boolean lateEntry) {
        String id = aggregateId.startsWith("/") ? aggregateId.substring(1) : aggregateId;
        return load(id, lateEntry);
    }

    /** The description of the history endpoints' {@code lateEntry} parameter. */
    public static final String LATE_ENTRY = "true: only the late entries (recorded more than 7 days after their "
            + "business date); false: only the others. Left out: every event.";

    public HistoryResponse load(String id) {
        return load(id, null);
    }

    /**
     * @param lateEntry true: only the late entries, false: only the others, null: all; 404 only when nothing at
     *                  all is recorded under the id (a filter that leaves nothing answers an empty list)
     */
    public HistoryResponse load(String id, Boolean lateEntry) {
        List<HistoryEntry> events = history.history(id);
        if (events.isEmpty()) {
            throw new NotFound("aggregate.not-found", "id", "Nothing is recorded under id '" + id + "'.");
        }
        if (lateEntry != null) {
            events = events.stream().filter(e -> e.lateEntry() == lateEntry).toList();
        }
        Set<String> codes = new LinkedHashSet<>();
        events.forEach(e -> codes.addAll(NamedBodies.codes(e.payload())));
        Map<String, String> names = codes.isEmpty() ? Map.of()
                : new TreeMap<>(new BodyNames(readSide.snapshot().store()).on(codes, null));
        return new HistoryResponse(id, events.size(), events, names);
    }
}

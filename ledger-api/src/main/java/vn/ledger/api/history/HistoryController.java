package vn.ledger.api.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;

import java.util.List;

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

    public HistoryController(HistoryService history) {
        this.history = history;
    }

    @GetMapping("/api/history/{*aggregateId}")
    @Operation(summary = "Event history of any aggregate",
            description = "The id is the rest of the path; for a task that is directiveId/code, e.g. "
                    + "/api/history/5f0c.../II.1. Timestamps are shown in Asia/Ho_Chi_Minh and as UTC instants.")
    public HistoryResponse byId(@Parameter(description = "body code, directive id, or directiveId/taskCode")
                                @PathVariable String aggregateId) {
        String id = aggregateId.startsWith("/") ? aggregateId.substring(1) : aggregateId;
        return load(id);
    }

    public HistoryResponse load(String id) {
        List<HistoryEntry> events = history.history(id);
        if (events.isEmpty()) {
            throw new NotFound("aggregate.not-found", "id", "Nothing is recorded under id '" + id + "'.");
        }
        return new HistoryResponse(id, events.size(), events);
    }
}

package vn.ledger.api.state;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.asof.Axes;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.directive.DirectiveQueries;
import vn.ledger.projections.directive.DirectiveView;
import vn.ledger.projections.task.TaskProjection;
import vn.ledger.projections.task.TaskQueries;
import vn.ledger.projections.task.TaskView;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Directive state and task state, now (read models), or as recorded at an instant and/or on a business day (events). */
@RestController
@Tag(name = "Read: directive and task state", description = "What a directive or a task is now, or was at an "
        + "instant (asOf), or on a business day (onDay). " + ApiDocs.ANSWER)
public class StateController {

    private final ReadSide readSide;

    public StateController(ReadSide readSide) {
        this.readSide = readSide;
    }

    @GetMapping("/api/directives/{id}/state")
    @Operation(summary = "Directive state: metadata, recipients and receipts, tasks with their timeliness, the "
            + "directives it implements and those implementing it",
            description = "404 directive.not-found when no such directive was issued (by the instant or day asked).")
    public ReadAnswer<DirectiveView> directive(@PathVariable String id,
                                               @Parameter(description = ApiDocs.AS_OF)
                                               @RequestParam(required = false) String asOf,
                                               @Parameter(description = ApiDocs.ON_DAY)
                                               @RequestParam(required = false) String onDay) {
        Axes axes = readSide.axes(asOf, onDay);
        ReadModels.Snapshot live = readSide.snapshot();
        DirectiveQueries queries = new DirectiveQueries(live.store(), readSide.clock());
        if (axes == null) {
            Instant now = readSide.now();
            return readSide.live(live, now, queries.state(id, now).orElseThrow(() -> directiveNotFound(id, null)));
        }
        // the aggregates whose events shape this directive's state: itself, its tasks, the directives it cites,
        // those citing it, and those it replaced or that replaced it (today's model lists them all)
        Instant at = axes.clock();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(id);
        queries.state(id, at).ifPresent(v -> {
            v.tasks().forEach(t -> ids.add(t.taskId()));
            v.implementsDirectives().forEach(c -> {
                if (c.directiveId() != null) {
                    ids.add(c.directiveId());
                }
            });
            queries.implementedBy(id).forEach(l -> ids.add(l.directiveId()));
            ids.addAll(v.replaces());
            if (v.replacement() != null) {
                ids.add(v.replacement().replacementDirectiveId());
            }
        });
        AsOfViews.AsOf<Optional<DirectiveView>> r = readSide.replay(live.store(), axes, ids,
                List.of(DirectiveProjection::new, TaskProjection::new),
                store -> new DirectiveQueries(store).state(id, at));
        return readSide.replayed(r, () -> directiveNotFound(id, axes));
    }

    @GetMapping("/api/tasks/{directiveId}/{code}/state")
    @Operation(summary = "Task state: the facts of the task, its timeliness under the versioned rule, and for "
            + "recurring duties the expected and received reports per month with each missed period",
            description = "The task id is directiveId/code (two path segments). 404 task.not-found when no such task "
                    + "was assigned (by the instant or day asked).")
    public ReadAnswer<TaskView> task(@PathVariable String directiveId, @PathVariable String code,
                                     @Parameter(description = ApiDocs.AS_OF)
                                     @RequestParam(required = false) String asOf,
                                     @Parameter(description = ApiDocs.ON_DAY)
                                     @RequestParam(required = false) String onDay) {
        String id = directiveId + "/" + code;
        Axes axes = readSide.axes(asOf, onDay);
        ReadModels.Snapshot live = readSide.snapshot();
        if (axes == null) {
            Instant now = readSide.now();
            return readSide.live(live, now, new TaskQueries(live.store(), readSide.clock()).state(id, now)
                    .orElseThrow(() -> taskNotFound(id, null)));
        }
        // only the task's own events write its state
        AsOfViews.AsOf<Optional<TaskView>> r = readSide.replay(live.store(), axes, List.of(id),
                List.of(TaskProjection::new), store -> new TaskQueries(store).state(id, axes.clock()));
        return readSide.replayed(r, () -> taskNotFound(id, axes));
    }

    public static NotFound directiveNotFound(String id, Axes axes) {
        return new NotFound("directive.not-found", "id", "No directive '" + id + "' is known"
                + ReadSide.when(axes) + ".");
    }

    public static NotFound taskNotFound(String id, Axes axes) {
        return new NotFound("task.not-found", "id", "No task '" + id + "' is known" + ReadSide.when(axes) + ".");
    }
}

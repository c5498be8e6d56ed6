package vn.ledger.api.dashboard;

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
import vn.ledger.projections.asof.Axes;
import vn.ledger.projections.dashboard.DashboardQueries;
import vn.ledger.projections.dashboard.DashboardView;

import java.time.Instant;

/** A body's dashboard: what is assigned to it (and its subtree), due soon, overdue, done on time and late. */
@RestController
@Tag(name = "Read: body dashboard", description = "Tasks led by a body (optionally with every body below it): "
        + "assigned, open, due within N days, overdue, done on time and late, on-time rate, trends per month. "
        + ApiDocs.ANSWER)
public class DashboardController {

    private final ReadSide readSide;

    public DashboardController(ReadSide readSide) {
        this.readSide = readSide;
    }

    @GetMapping("/api/bodies/{code}/dashboard")
    @Operation(summary = "Dashboard of a body", description = "Counts are of assignments (task × lead body). "
            + "404 body.not-found when the body is unknown (by the instant or day asked).")
    public ReadAnswer<DashboardView> dashboard(
            @PathVariable String code,
            @Parameter(description = "include every body below it") @RequestParam(defaultValue = "false")
            boolean subtree,
            @Parameter(description = "\"due soon\": open tasks due from now to the end of today + this many days "
                    + "(on a business day: that day's end is now)")
            @RequestParam(defaultValue = "7") @Min(0) @Max(3650) int dueWithinDays,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        Axes axes = readSide.axes(asOf, onDay);
        ReadModels.Snapshot live = readSide.snapshot();
        if (axes == null) {
            Instant now = readSide.now();
            return readSide.live(live, now, new DashboardQueries(live.store())
                    .dashboard(code, subtree, dueWithinDays, now).orElseThrow(() -> notFound(code)));
        }
        return readSide.replayed(readSide.asOfViews(live.store()).dashboard(code, subtree, dueWithinDays, axes),
                () -> notFound(code));
    }

    private static NotFound notFound(String code) {
        return new NotFound("body.not-found", "code", "No body '" + code + "' is known to the dashboards.");
    }
}

package vn.ledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.Instants;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.asof.Axes;
import vn.ledger.projections.audit.AuditEntry;
import vn.ledger.projections.audit.AuditFilter;
import vn.ledger.projections.audit.AuditQueries;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The audit trail: every event as who did what to which entity, when, under which authority, old → new. */
@RestController
@Tag(name = "Read: audit trail", description = "Every recorded event as who (person, position, body) did what, to "
        + "which entity, when recorded, with which business date, under which authority (directive and assigner), "
        + "and old → new values. " + ApiDocs.ANSWER)
public class AuditController {

    private final ReadSide readSide;

    public AuditController(ReadSide readSide) {
        this.readSide = readSide;
    }

    /**
     * One page of the audit trail.
     *
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     * @param next       the same request for the next page; null on the last page
     * @param drivenBy   the posting list that drove the scan (diagnosis)
     */
    @Schema(description = "One page of the audit trail, in the global order of the events")
    public record AuditPage(List<AuditEntry> entries, int count, String nextCursor, String next, String drivenBy) {
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audit trail, filtered and paged with a cursor",
            description = "All given filters must hold. Entries come in the global order of the events; pass "
                    + "`nextCursor` as `cursor` (or follow `next`) for the next page. With `asOf`, only what was "
                    + "recorded up to that instant is listed: an audit entry depends only on its event and the "
                    + "events before it, so this is the trail as it stood then. With `onDay`, only the entries whose "
                    + "business date is on or before that day, whenever they were entered (as known now, or at "
                    + "`asOf`), still in log order: what had happened by then. `lateEntry=true` lists only the "
                    + "entries recorded more than 7 days after their business date, in the same order and paging.")
    public ReadAnswer<AuditPage> audit(
            @Parameter(description = "username of the person who acted, e.g. most.officer")
            @RequestParam(required = false) String actor,
            @Parameter(description = "a body the event concerns (the actor's, the authority, a recipient, a lead...)")
            @RequestParam(required = false) String body,
            @Parameter(description = "aggregate id: a body code, a directive id, or a task id directiveId/code")
            @RequestParam(required = false) String entity,
            @Parameter(description = "event name, e.g. TaskReassigned")
            @RequestParam(required = false) String type,
            @Parameter(description = "recorded at or after (instant, local date-time in Asia/Ho_Chi_Minh, or a day: "
                    + "its start)") @RequestParam(required = false) String from,
            @Parameter(description = "recorded before (exclusive; a day: up to its end)")
            @RequestParam(required = false) String to,
            @Parameter(description = "true: only late entries, recorded more than 7 days after their business date "
                    + "(work entered after the fact; read from their own posting list); false: only the others")
            @RequestParam(required = false) Boolean lateEntry,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(AuditQueries.MAX_PAGE) int size,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = ApiDocs.ON_DAY) @RequestParam(required = false) String onDay) {
        Instant fromAt = Instants.startOf(from, "from");
        Instant toAt = to == null || to.isBlank() ? null : Instants.endOf(to, "to").plusNanos(1);
        Axes axes = readSide.axes(asOf, onDay);
        Instant at = axes == null ? null : axes.recordedBy();
        if (at != null) {
            Instant limit = at.truncatedTo(ChronoUnit.MILLIS).plusMillis(1); // recorded at or before asOf
            toAt = toAt == null || limit.isBefore(toAt) ? limit : toAt;
        }
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            throw new BadRequest("request.range", "to", "'to' must be after 'from'.");
        }
        AuditFilter filter = new AuditFilter(blankToNull(actor), blankToNull(body), blankToNull(entity),
                blankToNull(type), fromAt, toAt, axes == null ? null : axes.onDay(), lateEntry);
        ReadModels.Snapshot live = readSide.snapshot();
        AuditQueries.AuditPage page = new AuditQueries(live.store()).page(filter, blankToNull(cursor), size);
        String next = null;
        if (page.nextCursor() != null) {
            UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.nextCursor()).build();
            next = uri.getPath() + "?" + uri.getQuery();
        }
        AuditPage answer = new AuditPage(page.entries(), page.entries().size(), page.nextCursor(), next,
                page.drivenBy());
        return readSide.live(live, axes != null ? axes.clock() : readSide.now(), axes, answer);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

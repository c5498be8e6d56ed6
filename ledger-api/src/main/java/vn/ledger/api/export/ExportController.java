package vn.ledger.api.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.problem.Gone;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.Instants;
import vn.ledger.api.security.CurrentActor;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.archive.ExportScope;
import vn.ledger.archive.Exporter;
import vn.ledger.core.shared.Actor;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Archival export (INSPECTOR, ARCHIVIST; either sees and downloads every export, as the log's readers they are):
 * start one (202 and the job's address), follow its progress, download the bundle, list the latest, and the public
 * key that verifies a bundle. Jobs are kept in the store ({@link ExportJobStore}): they outlive a restart.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "export", description = "archival bundles: BagIt zip with events, proofs, signed checkpoint, metadata, PDF")
public class ExportController {

    /**
     * What to export: {@code kind} cascade (with {@code directiveId}), body (with {@code bodyCode}, {@code from},
     * {@code to}) or range ({@code from}, {@code to}); instants as ISO, a local date-time or a day (as ?asOf).
     */
    public record ExportRequest(String kind, String directiveId, String bodyCode, String from, String to) {
    }

    private final ExportJobs jobs;
    private final CurrentActor current;
    private final CheckpointSigning signing;

    public ExportController(ExportJobs jobs, CurrentActor current, CheckpointSigning signing) {
        this.jobs = jobs;
        this.current = current;
        this.signing = signing;
    }

    @PostMapping
    @Operation(summary = "start an export; 202 with the job, Location: the job")
    public ResponseEntity<Map<String, Object>> start(@RequestBody ExportRequest request) {
        Actor actor = current.actor();
        ExportScope scope = scope(request);
        ExportJob job = jobs.start(scope, request.kind().trim().toLowerCase(java.util.Locale.ROOT),
                new Exporter.Requester(actor.username(), actor.fullName(), actor.position(), actor.bodyCode()));
        return ResponseEntity.accepted().location(URI.create("/api/exports/" + job.id())).body(view(job));
    }

    @GetMapping
    @Operation(summary = "the latest exports, newest first (at most 100), each as GET /api/exports/{id} shows it")
    public List<Map<String, Object>> recent() {
        return jobs.recent(100).stream().map(ExportController::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "an export's state and progress (percent, rate, ETA); its bundle's address when done")
    public Map<String, Object> status(@PathVariable String id) {
        return view(jobs.find(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping("/{id}/bundle")
    @Operation(summary = "the finished bundle (application/zip); 410 once the retention deleted it")
    public ResponseEntity<Resource> bundle(@PathVariable String id) {
        ExportJob job = jobs.find(id).orElseThrow(() -> notFound(id));
        if (job.state() == ExportJob.State.EXPIRED) {
            throw new Gone("export.expired", "id", "export " + id + ": " + job.reason());
        }
        if (job.state() != ExportJob.State.DONE) {
            throw new NotFound("export.not-ready", "id", "export " + id + " has no bundle (it is "
                    + job.state() + ")");
        }
        Path file = jobs.file(job);
        if (!Files.isRegularFile(file)) {
            throw new NotFound("export.bundle-missing", "id", "export " + id + " was done, but its bundle "
                    + job.bundle().fileName() + " is not in the export directory (ledger.export.dir)");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-export-" + id + ".zip\"")
                .body(new FileSystemResource(file));
    }

    @GetMapping(value = "/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "the log's public verifier key (name+keyid+base64), for ledger-verify --key")
    public String verifierKey() {
        return signing.verifierKey() + "\n";
    }

    private static NotFound notFound(String id) {
        return new NotFound("export.not-found", "id", "no export " + id);
    }

    private static ExportScope scope(ExportRequest r) {
        String kind = r.kind() == null ? "" : r.kind().trim().toLowerCase(java.util.Locale.ROOT);
        switch (kind) {
            case "cascade" -> {
                if (r.directiveId() == null || r.directiveId().isBlank()) {
                    throw new BadRequest("export.directive-required", "directiveId", "a cascade export needs directiveId");
                }
                return new ExportScope.Cascade(r.directiveId().trim());
            }
            case "body" -> {
                if (r.bodyCode() == null || r.bodyCode().isBlank()) {
                    throw new BadRequest("export.body-required", "bodyCode", "a body export needs bodyCode");
                }
                return new ExportScope.BodyRecords(r.bodyCode().trim(), from(r.from()), to(r.to()));
            }
            case "range" -> {
                return new ExportScope.TimeRange(from(r.from()), to(r.to()));
            }
            default -> throw new BadRequest("export.kind", "kind", "kind is cascade, body or range");
        }
    }

    /** The first instant exported: a day means its start in Vietnam. */
    private static Instant from(String value) {
        return required(Instants.startOf(value, "from"), "from");
    }

    /** {@code to} is included: a day means up to its end in Vietnam; the scope's bound is just after it. */
    private static Instant to(String value) {
        return required(Instants.endOf(value, "to"), "to").plusNanos(1);
    }

    private static Instant required(Instant value, String field) {
        if (value == null) {
            throw new BadRequest("export.range-required", field, field + " is required");
        }
        return value;
    }

    private static Map<String, Object> view(ExportJob job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", job.id());
        out.put("kind", job.kind());
        out.put("scope", job.scope());
        out.put("requestedBy", job.requester() == null ? null : job.requester().username());
        if (job.requester() != null) {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("username", job.requester().username());
            who.put("fullName", job.requester().fullName());
            who.put("position", job.requester().position());
            who.put("bodyCode", job.requester().bodyCode());
            out.put("requester", who);
        }
        out.put("requestedAt", text(job.requestedAt()));
        out.put("startedAt", text(job.startedAt()));
        out.put("finishedAt", text(job.finishedAt()));
        out.put("state", job.state());
        if (job.reason() != null) {
            out.put("reason", job.reason());
        }
        if (job.progress() != null) {
            var p = job.progress();
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("phase", p.phase());
            progress.put("percent", p.percent());
            progress.put("commitsRead", p.commitsRead());
            progress.put("commitsTotal", p.commitsTotal());
            progress.put("eventsExported", p.eventsExported());
            progress.put("proofsWritten", p.proofsWritten());
            progress.put("proofsTotal", p.proofsTotal());
            progress.put("commitsPerSecond", p.commitsPerSecond());
            progress.put("etaSeconds", p.eta() == null ? null : p.eta().toSeconds());
            out.put("progress", progress);
        }
        if (job.summary() != null) {
            out.put("summary", job.summary());
        }
        if (job.bundle() != null) {
            if (job.state() == ExportJob.State.DONE) {
                out.put("bundle", "/api/exports/" + job.id() + "/bundle");
            }
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("fileName", job.bundle().fileName());
            file.put("size", job.bundle().size());
            file.put("sha256", job.bundle().sha256());
            file.put("deletedAt", text(job.bundle().deletedAt()));
            out.put("bundleFile", file);
        }
        return out;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}

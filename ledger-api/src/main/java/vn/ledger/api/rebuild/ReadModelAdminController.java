package vn.ledger.api.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.BadRequest;
import vn.ledger.api.problem.Conflict;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ReadModel;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Operators (ADMIN): read model generations, rebuilds and their progress, comparison with the live model. */
@RestController
@RequestMapping("/api/admin/read-models")
@Tag(name = "Admin: read models", description = "Rebuild any read model (or all) from the events into a new "
        + "generation while the old one keeps answering; follow the progress; compare a rebuilt generation with the "
        + "live one. Role ADMIN. Models: directive, task, chain, dashboard, audit, search, bodies.")
public class ReadModelAdminController {

    private final ReadModels models;
    private final ReadModelComparer comparer;

    public ReadModelAdminController(ReadModels models, ReadModelComparer comparer) {
        this.models = models;
        this.comparer = comparer;
    }

    @GetMapping
    @Operation(summary = "Every read model: active generation, position and lag; a running rebuild's percent "
            + "(processed position / head position), rate (events/s) and ETA")
    public Status status() {
        return models.status();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a read model (or `all`) from the events into a new generation",
            description = "A new tracking processor replays the whole event stream into new collections while the "
                    + "active generation keeps answering. With activate=true (default) the new generation replaces "
                    + "the active one as soon as it has caught up with the head; with activate=false it catches up, "
                    + "stays up to date and waits for .../compare and .../generations/{n}/activate (or DELETE). "
                    + "409 read-model.rebuild-running when the model already has a rebuild.")
    public List<Status.Model> rebuild(@Parameter(description = "a model name or `all`") @PathVariable String name,
                                      @RequestParam(defaultValue = "true") boolean activate) {
        List<ReadModel> targets = targets(name);
        if (targets.size() > 1) {
            List<String> busy = targets.stream().filter(m -> models.status(m).rebuild() != null)
                    .map(ReadModel::key).toList();
            if (!busy.isEmpty()) {
                throw new Conflict("read-model.rebuild-running", "name", "Rebuilds are running for " + busy
                        + "; activate or discard them first.");
            }
        }
        List<Status.Model> out = new ArrayList<>();
        for (ReadModel m : targets) {
            out.add(models.rebuild(m, activate));
        }
        return out;
    }

    @PostMapping("/{name}/generations/{generation}/activate")
    @Operation(summary = "Activate a rebuilt generation that has caught up (409 read-model.not-caught-up before)")
    public Status.Model activate(@PathVariable String name, @PathVariable long generation) {
        return models.activate(model(name), generation);
    }

    @DeleteMapping("/{name}/generations/{generation}")
    @Operation(summary = "Discard a rebuild (running or waiting): stop its processor, drop its collections")
    public Status.Model discard(@PathVariable String name, @PathVariable long generation) {
        return models.discard(model(name), generation);
    }

    /**
     * @param inSync      both generations were at the same position before and after the comparison
     * @param differences documents missing, extra or different, in all collections
     */
    @Schema(description = "A generation compared with the live one, document by document")
    public record Comparison(String model, long liveGeneration, long livePosition, long generation, long position,
                             boolean inSync, List<String> ignored, long differences,
                             List<ReadModelComparer.CollectionDiff> collections,
                             List<ReadModelComparer.Difference> sample) {
    }

    @GetMapping("/{name}/compare")
    @Operation(summary = "Compare a (rebuilt) generation with the live one, document by document",
            description = "Reports per collection the documents missing from the compared generation, the extra "
                    + "ones and those whose content differs, with a sample. Compare once both have caught up "
                    + "(inSync tells whether they stood at the same position).")
    public Comparison compare(@PathVariable String name,
                              @Parameter(description = "generation to compare; default: the model's rebuild")
                              @RequestParam(required = false) Long generation,
                              @Parameter(description = "top-level fields to leave out, comma-separated")
                              @RequestParam(required = false) String ignore,
                              @RequestParam(defaultValue = "10") @Min(0) @Max(1000) int sample) {
        ReadModel model = model(name);
        var live = models.generationStatus(model, null, true);
        var other = models.generationStatus(model, generation, false);
        if (other == null) {
            throw new NotFound("read-model.generation.not-found", "generation", generation == null
                    ? "Read model '" + model.key() + "' has no rebuild to compare; start one with activate=false, "
                    + "or name a generation."
                    : "Read model '" + model.key() + "' has no generation " + generation + ".");
        }
        if (other.generation() == live.generation()) {
            throw new BadRequest("read-model.compare-same", "generation", "Generation " + other.generation()
                    + " is the live one.");
        }
        Set<String> ignored = new LinkedHashSet<>();
        if (ignore != null) {
            Arrays.stream(ignore.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ignored::add);
        }
        long livePosition = live.position();
        long otherPosition = other.position();
        ReadModelComparer.Result result = comparer.compare(live.prefix(), other.prefix(),
                new LinkedHashSet<>(model.collections()), ignored, sample);
        var liveAfter = models.generationStatus(model, live.generation(), false);
        var otherAfter = models.generationStatus(model, other.generation(), false);
        boolean inSync = livePosition == otherPosition && liveAfter != null && otherAfter != null
                && liveAfter.position() == livePosition && otherAfter.position() == otherPosition;
        return new Comparison(model.key(), live.generation(), livePosition, other.generation(), otherPosition,
                inSync, List.copyOf(ignored), result.differences(), result.collections(), result.sample());
    }

    private static ReadModel model(String name) {
        return ReadModel.byKey(name).orElseThrow(() -> new NotFound("read-model.not-found", "name",
                "No read model '" + name + "'; known: " + Arrays.stream(ReadModel.values()).map(ReadModel::key)
                        .toList() + "."));
    }

    private static List<ReadModel> targets(String name) {
        return "all".equalsIgnoreCase(name) ? List.of(ReadModel.values()) : List.of(model(name));
    }
}

package vn.ledger.api.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ReadModel;

import java.util.Arrays;

/** Operators (ADMIN): stored read-model documents, their packed values decoded. */
@RestController
@RequestMapping("/api/admin/read-models")
@Tag(name = "Admin: read models")
public class ReadModelDocumentsController {

    private final StoredDocuments documents;

    public ReadModelDocumentsController(StoredDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/{name}/documents/{collection}")
    @Operation(summary = "The ids of a read-model collection, ascending, a page at a time (follow `next` as `after`)")
    public StoredDocuments.Ids ids(@PathVariable String name, @PathVariable String collection,
                                   @Parameter(description = "generation; default: the active one")
                                   @RequestParam(required = false) Long generation,
                                   @RequestParam(required = false) String after,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return documents.ids(model(name), generation, collection, after, size);
    }

    @GetMapping("/{name}/documents/{collection}/{*id}")
    @Operation(summary = "One stored read-model document, as stored and with its packed values decoded",
            description = "Decoded by the stored forms each read model declares next to its records (see "
                    + "docs/design.md, \"Stored forms and packed values\"), the readers its queries use: a whole "
                    + "record (a chain node, a body, a search entry) or packed fields (actors, persons, deadlines, "
                    + "tallies, a task's acknowledgements, reports and urgings, lists); audit entries are read by "
                    + "their ids. The id is the rest of the path, so that a task id `directiveId/code` needs no "
                    + "escaping.")
    public StoredDocuments.View document(@PathVariable String name, @PathVariable String collection,
                                         @PathVariable String id,
                                         @Parameter(description = "generation; default: the active one")
                                         @RequestParam(required = false) Long generation) {
        return documents.document(model(name), generation, collection, id.startsWith("/") ? id.substring(1) : id);
    }

    private static ReadModel model(String name) {
        return ReadModel.byKey(name).orElseThrow(() -> new NotFound("read-model.not-found", "name",
                "No read model '" + name + "'; known: " + Arrays.stream(ReadModel.values()).map(ReadModel::key)
                        .toList() + "."));
    }
}

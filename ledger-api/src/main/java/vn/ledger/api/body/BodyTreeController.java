package vn.ledger.api.body;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.body.BodyQueries;

import java.util.List;

/** The bodies as a tree with their names, from the bodies read model. */
@RestController
@Tag(name = "Read: bodies", description = "The hierarchy of bodies with their names. Any role. " + ApiDocs.ANSWER)
public class BodyTreeController {

    private final ReadSide readSide;

    public BodyTreeController(ReadSide readSide) {
        this.readSide = readSide;
    }

    @GetMapping("/api/bodies")
    @Operation(summary = "Bodies as a tree: code, current name, level, closed (and merged into), children",
            description = "Every root (a body without parent) with everything under it, or only the subtree of "
                    + "`root` (404 body.not-found when unknown). Closed bodies are shown unless openOnly=true.")
    public ReadAnswer<List<BodyQueries.TreeNode>> tree(
            @Parameter(description = "a body code: only its subtree", example = "TU-DIENBIEN")
            @RequestParam(required = false) String root,
            @RequestParam(defaultValue = "false") boolean openOnly) {
        ReadModels.Snapshot live = readSide.snapshot();
        String from = root == null || root.isBlank() ? null : root;
        List<BodyQueries.TreeNode> tree = new BodyQueries(live.store()).tree(from, openOnly);
        if (from != null && tree.isEmpty() && new BodyQueries(live.store()).body(from).isEmpty()) {
            throw new NotFound("body.not-found", "root", "No body " + from + " is registered.");
        }
        return readSide.live(live, readSide.now(), tree);
    }
}

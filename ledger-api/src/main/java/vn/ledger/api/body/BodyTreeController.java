package vn.ledger.api.body;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.api.problem.NotFound;
import vn.ledger.api.readside.ApiDocs;
import vn.ledger.api.readside.Instants;
import vn.ledger.api.readside.ReadAnswer;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.api.readside.ReadSide;
import vn.ledger.projections.asof.AsOfViews;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.body.BodyQueries;
import vn.ledger.projections.body.BodyView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
                    + "`root` (404 body.not-found when unknown). Closed bodies are shown unless openOnly=true. With "
                    + "`asOf`, the tree as recorded at that instant, replayed from the bodies' events (one history "
                    + "per body): a body registered later is absent, a renamed body bears its name then, and "
                    + "`root` unknown then is 404.")
    public ReadAnswer<List<BodyQueries.TreeNode>> tree(
            @Parameter(description = "a body code: only its subtree", example = "TU-DIENBIEN")
            @RequestParam(required = false) String root,
            @RequestParam(defaultValue = "false") boolean openOnly,
            @Parameter(description = ApiDocs.AS_OF) @RequestParam(required = false) String asOf) {
        Instant at = Instants.endOf(asOf, "asOf");
        ReadModels.Snapshot live = readSide.snapshot();
        String from = root == null || root.isBlank() ? null : root;
        if (at != null) {
            // every body known today: those registered by then are among them
            List<String> codes = live.store().scan(BodiesProjection.COLLECTION).map(d -> d.getString("_id")).toList();
            AsOfViews.AsOf<Optional<List<BodyQueries.TreeNode>>> then = readSide.replay(live.store(), at, codes,
                    List.of(BodiesProjection::new), store -> {
                        BodyQueries bodies = new BodyQueries(store);
                        List<BodyQueries.TreeNode> tree = bodies.tree(from, openOnly);
                        boolean known = from == null || !tree.isEmpty()
                                || bodies.body(from).filter(BodyView::registered).isPresent();
                        return known ? Optional.of(tree) : Optional.empty();
                    });
            return readSide.replayed(then, () -> notFound(from, at));
        }
        List<BodyQueries.TreeNode> tree = new BodyQueries(live.store()).tree(from, openOnly);
        if (from != null && tree.isEmpty() && new BodyQueries(live.store()).body(from).isEmpty()) {
            throw notFound(from, null);
        }
        return readSide.live(live, readSide.now(), tree);
    }

    private static NotFound notFound(String code, Instant asOf) {
        return new NotFound("body.not-found", "root", "No body " + code + " is registered"
                + (asOf == null ? "" : " as of " + asOf) + ".");
    }
}

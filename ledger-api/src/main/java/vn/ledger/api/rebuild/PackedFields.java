package vn.ledger.api.rebuild;

import org.bson.Document;
import vn.ledger.api.readside.ReadModel;
import vn.ledger.projections.audit.AuditProjection;
import vn.ledger.projections.body.BodiesProjection;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.search.SearchProjection;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForms;
import vn.ledger.projections.task.TaskProjection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decodes a stored read-model document for an operator (docs/design.md, "Stored forms and packed values"): a
 * MongoDB shell shows
 * packed values as strings full of control characters. Each model's {@link StoredForms}, declared by the model next
 * to its records, decode it: the readers the queries use, no second decoder.
 */
final class PackedFields {

    /** What a query may use besides the value: the whole document and the store of its generation. */
    record Context(ReadModel model, String collection, Document document, ReadStore store, Instant now) {
    }

    /** A decoded document, and where its packed values were (see {@link StoredForms.Decoded}). */
    record Decoded(Object document, List<String> decodedPaths, List<String> unnamedPaths) {
    }

    /** model → its forms. */
    static final Map<ReadModel, StoredForms> FORMS = Map.of(
            ReadModel.TASK, TaskProjection.FORMS,
            ReadModel.DIRECTIVE, DirectiveProjection.FORMS,
            ReadModel.CHAIN, ChainProjection.FORMS,
            ReadModel.DASHBOARD, DashboardProjection.FORMS,
            ReadModel.BODIES, BodiesProjection.FORMS,
            ReadModel.SEARCH, SearchProjection.FORMS,
            ReadModel.AUDIT, AuditProjection.FORMS);

    private PackedFields() {
    }

    /** The document decoded by its model's forms, any packed string no form names split into its fields. */
    static Decoded decode(Context context) {
        StoredForms.Decoded d = FORMS.getOrDefault(context.model(), StoredForms.forms())
                .decode(context.collection(), context.document());
        return new Decoded(d.document(), d.decodedPaths(), d.unnamedPaths());
    }
}

package vn.ledger.api.rebuild;

import org.bson.Document;
import vn.ledger.api.readside.ReadModel;
import vn.ledger.projections.audit.AuditEntry;
import vn.ledger.projections.audit.AuditQueries;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.dashboard.DashboardProjection;
import vn.ledger.projections.directive.DirectiveProjection;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.StoredForms;
import vn.ledger.projections.store.Tuple;
import vn.ledger.projections.task.TaskProjection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decodes a stored read-model document for an operator (docs/design.md, "Stored forms"): a MongoDB shell shows
 * packed values as strings full of control characters. Each model's {@link StoredForms}, declared by the model next
 * to its records, decode it: the readers the queries use, no second decoder.
 *
 * <p>{@link #REREAD} are the fields still decoded through a public query of the read side, for stored shapes no
 * form of ledger-projections exposes yet: an audit bucket's entries, read by their ids (the audit package declares
 * its forms later).
 */
final class PackedFields {

    /** What a query may use besides the value: the whole document and the store of its generation. */
    record Context(ReadModel model, String collection, Document document, ReadStore store, Instant now) {
    }

    @FunctionalInterface
    interface Decoder {
        Object decode(Object stored, Context context);
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
            ReadModel.AUDIT, StoredForms.forms().field("ids", StoredForm.STRINGS).field("firsts", StoredForm.STRINGS));

    /** model → field name (at any depth) → query that reads it. */
    static final Map<ReadModel, Map<String, Decoder>> REREAD = Map.of(
            ReadModel.AUDIT, Map.of("entries", PackedFields::auditEntries));

    private PackedFields() {
    }

    /** The document decoded by its model's forms, any packed string no form names split into its fields. */
    static Decoded decode(Context context) {
        Map<String, Function<Object, Object>> reread = new LinkedHashMap<>();
        REREAD.getOrDefault(context.model(), Map.of()).forEach((k, d) -> reread.put(k, v -> d.decode(v, context)));
        StoredForms.Decoded d = FORMS.getOrDefault(context.model(), StoredForms.forms())
                .decode(context.collection(), context.document(), reread);
        return new Decoded(d.document(), d.decodedPaths(), d.unnamedPaths());
    }

    /**
     * An audit bucket's entries, each read by its audit id (the second field of a stored entry, see
     * {@code StoredEntry}) as the audit trail reads it; an entry of an earlier layout (a sub-document) holds its id.
     */
    private static Object auditEntries(Object stored, Context context) {
        AuditQueries audit = new AuditQueries(context.store());
        List<Object> out = new ArrayList<>();
        for (Object entry : stored instanceof List<?> l ? l : List.of()) {
            String id;
            if (entry instanceof String s) {
                Tuple.Reader r = Tuple.reader(s);
                r.skip();
                id = r.string();
            } else {
                id = entry instanceof Document d ? d.getString("id") : null;
            }
            Optional<AuditEntry> read = id == null ? Optional.empty() : audit.entry(id);
            out.add(read.<Object>map(e -> e).orElse(entry));
        }
        return out;
    }
}

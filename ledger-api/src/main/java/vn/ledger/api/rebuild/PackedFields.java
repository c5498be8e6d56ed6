package vn.ledger.api.rebuild;

import org.bson.Document;
import vn.ledger.api.readside.ReadModel;
import vn.ledger.projections.audit.AuditEntry;
import vn.ledger.projections.audit.AuditQueries;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.chain.ChainQueries;
import vn.ledger.projections.chain.ChainView;
import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.SharedValues;
import vn.ledger.projections.store.Tuple;
import vn.ledger.projections.task.TaskQueries;
import vn.ledger.projections.task.TaskView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * Decodes the packed values of a stored read-model document (docs/design.md, "Packed values") with the read side's
 * own readers, for an operator: a MongoDB shell shows them as strings full of control characters.
 *
 * <p>{@link #FIELDS} is the one table of which field of which model holds which format; a projection that changes
 * a stored shape changes its line here. A field is looked up by its name at any depth of the document (a task's
 * {@code extensions[].by} is an actor like its {@code assignedBy}). A packed string that no line names is shown
 * split into its tuple fields, unnamed.
 *
 * <p>Where the reader of a format is not public in ledger-projections (a task's acknowledgements, reports and
 * urgings; a chain node's recipients and packed lists; an audit entry), the field is decoded through the public
 * query that reads it: the task's view, the chain node's view, the audit entry by its id.
 */
final class PackedFields {

    /** What a decoder may use besides the value: the whole document and the store of its generation. */
    record Context(ReadModel model, String collection, Document document, ReadStore store, Instant now) {

        TaskView taskView() {
            return TaskQueries.view(new Document(document), now);
        }

        Optional<ChainView.ChainNode> chainNode() {
            return new ChainQueries(store).chain(document.getString("_id"), 0, now).map(ChainView::root);
        }
    }

    @FunctionalInterface
    interface Decoder {
        Object decode(Object stored, Context context);
    }

    /**
     * A decoded document, and where its packed values were: fields decoded by the table, and fields holding a
     * packed string no line of the table names (shown as unnamed tuple fields).
     */
    record Decoded(Map<String, Object> document, List<String> decodedPaths, List<String> unnamedPaths) {
    }

    private static final Decoder ACTOR = (v, c) -> SharedValues.toActor(v);
    private static final Decoder PERSON = (v, c) -> SharedValues.toPerson(v);
    private static final Decoder DEADLINE = (v, c) -> SharedValues.toDeadline(v);
    private static final Decoder TALLY = (v, c) -> Tally.read(v).toDocument();
    private static final Decoder STRINGS = (v, c) -> PackedStrings.read(v);

    private static Decoder chainNode(Function<ChainView.ChainNode, Object> field) {
        return (v, c) -> c.chainNode().map(field).orElse(null);
    }

    /** model → field name (at any depth) → decoder. */
    static final Map<ReadModel, Map<String, Decoder>> FIELDS = Map.of(
            ReadModel.TASK, Map.ofEntries(
                    entry("responsible", PERSON),
                    entry("assignedBy", ACTOR), entry("by", ACTOR), entry("decidedBy", ACTOR),
                    entry("deadline", DEADLINE), entry("deadlineWritten", DEADLINE), entry("current", DEADLINE),
                    entry("requested", DEADLINE), entry("from", DEADLINE), entry("to", DEADLINE),
                    entry("acks", (v, c) -> c.taskView().acknowledgements()),
                    entry("reports", (v, c) -> c.taskView().reports()),
                    entry("urgings", (v, c) -> c.taskView().urgings())),
            ReadModel.DIRECTIVE, Map.of("issuedBy", ACTOR, "receivedBy", ACTOR, "by", ACTOR),
            ReadModel.CHAIN, Map.of(
                    "own", TALLY, "rollup", TALLY,
                    "children", (v, c) -> ChainProjection.children(c.document()),
                    "leads", chainNode(ChainView.ChainNode::leads),
                    "cooperating", chainNode(ChainView.ChainNode::cooperating),
                    "uncoveredLeads", chainNode(ChainView.ChainNode::uncoveredLeads),
                    // a node's: all its recipients as the view shows them; a bucket's (chain_recipients): its own
                    "recipients", (v, c) -> c.collection().endsWith(ChainProjection.RECIPIENTS)
                            ? ChainProjection.recipientsBucket(c.document())
                            : chainNode(ChainView.ChainNode::recipients).decode(v, c)),
            ReadModel.DASHBOARD, Map.of("self", TALLY, "tree", TALLY, "tally", TALLY),
            ReadModel.AUDIT, Map.of("entries", PackedFields::auditEntries, "ids", STRINGS, "firsts", STRINGS));

    private PackedFields() {
    }

    /** The document with every packed value the table names decoded, and any other packed string split. */
    static Decoded decode(Context context) {
        Map<String, Decoder> fields = FIELDS.getOrDefault(context.model(), Map.of());
        TreeSet<String> decoded = new TreeSet<>();
        TreeSet<String> unnamed = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) walk(context.document(), "", fields, context, decoded,
                unnamed);
        return new Decoded(out, List.copyOf(decoded), List.copyOf(unnamed));
    }

    private static Object walk(Object value, String path, Map<String, Decoder> fields, Context context,
                               TreeSet<String> decoded, TreeSet<String> unnamed) {
        if (value instanceof Document d) {
            Map<String, Object> out = new LinkedHashMap<>();
            d.forEach((k, v) -> {
                String at = path.isEmpty() ? k : path + "." + k;
                Decoder decoder = fields.get(k);
                if (decoder != null && v != null && !(v instanceof Document)) {
                    out.put(k, decoder.decode(v, context));
                    decoded.add(at);
                } else {
                    out.put(k, walk(v, at, fields, context, decoded, unnamed));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(walk(item, path + "[]", fields, context, decoded, unnamed));
            }
            return out;
        }
        if (value instanceof String s && packed(s)) {
            unnamed.add(path);
            return Map.of("tupleFields", tupleFields(s));
        }
        return value;
    }

    /** Holds a separator or an escape of the packed formats ({@code Tuple}, the chain's {@code Packed}). */
    private static boolean packed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000' || c == '\u001B' || (c >= '\u001D' && c <= '\u001F')) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tupleFields(String s) {
        List<String> out = new ArrayList<>();
        Tuple.Reader r = Tuple.reader(s);
        while (r.hasNext()) {
            out.add(r.string());
        }
        return out;
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

package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.Held;
import vn.ledger.projections.store.StoredForm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored form of the chain's records, and the only place that knows it.
 *
 * <p>A node is written field by field in one fixed order, an absent value (null, false, nothing) left out, so that
 * equal nodes are equal documents, byte for byte, whatever order their facts arrived in. The values read whole
 * are packed, each by the form declared next to it: {@code own} and {@code rollup} ({@link Tally#FORM}),
 * {@code children} ({@link Node.Child#LIST}), a directive's {@code recipients} ({@link Recipients#FIRST}), a task's
 * {@code leads}, {@code cooperating}, {@code startedBy}, {@code uncoveredLeads} and {@code concreteBy} (absent when
 * empty) ({@link Node#CODES}). Values kept as objects while a rebuild's write-behind cache holds the document
 * ({@link Held}) are taken back as they are, not read again. A node stored by the previous layout reads too
 * ({@link ChainLayout6}).
 *
 * <p>The acts on a directive: a head ({@code _id} the directive's id, {@code buckets}: the numbers of its stored
 * buckets) and the buckets ({@link #writeActs}, {@code _id} {@code <directive id>#<n>}).
 */
final class NodeCodec {

    static final String CHILDREN = "children";

    private NodeCodec() {
    }

    /**
     * A chain node as one stored document, for the administrator's endpoint: shown with its packed lists and
     * tallies decoded (its own recipients only: those beyond the first bucket are documents of their own).
     */
    static final StoredForm<Node> FORM = StoredForm.<Node>document(NodeCodec::write, d -> read(d, ids -> Map.of()),
            null).shownAs(NodeCodec::shown);

    // ------------------------------------------------------------------ nodes

    static Document write(Node n) {
        Document d = new Document("_id", n.id).append("kind", n.kind).append("exists", n.exists)
                .append("seq", n.seq);
        put(d, "parent", n.parent);
        d.append("ancestors", new ArrayList<>(n.ancestors));
        d.append(CHILDREN, held(n.lazyChildren(), Node.Child.LIST));
        d.append("height", n.height);
        d.append("own", n.own).append("rollup", n.rollup);
        if (n.isDirective()) {
            put(d, "symbol", n.symbol);
            put(d, "docKind", n.docKind);
            put(d, "issuer", n.issuer);
            put(d, "issuedOn", Docs.iso(n.issuedOn));
            put(d, "subject", n.subject);
            put(d, "status", n.status);
            put(d, "replacement", n.replacement);
            d.append("tasksDeclared", n.tasksDeclared);
            d.append(Recipients.FIELD, held(n.lazyRecipients(), Recipients.FIRST));
            int overflow = n.lazyRecipients().loaded() ? overflow(n.recipients()) : n.recipientBuckets;
            if (overflow > 0) {
                d.append(Recipients.OVERFLOW, overflow);
            }
            d.append("cites", new ArrayList<>(n.cites));
            return d;
        }
        put(d, "directiveId", n.directiveId);
        put(d, "parentTask", n.parentTask);
        put(d, "code", n.code);
        put(d, "work", n.work);
        if (n.responsibleName != null || n.responsiblePosition != null) {
            d.append("responsible", new Document("name", n.responsibleName).append("position", n.responsiblePosition));
        }
        d.append("leads", Node.CODES.write(n.leads));
        d.append("cooperating", Node.CODES.write(n.cooperating));
        put(d, "assigner", n.assigner);
        put(d, "assignedOn", Docs.iso(n.assignedOn));
        put(d, "product", n.product);
        put(d, "deadline", n.deadline);
        put(d, "due", Docs.iso(n.due));
        if (!n.extensions.isEmpty()) {
            put(d, "dueWritten", Docs.iso(n.dueWritten));
            d.append("extensions", Node.Extension.LIST.write(n.extensions));
        }
        flag(d, "recurring", n.recurring);
        d.append("missing", new ArrayList<>(n.missing));
        flag(d, "stopped", n.stopped);
        d.append("uncoveredLeads", Node.CODES.write(n.uncoveredLeads));
        if (!n.concreteBy.isEmpty()) {
            d.append("concreteBy", Node.CODES.write(n.concreteBy));
        }
        d.append("startedBy", Node.CODES.write(n.startedBy));
        flag(d, "started", n.started);
        put(d, "startedOn", Docs.iso(n.startedOn));
        flag(d, "cancelled", n.cancelled);
        put(d, "completedOn", Docs.iso(n.completedOn));
        flag(d, "accepted", n.accepted);
        put(d, "lastPercent", n.lastPercent);
        put(d, "lastReportedOn", Docs.iso(n.lastReportedOn));
        d.append("delegatedBy", new ArrayList<>(n.delegatedBy));
        put(d, "delegatedOn", Docs.iso(n.delegatedOn));
        return d;
    }

    @SuppressWarnings("unchecked")
    static Node read(Document d, Function<List<String>, Map<String, String>> overflow) {
        Node n = new Node(d.getString("_id"), d.getString("kind"));
        n.exists = Docs.bool(d, "exists");
        n.seq = Docs.num(d, "seq", -1);
        n.parent = Docs.str(d, "parent");
        n.ancestors = Docs.strings(d, "ancestors");
        Object children = d.get(CHILDREN);
        n.children(children instanceof Held<?> h ? Lazy.of((List<Node.Child>) h.value())
                : Lazy.stored(children, () -> Node.Child.read(n.id, children)));
        n.height = (int) Docs.num(d, "height");
        n.own = Tally.read(d.get("own"));
        n.rollup = Tally.read(d.get("rollup"));
        if (n.isDirective()) {
            n.symbol = Docs.str(d, "symbol");
            n.docKind = Docs.str(d, "docKind");
            n.issuer = Docs.str(d, "issuer");
            n.issuedOn = Docs.date(d, "issuedOn");
            n.subject = Docs.str(d, "subject");
            n.status = Docs.str(d, "status");
            n.replacement = Docs.str(d, "replacement");
            n.tasksDeclared = (int) Docs.num(d, "tasksDeclared");
            Object recipients = d.get(Recipients.FIELD);
            n.recipientBuckets = (int) Docs.num(d, Recipients.OVERFLOW);
            n.recipients(recipients instanceof Held<?> h ? Lazy.of((List<Recipients.Entry>) h.value())
                    : Lazy.stored(recipients, () -> Recipients.read(n.id, (String) recipients, n.recipientBuckets,
                    overflow)));
            n.cites = Docs.strings(d, "cites");
            return n;
        }
        n.directiveId = Docs.str(d, "directiveId");
        n.parentTask = Docs.str(d, "parentTask");
        n.code = Docs.str(d, "code");
        n.work = Docs.str(d, "work");
        Document responsible = Docs.doc(d, "responsible");
        if (responsible != null) {
            n.responsibleName = responsible.getString("name");
            n.responsiblePosition = responsible.getString("position");
        }
        n.leads = Node.CODES.read(d.get("leads"));
        n.cooperating = Node.CODES.read(d.get("cooperating"));
        n.assigner = Docs.str(d, "assigner");
        n.assignedOn = Docs.date(d, "assignedOn");
        n.product = Docs.str(d, "product");
        n.deadline = Docs.str(d, "deadline");
        n.due = Docs.date(d, "due");
        n.dueWritten = Docs.date(d, "dueWritten");
        Object extensions = d.get("extensions");
        n.extensions = extensions == null ? new ArrayList<>() : new ArrayList<>(Node.Extension.LIST.read(extensions));
        n.recurring = Docs.bool(d, "recurring");
        n.missing = Docs.strings(d, "missing");
        n.stopped = Docs.bool(d, "stopped");
        n.uncoveredLeads = Node.CODES.read(d.get("uncoveredLeads"));
        n.concreteBy = Node.CODES.read(d.get("concreteBy"));
        n.startedBy = Node.CODES.read(d.get("startedBy"));
        n.started = Docs.bool(d, "started");
        n.startedOn = Docs.date(d, "startedOn");
        n.cancelled = Docs.bool(d, "cancelled");
        n.completedOn = Docs.date(d, "completedOn");
        n.accepted = Docs.bool(d, "accepted");
        n.lastPercent = Docs.integer(d.get("lastPercent"));
        n.lastReportedOn = Docs.date(d, "lastReportedOn");
        n.delegatedBy = Docs.strings(d, "delegatedBy");
        n.delegatedOn = Docs.date(d, "delegatedOn");
        return n;
    }

    /** The kind of a stored node. */
    static boolean isDirective(Document d) {
        return Node.DIRECTIVE.equals(d.getString("kind"));
    }

    /** The ids of a stored node's children, in order. */
    static List<String> childIds(Document d) {
        return read(d, ids -> Map.of()).childIds();
    }

    private static int overflow(List<Recipients.Entry> all) {
        return Math.max(0, (all.size() + Recipients.BUCKET - 1) / Recipients.BUCKET - 1);
    }

    /** A bucket of recipients beyond the first: {@code recipients}, packed as in the node. */
    static Document writeRecipients(String directiveId, int k, List<Recipients.Entry> entries) {
        return Recipients.Bucket.FORM.document(new Recipients.Bucket(Recipients.bucketId(directiveId, k), entries));
    }

    /** The packed recipients of buckets found among {@code ids} in {@code store}, by id. */
    static Map<String, String> recipientBuckets(vn.ledger.projections.store.ReadStore store, List<String> ids) {
        Map<String, String> out = new java.util.HashMap<>();
        store.findAll(ChainProjection.RECIPIENTS, ids).forEach((id, d) -> out.put(id, d.getString(Recipients.FIELD)));
        return out;
    }

    /** How many children the node has, without reading them when they were not read yet. */
    static int childCount(Node n) {
        Lazy<List<Node.Child>> c = n.lazyChildren();
        return c.loaded() ? c.get().size() : Node.Child.count(c.stored());
    }

    private static <T> Object held(Lazy<T> lazy, StoredForm<T> form) {
        return lazy.loaded() ? form.held(lazy.get()) : lazy.stored();
    }

    /** The node as {@link #write} stores it, with its packed lists and tallies decoded. */
    private static Document shown(Node n) {
        Document d = write(n);
        d.put(CHILDREN, n.childIds());
        d.put("own", n.own.toDocument());
        d.put("rollup", n.rollup.toDocument());
        if (n.isDirective()) {
            d.put(Recipients.FIELD, Recipients.shown(n.recipients()));
            return d;
        }
        d.put("leads", n.leads);
        d.put("cooperating", n.cooperating);
        d.put("uncoveredLeads", n.uncoveredLeads);
        if (!n.concreteBy.isEmpty()) {
            d.put("concreteBy", n.concreteBy);
        }
        d.put("startedBy", n.startedBy);
        if (!n.extensions.isEmpty()) {
            d.put("extensions", n.extensions.stream().map(x -> new Document("grantedOn", Docs.iso(x.grantedOn()))
                    .append("due", Docs.iso(x.due()))).toList());
        }
        return d;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.append(key, value);
        }
    }

    private static void flag(Document d, String key, boolean value) {
        if (value) {
            d.append(key, true);
        }
    }

    // ------------------------------------------------------------------ acts and leads

    /** The id of a bucket of the acts on a directive ({@link Acts#bucket}). */
    static String actsBucketId(String directiveId, int bucket) {
        return directiveId + "#" + bucket;
    }

    /**
     * A bucket of the acts on a directive: {@code bodies}, in order of their codes, each {@code body}, {@code
     * delegated}, {@code started} (first days, absent when none) and {@code forwards} (documents {@code directiveId,
     * issuedOn, tasks, at}, in log order).
     */
    static Document writeActs(String directiveId, int bucket, List<Acts.ByBody> bodies) {
        List<Document> out = new ArrayList<>(bodies.size());
        for (Acts.ByBody b : bodies) {
            Document bd = new Document("body", b.body);
            put(bd, "delegated", Docs.iso(b.delegated));
            put(bd, "started", Docs.iso(b.started));
            List<Document> forwards = new ArrayList<>(b.forwards.size());
            for (Acts.Forward f : b.forwards) {
                Document fd = new Document("directiveId", f.directiveId());
                put(fd, "issuedOn", Docs.iso(f.issuedOn()));
                fd.append("tasks", f.tasks()).append("at", f.at().commit());
                if (f.at().offset() != 0) {
                    fd.append("atOffset", f.at().offset());
                }
                forwards.add(fd);
            }
            out.add(bd.append("forwards", forwards));
        }
        return new Document("_id", actsBucketId(directiveId, bucket)).append("bodies", out);
    }

    static List<Acts.ByBody> readActs(Document bucket) {
        List<Acts.ByBody> out = new ArrayList<>();
        for (Document bd : Docs.docsView(bucket, "bodies")) {
            Acts.ByBody b = new Acts.ByBody(bd.getString("body"));
            b.delegated = Docs.date(bd, "delegated");
            b.started = Docs.date(bd, "started");
            for (Document f : Docs.docsView(bd, "forwards")) {
                b.forwards.add(new Acts.Forward(b.body, f.getString("directiveId"), Docs.date(f, "issuedOn"),
                        (int) Docs.num(f, "tasks"), at(f)));
            }
            out.add(b);
        }
        return out;
    }

    /** The log position of a forward: {@code at} its commit, {@code atOffset} its offset (absent: 0). */
    private static LogPosition at(Document forward) {
        Object at = forward.get("at");
        return at instanceof String previous ? ChainLayout6.position(previous)
                : new LogPosition(Docs.lng(at, 0), (int) Docs.num(forward, "atOffset"));
    }

    /** The head of the acts on a directive: the numbers of its stored buckets, ascending. */
    static Document writeActsHead(String directiveId, java.util.Collection<Integer> buckets) {
        return new Document("_id", directiveId).append("buckets", new ArrayList<>(new java.util.TreeSet<>(buckets)));
    }

    static List<Integer> actsBuckets(Document head) {
        List<Integer> out = new ArrayList<>();
        if (head != null) {
            for (Object o : head.getList("buckets", Object.class, List.of())) {
                out.add(((Number) o).intValue());
            }
        }
        return out;
    }

    /** The ids of the directives a bucket of acts says were issued citing its directive. */
    static List<String> forwardIds(Document bucket) {
        List<String> out = new ArrayList<>();
        for (Acts.ByBody b : readActs(bucket)) {
            out.addAll(b.forwardIds());
        }
        return out;
    }
}

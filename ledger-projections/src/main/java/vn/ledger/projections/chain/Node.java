package vn.ledger.projections.chain;

import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.eventstore.LogPosition;
import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.store.Tuple;
import vn.ledger.projections.task.TimelinessRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One node of the chain tree, a directive or a task, as the tree works on it: its own facts, its place in the tree
 * and its roll-ups. Knows nothing of how it is stored ({@link NodeCodec}) nor of other nodes ({@link ChainTree}); the
 * facts an event of the node's own aggregate sets are applied here ({@code apply}), purely.
 *
 * <p>Lists are in an order given by the events, never by their arrival: {@link #children} by the log position of
 * the event that made each child ({@link Child#at}, then id); {@link #recipients}, {@link #startedBy} and
 * {@link #delegatedBy} by the node's own events (an aggregate's events reach a processor in log order), within an
 * event in its lists' order; {@link #uncoveredLeads} in the order of {@link #leads}; {@link #concreteBy}, brought by
 * other aggregates' events, sorted.
 */
final class Node {

    static final String DIRECTIVE = "DIRECTIVE";
    static final String TASK = "TASK";

    /** A child and the log position of the event that made it (its issue or assignment). */
    record Child(String id, LogPosition at) {

        static final Comparator<Child> ORDER = Comparator.comparing(Child::at).thenComparing(Child::id);

        /**
         * A node's children, packed (every node a chain view shows is read whole, including the ~1,600 leaves of a
         * depth-2 view of the national tree whose children are only counted): their number, then each child's id,
         * commit position and offset in the commit.
         */
        static final StoredForm<List<Child>> LIST = StoredForm.packed((w, list) -> {
            w.add(list.size());
            for (Child c : list) {
                w.add(c.id()).add(c.at().commit()).add(c.at().offset());
            }
        }, r -> {
            List<Child> out = new ArrayList<>();
            for (long n = r.lng(); n > 0; n--) {
                out.add(new Child(r.string(), new LogPosition(r.lng(), (int) r.lng())));
            }
            return out;
        }, null);

        /** The children a node with this id stored, in this layout ({@link #LIST}) or the previous one. */
        static List<Child> read(String parentId, Object stored) {
            return stored instanceof String s && !ChainLayout6.isCurrent(s) ? ChainLayout6.children(parentId, s)
                    : LIST.read(stored);
        }

        /** How many children a node stored, without reading them. */
        static int count(Object stored) {
            if (!(stored instanceof String s)) {
                return stored == null ? 0 : LIST.read(stored).size();
            }
            return ChainLayout6.isCurrent(s) ? (int) Tuple.reader(s).lng() : ChainLayout6.count(s);
        }
    }

    /**
     * An extension granted: its business date and the due day it set. A task's list is packed: its number, then
     * each one's dates (ISO).
     */
    record Extension(LocalDate grantedOn, LocalDate due) {

        static final StoredForm<List<Extension>> LIST = StoredForm.packed((w, list) -> {
            w.add(list.size());
            for (Extension x : list) {
                w.add(Docs.iso(x.grantedOn())).add(Docs.iso(x.due()));
            }
        }, r -> {
            List<Extension> out = new ArrayList<>();
            for (long n = r.lng(); n > 0; n--) {
                out.add(new Extension(Docs.localDate(r.string()), Docs.localDate(r.string())));
            }
            return out;
        }, null);
    }

    /** A list of body codes or ids, packed ({@link StoredForm#STRINGS}); the previous layout's string reads too. */
    static final StoredForm<List<String>> CODES = new StoredForm<>() {
        @Override
        public Object write(List<String> value) {
            return StoredForm.STRINGS.write(value);
        }

        @Override
        public List<String> read(Object stored) {
            if (stored instanceof String s && !ChainLayout6.isCurrent(s)) {
                return ChainLayout6.list(s);
            }
            List<String> list = StoredForm.STRINGS.read(stored);
            return list == null ? new ArrayList<>() : list;
        }
    };

    final String id;
    final String kind;
    boolean exists;
    /** The sequence number of the last event of the node's own aggregate applied; -1 for none. */
    long seq = -1;
    String parent;
    List<String> ancestors = new ArrayList<>();
    private Lazy<List<Child>> children = Lazy.of(new ArrayList<>());
    int height;
    Tally own = new Tally();
    Tally rollup = new Tally();

    // a directive
    String symbol;
    String docKind;
    String issuer;
    LocalDate issuedOn;
    String subject;
    String status;
    String replacement;
    int tasksDeclared;
    private Lazy<List<Recipients.Entry>> recipients = Lazy.of(new Recipients.Entries());
    /** Buckets of recipients beyond the first, as stored (see {@link Recipients#BUCKET}). */
    int recipientBuckets;
    List<String> cites = new ArrayList<>();

    // a task
    String directiveId;
    String parentTask;
    String code;
    String work;
    String responsibleName;
    String responsiblePosition;
    List<String> leads = new ArrayList<>();
    List<String> cooperating = new ArrayList<>();
    String assigner;
    LocalDate assignedOn;
    String product;
    String deadline;
    LocalDate due;
    /** The due day as assigned, once an extension moved it (only with {@link #extensions}). */
    LocalDate dueWritten;
    /** The extensions granted, in the task's own order. */
    List<Extension> extensions = new ArrayList<>();
    boolean recurring;
    List<String> missing = new ArrayList<>();
    boolean stopped;
    /** Leads that have not made the task concrete ({@link ChainRules#COVERAGE}): a function of the node's facts. */
    List<String> uncoveredLeads = new ArrayList<>();
    /** Bodies that issued a task linked to this one ({@code implementsTasks}), sorted, whatever order they came in. */
    List<String> concreteBy = new ArrayList<>();
    List<String> startedBy = new ArrayList<>();
    boolean started;
    LocalDate startedOn;
    boolean cancelled;
    LocalDate completedOn;
    boolean accepted;
    /** The percent of the latest report that gave one (by its business date), and that date; null before. */
    Integer lastPercent;
    LocalDate lastReportedOn;
    List<String> delegatedBy = new ArrayList<>();
    LocalDate delegatedOn;

    Node(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    boolean isDirective() {
        return DIRECTIVE.equals(kind);
    }

    boolean isStoppedDirective() {
        return status != null && !"ACTIVE".equals(status);
    }

    /**
     * A report giving {@code percent} on {@code on}: kept when it is the latest by business date (a report entered
     * late for an earlier day does not hide a newer one); true when that changed the node.
     */
    boolean reported(Integer percent, LocalDate on) {
        if (percent == null || (lastReportedOn != null && on != null && on.isBefore(lastReportedOn))) {
            return false;
        }
        lastPercent = percent;
        lastReportedOn = on;
        return true;
    }

    /** True (and remembered) when {@code sequence} is past the last own event applied: a repeat is ignored. */
    boolean advance(long sequence) {
        if (seq >= sequence) {
            return false;
        }
        seq = sequence;
        return true;
    }

    /** The children, in order (read from the stored form on first use). */
    List<Child> children() {
        return children.get();
    }

    Lazy<List<Child>> lazyChildren() {
        return children;
    }

    void children(Lazy<List<Child>> stored) {
        children = stored;
    }

    /** A directive's recipients, in order (read from the stored form on first use). */
    List<Recipients.Entry> recipients() {
        return recipients.get();
    }

    Lazy<List<Recipients.Entry>> lazyRecipients() {
        return recipients;
    }

    void recipients(Lazy<List<Recipients.Entry>> stored) {
        recipients = stored;
    }

    /** The children's ids, in order. */
    List<String> childIds() {
        List<Child> all = children();
        List<String> out = new ArrayList<>(all.size());
        all.forEach(c -> out.add(c.id()));
        return out;
    }

    /** Adds a child in its place by {@link Child#ORDER} unless it is there; true when added. */
    boolean addChild(String childId, LogPosition at) {
        List<Child> children = children();
        for (Child c : children) {
            if (c.id().equals(childId)) {
                return false;
            }
        }
        Child added = new Child(childId, at);
        int i = children.size();
        // children mostly arrive in log order: look from the end
        while (i > 0 && Child.ORDER.compare(children.get(i - 1), added) > 0) {
            i--;
        }
        children.add(i, added);
        return true;
    }

    /** The "6 rõ" the task still lacks: as recorded, less "trách nhiệm" once it has a lead, "thời gian" once due. */
    List<String> missingNow() {
        List<String> out = new ArrayList<>(missing);
        if (!leads.isEmpty()) {
            out.remove(Ro.TRACH_NHIEM.name());
        }
        if (due != null || recurring) {
            out.remove(Ro.THOI_GIAN.name());
        }
        return out;
    }

    TaskState taskState() {
        LocalDate judgedBy = completedOn == null || extensions.isEmpty() ? due
                : TimelinessRule.dueInForceOn(completedOn, dueWritten, extensions.stream()
                .map(x -> new TimelinessRule.Grant(x.grantedOn(), x.due())).toList());
        return new TaskState(cancelled, stopped, started, due, completedOn, judgedBy);
    }

    // ------------------------------------------------------------------ own facts

    void apply(DirectiveCorrected e) {
        switch (e.field()) {
            case SYMBOL -> symbol = e.newValue();
            case SUBJECT -> subject = e.newValue();
            case ISSUED_ON -> issuedOn = e.newValue() == null ? null : vn.ledger.projections.store.Docs.day(e.newValue());
            case KIND -> docKind = e.newValue();
            default -> {
                // signer fields are not shown in the chain
            }
        }
    }

    /** Extended: {@link #due} is the new due day; the completion is judged by the one in force on its day. */
    void apply(ExtensionGranted e) {
        if (extensions.isEmpty()) {
            dueWritten = due;
        }
        due = e.newDeadline() == null ? null : e.newDeadline().dueDate();
        extensions.add(new Extension(e.grantedOn(), due));
    }

    void apply(TaskCancelled e) {
        cancelled = true;
    }

    void apply(TaskCompleted e) {
        completedOn = e.completedOn();
    }

    void apply(CompletionRejected e) {
        completedOn = null;
    }

    void apply(CompletionAccepted e) {
        accepted = true;
    }

    /** The body started the task (acknowledged or reported) on {@code on}; false when it had already. */
    boolean startedBy(String body, LocalDate on) {
        if (startedBy.contains(body)) {
            return false;
        }
        startedBy.add(body);
        started = true;
        startedOn = ChainProjection.min(startedOn, on);
        return true;
    }

    /** The body delegated the task on {@code on}: it is made concrete by that lead. */
    void delegatedBy(String body, LocalDate on) {
        if (!delegatedBy.contains(body)) {
            delegatedBy.add(body);
        }
        delegatedOn = ChainProjection.min(delegatedOn, on);
        coverage();
    }

    /** The body issued a task linked to this one: it made it concrete. False when it had already. */
    boolean madeConcreteBy(String body) {
        if (body == null || concreteBy.contains(body)) {
            return false;
        }
        int i = 0;
        while (i < concreteBy.size() && concreteBy.get(i).compareTo(body) < 0) {
            i++;
        }
        concreteBy.add(i, body);
        coverage();
        return true;
    }

    /**
     * Recomputes {@link #uncoveredLeads} by {@link ChainRules#COVERAGE}: the leads, in their order, that neither
     * delegated the task nor issued a task linked to it. A letter that only passes the notice on counts for nothing.
     */
    void coverage() {
        List<String> out = new ArrayList<>();
        for (String l : leads) {
            if (!delegatedBy.contains(l) && !concreteBy.contains(l) && !out.contains(l)) {
                out.add(l);
            }
        }
        uncoveredLeads = out;
    }
}

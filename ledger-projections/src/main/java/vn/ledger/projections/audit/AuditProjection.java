package vn.ledger.projections.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRefused;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskEvent;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.Docs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The audit trail: one document per event in {@value #COLLECTION}, saying who (username, full name, position,
 * body) did what (event type, a short Vietnamese and English summary) to which entity (aggregate type and id),
 * when it was recorded (event timestamp), the business date the event carries, under which authority (the
 * directive and the issuing or assigning body), which bodies it concerns, and the old → new values of what it
 * changed.
 *
 * <p>{@code _id} sorts in the global order, so that paging is stable: "P" + the event's commit position from its
 * tracking token (16 digits) + its timestamp in microseconds + the event id (which orders and separates the events
 * of one commit). A message without a tracking token (replays into memory, tests) gets "T" + timestamp + event id.
 * A store is fed one way or the other, never both.
 *
 * <p>Filters are served from posting lists ({@link PostingLists}) in {@value #POSTINGS}, one per actor
 * ("actor:" + username), body ("body:" + code), entity ("entity:" + aggregate id), event type ("type:" + name)
 * and one of everything ("all"). {@value #AUTHORITY} remembers, per directive and task, the issuing or assigning
 * body (a task event names its directive but not its assigner).
 *
 * <p>Idempotent: an event whose id is already in its entity's posting list is skipped; the entity list is
 * written last, after the document and the other lists, which a repeated delivery rewrites unchanged. Plain
 * class; it caches what it wrote, so run one instance per store, in one segment.
 */
public final class AuditProjection {

    public static final String COLLECTION = "audit";
    public static final String POSTINGS = "audit_postings";
    public static final String AUTHORITY = "audit_authority";
    public static final List<String> COLLECTIONS = List.of(COLLECTION, POSTINGS, AUTHORITY);

    private final ReadStore store;
    private final PostingLists postings;
    private final Map<String, Document> authorities;

    public AuditProjection(ReadStore store) {
        this(store, 20_000);
    }

    /** @param cacheSize how many posting heads and buckets, and how many authorities, to keep in memory */
    public AuditProjection(ReadStore store, int cacheSize) {
        this.store = store;
        this.postings = new PostingLists(store, POSTINGS, cacheSize);
        this.authorities = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public void reset() {
        COLLECTIONS.forEach(store::drop);
        postings.clearCache();
        authorities.clear();
    }

    @EventHandler
    void on(BodyEvent e, EventMessage<?> m) {
        record(m, e.actor(), describe(e));
    }

    @EventHandler
    void on(DirectiveEvent e, EventMessage<?> m) {
        if (e instanceof DirectiveIssued i) {
            remember("dir:" + i.directiveId(), new Document("issuer", i.issuingBodyCode()).append("symbol", i.symbol()));
        } else if (e instanceof DirectiveCorrected c && c.field() == DirectiveField.SYMBOL) {
            Document a = authority("dir:" + c.directiveId());
            if (a != null && !Objects.equals(a.getString("symbol"), c.newValue())) {
                remember("dir:" + c.directiveId(), new Document(a).append("symbol", c.newValue()));
            }
        }
        Document a = authority("dir:" + e.directiveId());
        record(m, e.actor(), describe(e, a == null ? null : a.getString("issuer"), a == null ? null : a.getString("symbol")));
    }

    @EventHandler
    void on(TaskEvent e, EventMessage<?> m) {
        if (e instanceof TaskAssigned t) {
            remember("task:" + t.taskId(), new Document("assigner", t.assignerBodyCode()).append("code", t.code()));
        }
        Document a = authority("task:" + e.taskId());
        record(m, e.actor(), describe(e, a == null ? null : a.getString("assigner")));
    }

    // ------------------------------------------------------------------ identity and storage

    /** The audit id of an event: sorts in the global order of the store that delivered it. */
    public static String auditId(EventMessage<?> m) {
        Instant ts = m.getTimestamp();
        long micros = ts.getEpochSecond() * 1_000_000L + ts.getNano() / 1_000;
        String tail = String.format("%016d", micros) + "-" + m.getIdentifier();
        if (m instanceof TrackedEventMessage<?> t) {
            TrackingToken token = t.trackingToken();
            OptionalLong position = token == null ? OptionalLong.empty() : token.position();
            if (position.isPresent()) {
                return "P" + String.format("%016d", position.getAsLong()) + "-" + tail;
            }
        }
        return "T" + tail;
    }

    private void record(EventMessage<?> m, Actor actor, Described x) {
        try {
            write(m, actor, x);
        } catch (RuntimeException e) {
            // a write failed half way: what the caches hold may not be stored; read it again on redelivery
            postings.clearCache();
            authorities.clear();
            throw e;
        }
    }

    private void write(EventMessage<?> m, Actor actor, Described x) {
        String id = auditId(m);
        DomainEventMessage<?> dm = m instanceof DomainEventMessage<?> d ? d : null;
        String entityKey = "entity:" + (dm != null ? dm.getAggregateIdentifier() : "-");
        if (postings.contains(entityKey, id)) {
            return; // delivered again
        }
        String type = m.getPayloadType().getSimpleName();
        long at = m.getTimestamp().toEpochMilli();
        Set<String> bodies = new LinkedHashSet<>();
        if (actor != null && actor.bodyCode() != null) {
            bodies.add(actor.bodyCode());
        }
        bodies.addAll(x.bodies);
        bodies.remove(null);
        OptionalLong position = m instanceof TrackedEventMessage<?> t && t.trackingToken() != null
                ? t.trackingToken().position() : OptionalLong.empty();
        Document doc = new Document("_id", id).append("eventId", m.getIdentifier()).append("type", type)
                .append("vi", x.vi).append("en", x.en).append("actor", Docs.actor(actor))
                .append("aggType", dm == null ? null : dm.getType())
                .append("aggId", dm == null ? null : dm.getAggregateIdentifier())
                .append("seq", dm == null ? null : dm.getSequenceNumber())
                .append("at", Docs.date(m.getTimestamp())).append("atMs", at)
                .append("businessDate", Docs.day(x.businessDate))
                .append("directive", x.directiveId).append("authorityBody", x.authorityBody)
                .append("bodies", new ArrayList<>(bodies)).append("changes", x.changes)
                .append("position", position.isPresent() ? position.getAsLong() : null);
        store.put(COLLECTION, doc);
        postings.add("all", id, at);
        postings.add("type:" + type, id, at);
        if (actor != null && actor.username() != null) {
            postings.add("actor:" + actor.username(), id, at);
        }
        for (String b : bodies) {
            postings.add("body:" + b, id, at);
        }
        postings.add(entityKey, id, at); // last: marks the event as applied
    }

    private void remember(String key, Document value) {
        Document existing = authority(key);
        if (existing != null && existing.entrySet().containsAll(value.entrySet())) {
            return;
        }
        Document d = new Document("_id", key);
        value.forEach(d::append);
        store.put(AUTHORITY, d);
        authorities.put(key, d);
    }

    private Document authority(String key) {
        Document d = authorities.get(key);
        if (d == null) {
            d = store.find(AUTHORITY, key).orElse(null);
            if (d != null) {
                authorities.put(key, d);
            }
        }
        return d;
    }

    // ------------------------------------------------------------------ what each event says

    private record Described(String vi, String en, LocalDate businessDate, String directiveId, String authorityBody,
                             List<String> bodies, List<Document> changes) {
    }

    private static Document change(String field, Object oldValue, Object newValue) {
        return new Document("field", field).append("old", oldValue == null ? null : oldValue.toString())
                .append("new", newValue == null ? null : newValue.toString());
    }

    private static List<String> list(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(list(more));
        return out.stream().distinct().toList();
    }

    static String show(Deadline d) {
        if (d == null) {
            return null;
        }
        String due = d.dueDate() != null ? d.dueDate().toString() : d.kind() == null ? "" : d.kind().name();
        return d.wording() == null || d.wording().isBlank() ? due : due + " (" + d.wording() + ")";
    }

    private static String join(List<String> l) {
        return String.join(", ", l);
    }

    private static Described describe(BodyEvent e) {
        if (e instanceof BodyRegistered r) {
            return new Described("Đăng ký cơ quan " + r.code() + " – " + r.name(),
                    "Registered body " + r.code() + " – " + r.name(), r.effectiveDate(), null, null,
                    list(r.code(), r.parentCode()), List.of());
        }
        if (e instanceof BodyRenamed r) {
            return new Described("Đổi tên cơ quan " + r.code() + ": " + r.oldName() + " → " + r.newName(),
                    "Renamed body " + r.code() + ": " + r.oldName() + " → " + r.newName(), r.effectiveDate(), null,
                    null, list(r.code()), List.of(change("name", r.oldName(), r.newName())));
        }
        if (e instanceof BodyClosed c) {
            return new Described("Giải thể cơ quan " + c.code() + (c.reason() == null ? "" : ": " + c.reason()),
                    "Closed body " + c.code() + (c.reason() == null ? "" : ": " + c.reason()), c.effectiveDate(),
                    null, null, list(c.code()), List.of(change("status", "ACTIVE", "CLOSED")));
        }
        BodyMerged g = (BodyMerged) e;
        return new Described("Sáp nhập cơ quan " + g.code() + " vào " + g.intoCode(),
                "Merged body " + g.code() + " into " + g.intoCode(), g.effectiveDate(), null, null,
                list(g.code(), g.intoCode()),
                List.of(change("status", "ACTIVE", "MERGED"), change("successor", null, g.intoCode())));
    }

    private static Described describe(DirectiveEvent e, String issuer, String symbol) {
        String id = e.directiveId();
        String s = symbol != null ? symbol : id;
        if (e instanceof DirectiveIssued i) {
            return new Described("Ban hành văn bản " + i.symbol() + ": " + i.subject(),
                    "Issued " + i.symbol() + ": " + i.subject(), i.issuedOn(), id, i.issuingBodyCode(),
                    list(i.issuingBodyCode()), List.of());
        }
        if (e instanceof DirectiveReceived r) {
            return new Described(r.bodyCode() + " tiếp nhận văn bản " + s, r.bodyCode() + " received " + s,
                    r.receivedOn(), id, issuer, list(r.bodyCode(), issuer), List.of());
        }
        if (e instanceof DirectiveRecalled r) {
            return new Described("Thu hồi văn bản " + s + ": " + r.reason(), "Recalled " + s + ": " + r.reason(),
                    r.recalledOn(), id, issuer, list(issuer), List.of(change("status", "ACTIVE", "RECALLED")));
        }
        if (e instanceof DirectiveReplaced r) {
            return new Described("Văn bản " + s + " được thay thế bởi " + r.replacementDirectiveId(),
                    s + " replaced by " + r.replacementDirectiveId(), r.replacedOn(), id, issuer, list(issuer),
                    List.of(change("status", "ACTIVE", "REPLACED"),
                            change("replacement", null, r.replacementDirectiveId())));
        }
        if (e instanceof DirectiveCorrected c) {
            return new Described("Đính chính " + c.field().name() + " của văn bản " + s + ": " + c.oldValue() + " → "
                    + c.newValue(), "Corrected " + c.field().name() + " of " + s + ": " + c.oldValue() + " → "
                    + c.newValue(), c.correctedOn(), id, issuer, list(issuer),
                    List.of(change(c.field().name(), c.oldValue(), c.newValue())));
        }
        DirectiveAliasRegistered a = (DirectiveAliasRegistered) e;
        return new Described("Ghi nhận ký hiệu khác " + a.alias() + " cho văn bản " + s,
                "Registered alias " + a.alias() + " for " + s, a.registeredOn(), id, issuer, list(issuer),
                List.of(change("alias", null, a.alias())));
    }

    private static Described describe(TaskEvent e, String assigner) {
        String t = e.taskId();
        String d = e.directiveId();
        if (e instanceof TaskAssigned a) {
            return new Described("Giao nhiệm vụ " + t + " cho " + join(a.leadBodies()) + ": " + a.work(),
                    "Assigned task " + t + " to " + join(a.leadBodies()) + ": " + a.work(), a.assignedOn(), d,
                    a.assignerBodyCode(), concat(a.leadBodies(), a.cooperatingBodies(), a.assignerBodyCode()),
                    List.of());
        }
        if (e instanceof TaskAcknowledged a) {
            return new Described(a.bodyCode() + " xác nhận nhận nhiệm vụ " + t,
                    a.bodyCode() + " acknowledged task " + t, a.acknowledgedOn(), d, assigner,
                    list(a.bodyCode(), assigner), List.of());
        }
        if (e instanceof ProgressReported r) {
            String detail = (r.percent() == null ? "" : " " + r.percent() + "%")
                    + (r.period() == null ? "" : ", kỳ " + r.period());
            String detailEn = (r.percent() == null ? "" : " " + r.percent() + "%")
                    + (r.period() == null ? "" : ", period " + r.period());
            return new Described(r.bodyCode() + " báo cáo tiến độ nhiệm vụ " + t + detail,
                    r.bodyCode() + " reported progress on " + t + detailEn, r.reportedOn(), d, assigner,
                    list(r.bodyCode(), assigner), List.of());
        }
        if (e instanceof TaskUrged u) {
            return new Described("Đôn đốc nhiệm vụ " + t + ": " + u.message(), "Urged task " + t + ": " + u.message(),
                    u.urgedOn(), d, assigner, list(assigner), List.of());
        }
        if (e instanceof ExtensionRequested x) {
            return new Described("Đề nghị gia hạn nhiệm vụ " + t + " đến " + show(x.requestedDeadline()),
                    "Requested extension of " + t + " to " + show(x.requestedDeadline()), x.requestedOn(), d,
                    assigner, list(assigner), List.of());
        }
        if (e instanceof ExtensionGranted x) {
            return new Described("Gia hạn nhiệm vụ " + t + ": " + show(x.oldDeadline()) + " → " + show(x.newDeadline()),
                    "Extended " + t + ": " + show(x.oldDeadline()) + " → " + show(x.newDeadline()), x.grantedOn(), d,
                    assigner, list(assigner), List.of(change("deadline", show(x.oldDeadline()), show(x.newDeadline()))));
        }
        if (e instanceof ExtensionRefused x) {
            return new Described("Không chấp thuận gia hạn nhiệm vụ " + t + ": " + x.reason(),
                    "Refused extension of " + t + ": " + x.reason(), x.refusedOn(), d, assigner, list(assigner),
                    List.of());
        }
        if (e instanceof TaskReassigned r) {
            List<Document> changes = new ArrayList<>();
            if (!r.oldLeadBodies().equals(r.newLeadBodies())) {
                changes.add(change("leadBodies", join(r.oldLeadBodies()), join(r.newLeadBodies())));
            }
            if (!r.oldCooperatingBodies().equals(r.newCooperatingBodies())) {
                changes.add(change("cooperatingBodies", join(r.oldCooperatingBodies()), join(r.newCooperatingBodies())));
            }
            return new Described("Điều chỉnh đơn vị chủ trì nhiệm vụ " + t + ": " + join(r.oldLeadBodies()) + " → "
                    + join(r.newLeadBodies()), "Reassigned " + t + ": " + join(r.oldLeadBodies()) + " → "
                    + join(r.newLeadBodies()), r.reassignedOn(), d, assigner,
                    concat(concat(r.oldLeadBodies(), r.oldCooperatingBodies()),
                            concat(r.newLeadBodies(), r.newCooperatingBodies()), assigner), changes);
        }
        if (e instanceof TaskCancelled c) {
            return new Described("Hủy nhiệm vụ " + t + ": " + c.reason(), "Cancelled " + t + ": " + c.reason(),
                    c.cancelledOn(), d, assigner, list(assigner), List.of(change("status", null, "CANCELLED")));
        }
        if (e instanceof TaskCompleted c) {
            return new Described("Báo cáo hoàn thành nhiệm vụ " + t + ": " + c.productDescription(),
                    "Declared " + t + " complete: " + c.productDescription(), c.completedOn(), d, assigner,
                    list(assigner), List.of(change("status", "OPEN", "COMPLETION_PENDING")));
        }
        if (e instanceof CompletionAccepted c) {
            return new Described("Công nhận hoàn thành nhiệm vụ " + t, "Accepted completion of " + t, c.acceptedOn(),
                    d, assigner, list(assigner), List.of(change("status", "COMPLETION_PENDING", "ACCEPTED")));
        }
        if (e instanceof CompletionRejected c) {
            return new Described("Không công nhận hoàn thành nhiệm vụ " + t + ": " + c.reason(),
                    "Rejected completion of " + t + ": " + c.reason(), c.rejectedOn(), d, assigner, list(assigner),
                    List.of(change("status", "COMPLETION_PENDING", "OPEN")));
        }
        TaskDelegated g = (TaskDelegated) e;
        return new Described("Giao tiếp nhiệm vụ " + t + " xuống " + g.childTaskId() + " cho " + join(g.leadBodies()),
                "Delegated " + t + " as " + g.childTaskId() + " to " + join(g.leadBodies()), g.delegatedOn(), d,
                assigner, concat(g.leadBodies(), g.cooperatingBodies(), g.delegatingBodyCode(), assigner),
                List.of(change("children", null, g.childTaskId())));
    }
}

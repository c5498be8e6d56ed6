package vn.ledger.projections.audit;

import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveReplaced;
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

import java.util.ArrayList;
import java.util.List;

/**
 * What each event says in the audit trail: a short summary in Vietnamese and English (its business date is
 * {@link vn.ledger.core.event.BusinessDates}'s),
 * the directive and body under whose authority it happened, the bodies it concerns and the old → new values of what
 * it changed. Pure functions of the event and the authority the projection hands in.
 */
final class AuditDescriptions {

    private AuditDescriptions() {
    }

    record Described(String vi, String en, String directiveId, String authorityBody,
                             List<String> bodies, List<AuditEntry.Change> changes) {
    }

    private static AuditEntry.Change change(String field, Object oldValue, Object newValue) {
        return new AuditEntry.Change(field, oldValue == null ? null : oldValue.toString(),
                newValue == null ? null : newValue.toString());
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

    static Described describe(BodyEvent e) {
        if (e instanceof BodyRegistered r) {
            return new Described("Đăng ký cơ quan " + r.code() + " – " + r.name(),
                    "Registered body " + r.code() + " – " + r.name(), null, null,
                    list(r.code(), r.parentCode()), List.of());
        }
        if (e instanceof BodyRenamed r) {
            return new Described("Đổi tên cơ quan " + r.code() + ": " + r.oldName() + " → " + r.newName(),
                    "Renamed body " + r.code() + ": " + r.oldName() + " → " + r.newName(), null,
                    null, list(r.code()), List.of(change("name", r.oldName(), r.newName())));
        }
        if (e instanceof BodyClosed c) {
            return new Described("Giải thể cơ quan " + c.code() + (c.reason() == null ? "" : ": " + c.reason()),
                    "Closed body " + c.code() + (c.reason() == null ? "" : ": " + c.reason()), null, null,
                    list(c.code()), List.of(change("status", "ACTIVE", "CLOSED")));
        }
        BodyMerged g = (BodyMerged) e;
        return new Described("Sáp nhập cơ quan " + g.code() + " vào " + g.intoCode(),
                "Merged body " + g.code() + " into " + g.intoCode(), null, null,
                list(g.code(), g.intoCode()),
                List.of(change("status", "ACTIVE", "MERGED"), change("successor", null, g.intoCode())));
    }

    static Described describe(DirectiveEvent e, String issuer, String symbol) {
        String id = e.directiveId();
        String s = symbol != null ? symbol : id;
        if (e instanceof DirectiveIssued i) {
            return new Described("Ban hành văn bản " + i.symbol() + ": " + i.subject(),
                    "Issued " + i.symbol() + ": " + i.subject(), id, i.issuingBodyCode(),
                    list(i.issuingBodyCode()), List.of());
        }
        if (e instanceof DirectiveReceived r) {
            return new Described(r.bodyCode() + " tiếp nhận văn bản " + s, r.bodyCode() + " received " + s,
                    id, issuer, list(r.bodyCode(), issuer), List.of());
        }
        if (e instanceof DirectiveRecalled r) {
            return new Described("Thu hồi văn bản " + s + ": " + r.reason(), "Recalled " + s + ": " + r.reason(),
                    id, issuer, list(issuer), List.of(change("status", "ACTIVE", "RECALLED")));
        }
        if (e instanceof DirectiveReplaced r) {
            return new Described("Văn bản " + s + " được thay thế bởi " + r.replacementDirectiveId(),
                    s + " replaced by " + r.replacementDirectiveId(), id, issuer, list(issuer),
                    List.of(change("status", "ACTIVE", "REPLACED"),
                            change("replacement", null, r.replacementDirectiveId())));
        }
        if (e instanceof DirectiveCorrected c) {
            return new Described("Đính chính " + c.field().name() + " của văn bản " + s + ": " + c.oldValue() + " → "
                    + c.newValue(), "Corrected " + c.field().name() + " of " + s + ": " + c.oldValue() + " → "
                    + c.newValue(), id, issuer, list(issuer),
                    List.of(change(c.field().name(), c.oldValue(), c.newValue())));
        }
        DirectiveAliasRegistered a = (DirectiveAliasRegistered) e;
        return new Described("Ghi nhận ký hiệu khác " + a.alias() + " cho văn bản " + s,
                "Registered alias " + a.alias() + " for " + s, id, issuer, list(issuer),
                List.of(change("alias", null, a.alias())));
    }

    static Described describe(TaskEvent e, String assigner) {
        String t = e.taskId();
        String d = e.directiveId();
        if (e instanceof TaskAssigned a) {
            return new Described("Giao nhiệm vụ " + t + " cho " + join(a.leadBodies()) + ": " + a.work(),
                    "Assigned task " + t + " to " + join(a.leadBodies()) + ": " + a.work(), d,
                    a.assignerBodyCode(), concat(a.leadBodies(), a.cooperatingBodies(), a.assignerBodyCode()),
                    List.of());
        }
        if (e instanceof TaskAcknowledged a) {
            return new Described(a.bodyCode() + " xác nhận nhận nhiệm vụ " + t,
                    a.bodyCode() + " acknowledged task " + t, d, assigner,
                    list(a.bodyCode(), assigner), List.of());
        }
        if (e instanceof ProgressReported r) {
            String detail = (r.percent() == null ? "" : " " + r.percent() + "%")
                    + (r.period() == null ? "" : ", kỳ " + r.period());
            String detailEn = (r.percent() == null ? "" : " " + r.percent() + "%")
                    + (r.period() == null ? "" : ", period " + r.period());
            return new Described(r.bodyCode() + " báo cáo tiến độ nhiệm vụ " + t + detail,
                    r.bodyCode() + " reported progress on " + t + detailEn, d, assigner,
                    list(r.bodyCode(), assigner), List.of());
        }
        if (e instanceof TaskUrged u) {
            return new Described("Đôn đốc nhiệm vụ " + t + ": " + u.message(), "Urged task " + t + ": " + u.message(),
                    d, assigner, list(assigner), List.of());
        }
        if (e instanceof ExtensionRequested x) {
            return new Described("Đề nghị gia hạn nhiệm vụ " + t + " đến " + show(x.requestedDeadline()),
                    "Requested extension of " + t + " to " + show(x.requestedDeadline()), d,
                    assigner, list(assigner), List.of());
        }
        if (e instanceof ExtensionGranted x) {
            return new Described("Gia hạn nhiệm vụ " + t + ": " + show(x.oldDeadline()) + " → " + show(x.newDeadline()),
                    "Extended " + t + ": " + show(x.oldDeadline()) + " → " + show(x.newDeadline()), d,
                    assigner, list(assigner), List.of(change("deadline", show(x.oldDeadline()), show(x.newDeadline()))));
        }
        if (e instanceof ExtensionRefused x) {
            return new Described("Không chấp thuận gia hạn nhiệm vụ " + t + ": " + x.reason(),
                    "Refused extension of " + t + ": " + x.reason(), d, assigner, list(assigner),
                    List.of());
        }
        if (e instanceof TaskReassigned r) {
            List<AuditEntry.Change> changes = new ArrayList<>();
            if (!r.oldLeadBodies().equals(r.newLeadBodies())) {
                changes.add(change("leadBodies", join(r.oldLeadBodies()), join(r.newLeadBodies())));
            }
            if (!r.oldCooperatingBodies().equals(r.newCooperatingBodies())) {
                changes.add(change("cooperatingBodies", join(r.oldCooperatingBodies()), join(r.newCooperatingBodies())));
            }
            return new Described("Điều chỉnh đơn vị chủ trì nhiệm vụ " + t + ": " + join(r.oldLeadBodies()) + " → "
                    + join(r.newLeadBodies()), "Reassigned " + t + ": " + join(r.oldLeadBodies()) + " → "
                    + join(r.newLeadBodies()), d, assigner,
                    concat(concat(r.oldLeadBodies(), r.oldCooperatingBodies()),
                            concat(r.newLeadBodies(), r.newCooperatingBodies()), assigner), changes);
        }
        if (e instanceof TaskCancelled c) {
            return new Described("Hủy nhiệm vụ " + t + ": " + c.reason(), "Cancelled " + t + ": " + c.reason(),
                    d, assigner, list(assigner), List.of(change("status", null, "CANCELLED")));
        }
        if (e instanceof TaskCompleted c) {
            return new Described("Báo cáo hoàn thành nhiệm vụ " + t + ": " + c.productDescription(),
                    "Declared " + t + " complete: " + c.productDescription(), d, assigner,
                    list(assigner), List.of(change("status", "OPEN", "COMPLETION_PENDING")));
        }
        if (e instanceof CompletionAccepted c) {
            return new Described("Công nhận hoàn thành nhiệm vụ " + t, "Accepted completion of " + t, d,
                    assigner, list(assigner), List.of(change("status", "COMPLETION_PENDING", "ACCEPTED")));
        }
        if (e instanceof CompletionRejected c) {
            return new Described("Không công nhận hoàn thành nhiệm vụ " + t + ": " + c.reason(),
                    "Rejected completion of " + t + ": " + c.reason(), d, assigner, list(assigner),
                    List.of(change("status", "COMPLETION_PENDING", "OPEN")));
        }
        TaskDelegated g = (TaskDelegated) e;
        return new Described("Giao tiếp nhiệm vụ " + t + " xuống " + g.childTaskId() + " cho " + join(g.leadBodies()),
                "Delegated " + t + " as " + g.childTaskId() + " to " + join(g.leadBodies()), d,
                assigner, concat(g.leadBodies(), g.cooperatingBodies(), g.delegatingBodyCode(), assigner),
                List.of(change("children", null, g.childTaskId())));
    }
}

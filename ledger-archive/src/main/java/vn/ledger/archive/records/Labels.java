package vn.ledger.archive.records;

import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRefused;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskReassigned;
import vn.ledger.core.task.TaskUrged;

import java.util.Map;

/** The Vietnamese words the report prints: event names, document types, signing capacities, a line per step. */
public final class Labels {

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("DirectiveIssued", "Ban hành"),
            Map.entry("DirectiveReceived", "Tiếp nhận văn bản"),
            Map.entry("DirectiveCorrected", "Đính chính"),
            Map.entry("DirectiveAliasRegistered", "Ghi nhận ký hiệu khác"),
            Map.entry("DirectiveRecalled", "Thu hồi"),
            Map.entry("DirectiveReplaced", "Thay thế"),
            Map.entry("TaskAssigned", "Giao nhiệm vụ"),
            Map.entry("TaskAcknowledged", "Tiếp nhận nhiệm vụ"),
            Map.entry("ProgressReported", "Báo cáo tiến độ"),
            Map.entry("TaskUrged", "Đôn đốc"),
            Map.entry("ExtensionRequested", "Đề nghị gia hạn"),
            Map.entry("ExtensionGranted", "Đồng ý gia hạn"),
            Map.entry("ExtensionRefused", "Không đồng ý gia hạn"),
            Map.entry("TaskReassigned", "Giao lại"),
            Map.entry("TaskDelegated", "Giao tiếp cho cấp dưới"),
            Map.entry("TaskCompleted", "Báo cáo hoàn thành"),
            Map.entry("CompletionAccepted", "Chấp nhận kết quả"),
            Map.entry("CompletionRejected", "Trả lại kết quả"),
            Map.entry("TaskCancelled", "Hủy nhiệm vụ"));

    private Labels() {
    }

    public static String event(String simpleType) {
        return EVENTS.getOrDefault(simpleType, simpleType);
    }

    public static String typeName(DirectiveKind kind) {
        return switch (kind) {
            case THONG_BAO -> "Thông báo";
            case CONG_VAN -> "Công văn";
            case CHI_THI -> "Chỉ thị";
            case QUYET_DINH -> "Quyết định";
            case KET_LUAN -> "Kết luận";
            case KE_HOACH -> "Kế hoạch";
            case OTHER -> null;
        };
    }

    public static String capacity(SigningCapacity capacity) {
        if (capacity == null) {
            return null;
        }
        return switch (capacity) {
            case TM -> "T/M";
            case KT -> "KT.";
            case TL -> "TL.";
            case TUQ -> "TUQ.";
            case NONE -> null;
        };
    }

    /** What the step says beyond its name, shortly; null when nothing. */
    static String detail(Object event) {
        if (event instanceof DirectiveReceived r) {
            return r.bodyCode();
        }
        if (event instanceof DirectiveCorrected c) {
            return c.field() + ": \"" + c.oldValue() + "\" → \"" + c.newValue() + "\"";
        }
        if (event instanceof ProgressReported p) {
            return (p.period() != null ? "kỳ " + p.period() + ": " : "") + p.text()
                    + (p.percent() != null ? " (" + p.percent() + "%)" : "");
        }
        if (event instanceof TaskUrged u) {
            return u.message();
        }
        if (event instanceof ExtensionRequested r) {
            return "xin đến \"" + wording(r.requestedDeadline()) + "\": " + r.reason();
        }
        if (event instanceof ExtensionGranted g) {
            return "hạn mới \"" + wording(g.newDeadline()) + "\"";
        }
        if (event instanceof ExtensionRefused r) {
            return r.reason();
        }
        if (event instanceof TaskReassigned r) {
            return "chủ trì " + r.newLeadBodies() + ", phối hợp " + r.newCooperatingBodies() + ": " + r.reason();
        }
        if (event instanceof TaskDelegated d) {
            return "→ " + d.childTaskId() + ", chủ trì " + d.leadBodies();
        }
        if (event instanceof TaskCompleted c) {
            return c.productDescription();
        }
        if (event instanceof CompletionRejected r) {
            return r.reason();
        }
        if (event instanceof TaskCancelled c) {
            return c.reason();
        }
        return null;
    }

    private static String wording(vn.ledger.core.shared.Deadline d) {
        return d == null ? "" : d.wording();
    }
}

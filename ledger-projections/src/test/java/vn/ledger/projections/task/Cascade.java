package vn.ledger.projections.task;

import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskReassigned;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static vn.ledger.projections.task.Seed.A;
import static vn.ledger.projections.task.Seed.B;
import static vn.ledger.projections.task.Seed.BKHCN;
import static vn.ledger.projections.task.Seed.BTC;

/** Test support: the seed cascade with receipts, reports, an extension, a delegation, corrections and completions. */
public final class Cascade {

    private Cascade() {
    }

    public static List<Object> events() {
        List<Object> out = new ArrayList<>(Seed.bodies());
        out.addAll(Seed.commit(Seed.issuedA()));
        out.add(new DirectiveReceived(A, BKHCN, LocalDate.of(2026, 3, 21), Seed.MOST_OFFICER));
        out.add(new DirectiveReceived(A, Seed.TU, LocalDate.of(2026, 3, 22), Seed.LE_THANH_DO));
        out.add(new DirectiveAliasRegistered(A, "22-TB/VPTW", LocalDate.of(2026, 3, 22), Seed.PHAM_GIA_TUC));
        out.addAll(Seed.commit(Seed.issuedB()));
        out.addAll(Seed.commit(Seed.issuedC()));
        String ii1 = A + "/II.1";
        String ii2 = A + "/II.2";
        out.add(new TaskAcknowledged(ii1, A, BKHCN, LocalDate.of(2026, 3, 23), Seed.MOST_OFFICER));
        out.add(new ProgressReported(ii2, A, BKHCN, "Báo cáo tháng 3", 10, YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31),
                List.of(new Attachment("bc-t3.pdf", "b".repeat(64))), Seed.MOST_OFFICER));
        var april = DeadlineParser.parse("trình Thủ tướng ban hành trong tháng 4/2026");
        var may = DeadlineParser.parse("trong tháng 5/2026");
        out.add(new ExtensionRequested(ii1, A, ii1 + "#ext1", april, may, "Chờ ý kiến", LocalDate.of(2026, 4, 20),
                Seed.MOST_OFFICER));
        out.add(new ExtensionGranted(ii1, A, ii1 + "#ext1", april, may, LocalDate.of(2026, 4, 21), Seed.PHAM_GIA_TUC));
        var childSpec = Seed.spec("1", "Tổng hợp ý kiến", List.of(BTC), List.of(), "ngày 25/4/2026", "Báo cáo");
        var child = Seed.assigned(A, ii1, childSpec, BKHCN, LocalDate.of(2026, 4, 2), Seed.MOST_OFFICER);
        out.add(new TaskDelegated(ii1, A, child.taskId(), BKHCN, List.of(BTC), List.of(), child.deadline(),
                LocalDate.of(2026, 4, 2), Seed.MOST_OFFICER));
        out.add(child);
        out.add(new TaskReassigned(A + "/App.1", A, List.of(BKHCN, BTC, Seed.BGDDT), List.of(), List.of(BKHCN), List.of(BTC),
                "Một đầu mối", LocalDate.of(2026, 3, 30), Seed.PHAM_GIA_TUC));
        out.add(new DirectiveCorrected(B, DirectiveField.SUBJECT, Seed.issuedB().subject(),
                "V/v quán triệt, triển khai Thông báo số 22-TB/VPTW", "Bổ sung", LocalDate.of(2026, 3, 24),
                Seed.LE_THANH_DO));
        out.add(new TaskCompleted(ii1, A, "Danh mục đã trình", List.of(), LocalDate.of(2026, 5, 20), Seed.MOST_OFFICER));
        return out;
    }
}

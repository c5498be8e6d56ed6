package vn.ledger.projections.task;

import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.SixClear;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.TaskAssigned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data from the seed cascade (shared/seeds): the central notice 22-TB (A), the provincial letter 569-CV/TU
 * (B) and the commune letter 506-CV/ĐU (C), with their bodies, signers and a few of their tasks, as the events
 * the write side records.
 */
public final class Seed {

    public static final String CQTT = "CQTT-BCD";
    public static final String BKHCN = "BKHCN";
    public static final String BTC = "BTC";
    public static final String BGDDT = "BGDDT";
    public static final String TU = "TU-DIENBIEN";
    public static final String VPTU = "VP-TU-DIENBIEN";
    public static final String DU = "DU-SINHBINH";
    public static final String BXD = "BXD-DU-SINHBINH";
    public static final String BTG = "BTG-TU-DIENBIEN";

    public static final Actor PHAM_GIA_TUC = new Actor("pgtuc", "Phạm Gia Túc", "Chánh Văn phòng", CQTT);
    public static final Actor LE_THANH_DO = new Actor("ltdo", "Lê Thành Đô", "Phó Bí thư Tỉnh ủy", TU);
    public static final Actor HANG_XUAN_THANG = new Actor("hxthang", "Hạng Xuân Thắng", "Phó Bí thư Đảng ủy", DU);
    public static final Actor MOST_OFFICER = new Actor("nvan", "Nguyễn Văn An", "Vụ trưởng", BKHCN);
    public static final Actor MOF_OFFICER = new Actor("ttbinh", "Trần Thị Bình", "Vụ phó", BTC);
    public static final Actor VPTU_OFFICER = new Actor("lvcuong", "Lò Văn Cường", "Chánh Văn phòng", VPTU);

    public static final String A = "dir-22-TB";
    public static final String B = "dir-569-CV-TU";
    public static final String C = "dir-506-CV-DU";

    private Seed() {
    }

    public static Actor staffOf(String body) {
        return new Actor("staff@" + body.toLowerCase(), "Cán bộ " + body, "Chuyên viên", body);
    }

    public static List<BodyRegistered> bodies() {
        LocalDate d = LocalDate.of(2025, 7, 1);
        Actor admin = new Actor("admin", "Quản trị", "Quản trị hệ thống", CQTT);
        return List.of(
                new BodyRegistered(CQTT, "Cơ quan thường trực Ban Chỉ đạo Trung ương", null, BodyLevel.CENTRAL, d, admin),
                new BodyRegistered(BKHCN, "Bộ Khoa học và Công nghệ", null, BodyLevel.MINISTRY, d, admin),
                new BodyRegistered(BTC, "Bộ Tài chính", null, BodyLevel.MINISTRY, d, admin),
                new BodyRegistered(BGDDT, "Bộ Giáo dục và Đào tạo", null, BodyLevel.MINISTRY, d, admin),
                new BodyRegistered(TU, "Tỉnh ủy Điện Biên", null, BodyLevel.PROVINCE, d, admin),
                new BodyRegistered(VPTU, "Văn phòng Tỉnh ủy Điện Biên", TU, BodyLevel.UNIT, d, admin),
                new BodyRegistered(BTG, "Ban Tuyên giáo và Dân vận Tỉnh ủy", TU, BodyLevel.UNIT, d, admin),
                new BodyRegistered(DU, "Đảng ủy xã Sính Bình", TU, BodyLevel.COMMUNE, d, admin),
                new BodyRegistered(BXD, "Ban Xây dựng Đảng Đảng ủy xã", DU, BodyLevel.UNIT, d, admin));
    }

    public static TaskSpec spec(String code, String work, List<String> lead, List<String> coop, String deadline,
                                String product) {
        return new TaskSpec(code, work, new Person("Thủ trưởng", "Bộ trưởng"), lead, coop, deadline, product);
    }

    public static List<TaskSpec> tasksOfA() {
        return List.of(
                spec("II.1", "Rà soát, hoàn thiện danh mục công nghệ chiến lược và sản phẩm công nghệ chiến lược",
                        List.of(BKHCN), List.of(BTC), "trình Thủ tướng ban hành trong tháng 4/2026",
                        "Danh mục trình Thủ tướng ban hành"),
                spec("II.2", "Thành lập tổ công tác liên ngành, định kỳ hằng tháng báo cáo", List.of(BKHCN), List.of(),
                        "định kỳ hằng tháng báo cáo", "Báo cáo hằng tháng"),
                new TaskSpec("App.1", "Các bộ đăng ký công nghệ chiến lược", null, List.of(BKHCN, BTC, BGDDT), List.of(),
                        "trước ngày 05/4/2026", null));
    }

    public static DirectiveIssued issuedA() {
        return new DirectiveIssued(A, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, CQTT,
                new Signer("Phạm Gia Túc", "Chánh Văn phòng kiêm Phó Trưởng ban Thường trực", SigningCapacity.TM),
                LocalDate.of(2026, 3, 20),
                "Kết luận của Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                List.of(BKHCN, BTC, BGDDT, TU), List.of(), List.of(),
                List.of("Công nghệ chiến lược là trụ cột", "Phát triển hạ tầng số"), List.of(), tasksOfA(), PHAM_GIA_TUC);
    }

    public static DirectiveIssued issuedB() {
        return new DirectiveIssued(B, "569-CV/TU", DirectiveKind.CONG_VAN, TU,
                new Signer("Lê Thành Đô", "Phó Bí thư", SigningCapacity.TM), LocalDate.of(2026, 3, 23),
                "V/v triển khai Thông báo số 22-TB/VPTW của Thường trực Ban Chỉ đạo Trung ương",
                List.of(VPTU, DU), List.of(), List.of(CQTT), List.of(), List.of(new Citation("22-TB/VPTW", A)),
                List.of(spec("3", "Theo dõi, đôn đốc, tổng hợp, báo cáo", List.of(VPTU), List.of(),
                        "định kỳ hằng tháng báo cáo", "Báo cáo")), LE_THANH_DO);
    }

    public static DirectiveIssued issuedC() {
        return new DirectiveIssued(C, "506-CV/ĐU", DirectiveKind.CONG_VAN, DU,
                new Signer("Hạng Xuân Thắng", "Phó Bí thư", SigningCapacity.TM), LocalDate.of(2026, 3, 25),
                "V/v tuyên truyền, triển khai Thông báo số 22-TB/VPTW",
                List.of(BXD), List.of(), List.of(BTG), List.of(),
                List.of(new Citation("569-CV/TU", B), new Citation("22-TB/VPTW", A)),
                List.of(spec("3", "Tham mưu Ban Thường vụ triển khai thực hiện", List.of(BXD), List.of(),
                        "trong tháng 5/2026", "Báo cáo tham mưu")), HANG_XUAN_THANG);
    }

    /** The TaskAssigned events that follow a DirectiveIssued in its commit. */
    public static List<TaskAssigned> tasksAssigned(DirectiveIssued issued) {
        List<TaskAssigned> out = new ArrayList<>();
        for (TaskSpec s : issued.tasks()) {
            out.add(assigned(issued.directiveId(), null, s, issued.issuingBodyCode(), issued.issuedOn(), issued.actor()));
        }
        return out;
    }

    public static TaskAssigned assigned(String directiveId, String parentTaskId, TaskSpec s, String assigner,
                                        LocalDate on, Actor actor) {
        Deadline deadline = DeadlineParser.parse(s.deadline());
        String id = parentTaskId == null ? directiveId + "/" + s.code() : parentTaskId + "." + s.code();
        return new TaskAssigned(id, directiveId, parentTaskId, s.code(), s.work(), s.responsible(), s.leadBodies(),
                s.cooperatingBodies(), deadline, s.product(), assigner, SixClear.missing(s, deadline, assigner, directiveId),
                on, actor);
    }

    /** The issue of the directive followed by its tasks, as one commit delivers them. */
    public static List<Object> commit(DirectiveIssued issued) {
        List<Object> out = new ArrayList<>();
        out.add(issued);
        out.addAll(tasksAssigned(issued));
        return out;
    }
}

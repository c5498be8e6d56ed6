package vn.ledger.api.demo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import vn.ledger.api.history.HistoryService;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.api.idempotency.CommandOutcome;
import vn.ledger.api.security.LedgerUsersProperties;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.RegisterBody;
import vn.ledger.core.directive.AcknowledgeReceipt;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.IssueDirective;
import vn.ledger.core.directive.RegisterSymbolAlias;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.AcknowledgeTask;
import vn.ledger.core.task.ReportProgress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the seed cascade of DOMAIN.md through the command gateway, each step as the real user of the body that
 * acts (see {@code ledger.users}): 22-TB/CQTTBCĐ (A) with its orientations and 7 tasks and its two other
 * symbols, 569-CV/TU (B) implementing A, 506-CV/ĐU (C) implementing B and A, receipts, reports (one dated 25/3
 * entered later, one monthly report on II.2), and the Government Office's "6 rõ" notice of 002_...txt. Every act
 * carries the business date of the story (A on 20/3/2026, B on 23/3, C on 25/3, 002 in autumn 2025), whatever
 * day the demo is loaded.
 *
 * <p>Idempotent: skipped when a previous run completed (marker in the {@code demo} collection); otherwise every
 * step carries an idempotency key {@code demo-loader:<step>} and directive ids are name-based UUIDs, so steps
 * already stored by an interrupted run are recognised and skipped, never duplicated.
 */
@Component
@Conditional(DemoEnabled.class)
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String MARKER_COLLECTION = "demo";
    static final String MARKER_ID = "seed-cascade-v1";

    /** Directive ids of the seed documents (name-based, so the same on every machine). */
    public static final String A = uuid("22-TB/CQTTBCĐ");
    public static final String B = uuid("569-CV/TU");
    public static final String C = uuid("506-CV/ĐU");
    public static final String NOTICE_002 = uuid("TB-VPCP 30/9/2025 11 nhóm công nghệ chiến lược");

    static final List<String> MINISTRIES = List.of("BKHCN", "BTC", "BQP", "BCA", "BCT", "BNNMT", "BYT", "BXD", "BGDDT");

    private final CommandDispatcher commands;
    private final BodyDirectory bodies;
    private final HistoryService history;
    private final MongoCollection<Document> markers;
    private final Map<String, LedgerUsersProperties.User> users;
    private int applied;
    private int skipped;

    public DemoDataLoader(CommandDispatcher commands, BodyDirectory bodies, HistoryService history,
                          MongoDatabase ledgerDatabase, LedgerUsersProperties usersProperties) {
        this.commands = commands;
        this.bodies = bodies;
        this.history = history;
        this.markers = ledgerDatabase.getCollection(MARKER_COLLECTION);
        this.users = usersProperties.users().stream()
                .collect(Collectors.toMap(LedgerUsersProperties.User::username, Function.identity()));
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("directive-ledger demo " + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loaded()) {
            log.info("demo data already loaded; nothing to do");
            return;
        }
        long start = System.nanoTime();
        load();
        markers.replaceOne(Filters.eq("_id", MARKER_ID),
                new Document("_id", MARKER_ID).append("completedAt", Date.from(Instant.now())),
                new ReplaceOptions().upsert(true));
        log.info("demo data loaded: {} commands applied, {} already present, in {} ms", applied, skipped,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** True when a previous run completed and the bodies are there. */
    public boolean loaded() {
        return markers.find(Filters.eq("_id", MARKER_ID)).first() != null && bodies.exists("CQTT-BCDTW");
    }

    private void load() {
        registerBodies();
        issueA();
        issueB();
        issueC();
        issueNotice002();
    }

    // ------------------------------------------------------------------ bodies

    private void registerBodies() {
        LocalDate central = LocalDate.of(2025, 3, 1);   // ministries as restructured on 1/3/2025
        LocalDate local = LocalDate.of(2025, 7, 1);     // two-tier local government since 1/7/2025
        body("VPTW", "Văn phòng Trung ương Đảng", null, BodyLevel.CENTRAL, central);
        body("CQTT-BCDTW", "Cơ quan Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
                + "đổi mới sáng tạo và chuyển đổi số", "VPTW", BodyLevel.CENTRAL, central);
        body("CP", "Chính phủ", null, BodyLevel.CENTRAL, central);
        body("VPCP", "Văn phòng Chính phủ", "CP", BodyLevel.CENTRAL, central);
        body("BKHCN", "Bộ Khoa học và Công nghệ", "CP", BodyLevel.MINISTRY, central);
        body("BTC", "Bộ Tài chính", "CP", BodyLevel.MINISTRY, central);
        body("BQP", "Bộ Quốc phòng", "CP", BodyLevel.MINISTRY, central);
        body("BCA", "Bộ Công an", "CP", BodyLevel.MINISTRY, central);
        body("BCT", "Bộ Công Thương", "CP", BodyLevel.MINISTRY, central);
        body("BNNMT", "Bộ Nông nghiệp và Môi trường", "CP", BodyLevel.MINISTRY, central);
        body("BYT", "Bộ Y tế", "CP", BodyLevel.MINISTRY, central);
        body("BXD", "Bộ Xây dựng", "CP", BodyLevel.MINISTRY, central);
        body("BGDDT", "Bộ Giáo dục và Đào tạo", "CP", BodyLevel.MINISTRY, central);

        body("TU-DIENBIEN", "Tỉnh ủy Điện Biên", null, BodyLevel.PROVINCE, local);
        body("VPTU-DIENBIEN", "Văn phòng Tỉnh ủy Điện Biên", "TU-DIENBIEN", BodyLevel.UNIT, local);
        body("DUCQD-DIENBIEN", "Đảng ủy các cơ quan Đảng tỉnh Điện Biên", "TU-DIENBIEN", BodyLevel.UNIT, local);
        body("DUUBND-DIENBIEN", "Đảng ủy Ủy ban nhân dân tỉnh Điện Biên", "TU-DIENBIEN", BodyLevel.UNIT, local);
        body("MTTQ-DIENBIEN", "Ủy ban MTTQ Việt Nam tỉnh Điện Biên", "TU-DIENBIEN", BodyLevel.UNIT, local);
        body("BTGDV-DIENBIEN", "Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên", "TU-DIENBIEN", BodyLevel.UNIT, local);
        body("UBND-DIENBIEN", "Ủy ban nhân dân tỉnh Điện Biên", "TU-DIENBIEN", BodyLevel.UNIT, local);
        body("SKHCN-DIENBIEN", "Sở Khoa học và Công nghệ tỉnh Điện Biên", "UBND-DIENBIEN", BodyLevel.UNIT, local);

        body("DU-SINHBINH", "Đảng ủy xã Sính Bình", "TU-DIENBIEN", BodyLevel.COMMUNE, local);
        body("BXDD-SINHBINH", "Ban Xây dựng Đảng, Đảng ủy xã Sính Bình", "DU-SINHBINH", BodyLevel.UNIT, local);
        body("DUUBND-SINHBINH", "Đảng ủy Ủy ban nhân dân xã Sính Bình", "DU-SINHBINH", BodyLevel.UNIT, local);
        body("MTTQ-SINHBINH", "Ủy ban MTTQ Việt Nam xã Sính Bình", "DU-SINHBINH", BodyLevel.UNIT, local);
        body("TTDVTH-SINHBINH", "Trung tâm Dịch vụ tổng hợp xã Sính Bình", "DUUBND-SINHBINH", BodyLevel.UNIT, local);
    }

    private void body(String code, String name, String parent, BodyLevel level, LocalDate effective) {
        step("body:" + code, code, new RegisterBody(code, name, parent, level, effective, actor("admin")));
    }

    // ------------------------------------------------------------------ A: 22-TB/CQTTBCĐ

    private void issueA() {
        List<String> orientations = List.of(
                "Thứ nhất, mục tiêu phát triển công nghệ chiến lược phải xuất phát từ nhu cầu phát triển của nền "
                        + "kinh tế và lợi ích lâu dài của quốc gia; xác định công nghệ chiến lược dựa trên 3 yếu tố: "
                        + "nhu cầu phát triển và năng lực cạnh tranh, lợi thế và tiềm năng trong nước, khả năng hình "
                        + "thành chuỗi giá trị và thị trường.",
                "Thứ hai, xác định Danh mục công nghệ chiến lược theo 2 nhóm: (1) công nghệ đã có thị trường, "
                        + "doanh nghiệp dẫn dắt đầu tư; (2) công nghệ tạo động lực tăng trưởng mới, nền tảng cho "
                        + "tương lai, bảo đảm tự chủ an ninh, quốc phòng, Nhà nước chủ động đầu tư, đặt hàng và dẫn dắt.",
                "Thứ ba, cơ chế, chính sách khuyến khích mạnh mẽ doanh nghiệp đầu tư vào khoa học, công nghệ và "
                        + "đổi mới sáng tạo; Nhà nước thực hiện 4 vai trò, là \"người mua đầu tiên\".",
                "Thứ tư, tập trung nguồn lực cho một số lĩnh vực thật sự trọng điểm, kiên quyết khắc phục tình "
                        + "trạng đầu tư dàn trải, lãng phí.",
                "Thứ năm, đổi mới mạnh mẽ mô hình tổ chức thực hiện và xác định rõ trách nhiệm người đứng đầu; "
                        + "Bộ Khoa học và Công nghệ là cơ quan đầu mối; thiết lập đầu mối điều phối liên ngành ở cấp "
                        + "Trung ương.",
                "Thứ sáu, đặc biệt coi trọng nguồn nhân lực chất lượng cao và hệ sinh thái đổi mới sáng tạo; đào "
                        + "tạo và thu hút nhân lực phải đi trước một bước.");
        List<String> otherMinistries = MINISTRIES.subList(1, MINISTRIES.size());
        List<TaskSpec> tasks = List.of(
                new TaskSpec("II.1", "Rà soát và hoàn thiện Danh mục công nghệ chiến lược và sản phẩm công nghệ "
                        + "chiến lược theo hướng tinh gọn, tập trung vào những lĩnh vực có ý nghĩa quyết định.",
                        null, List.of("BKHCN"), List.of("BQP", "BCA", "BCT", "BNNMT", "BYT", "BXD", "BGDDT", "BTC"),
                        "trình Thủ tướng Chính phủ ban hành trong tháng 4/2026",
                        "Danh mục trình Thủ tướng Chính phủ ban hành"),
                new TaskSpec("II.2", "Thiết lập cơ chế chỉ đạo và điều phối thống nhất ở cấp Chính phủ; tham mưu "
                        + "thành lập Tổ Công tác điều phối liên ngành. Tổ Công tác định kỳ hằng tháng báo cáo Ban Chỉ "
                        + "đạo và đồng chí Trưởng Ban Chỉ đạo về tiến độ, kết quả triển khai.",
                        null, List.of("BKHCN"), List.of(),
                        "hoàn thành trong tháng 4/2026; định kỳ hằng tháng báo cáo",
                        "Tổ Công tác điều phối liên ngành được thành lập; báo cáo hằng tháng"),
                new TaskSpec("II.3", "Khẩn trương ban hành bộ tiêu chuẩn về công nghệ chiến lược, công nghệ lõi "
                        + "và sản phẩm công nghệ chiến lược.",
                        null, List.of("BKHCN"), List.of(), "hoàn thành trong tháng 6/2026", "Bộ tiêu chuẩn được ban hành"),
                new TaskSpec("II.4", "Rà soát, hoàn thiện cơ chế tài chính, kinh phí cho phát triển công nghệ chiến "
                        + "lược: cơ chế đặc thù gắn với kết quả đầu ra, ưu đãi thuế, tín dụng, hỗ trợ lãi suất, đồng "
                        + "tài trợ công - tư, đặt hàng mua sắm.",
                        null, List.of("BKHCN", "BTC"), List.of("BCA", "BQP", "BCT"), "hoàn thành trong tháng 5/2026",
                        "Đề xuất cơ chế tài chính, kinh phí"),
                new TaskSpec("II.5", "Rà soát, điều chỉnh và xây dựng chương trình đào tạo nhân lực chất lượng cao "
                        + "phục vụ phát triển công nghệ chiến lược.",
                        null, List.of("BGDDT"), List.of(), "hoàn thành trong tháng 6/2026", "Chương trình đào tạo"),
                new TaskSpec("II.6", "Tập trung tháo gỡ ngay những khó khăn, vướng mắc do Cơ quan Thường trực "
                        + "chuyển đến, theo chức năng, nhiệm vụ.",
                        null, MINISTRIES, List.of(), "Hoàn thành chậm nhất trong tháng 6/2026",
                        "Các vướng mắc được tháo gỡ"),
                new TaskSpec("App.1", "Các Bộ, cơ quan đăng ký công nghệ chiến lược, sản phẩm công nghệ chiến lược "
                        + "thuộc phạm vi quản lý của ngành, lĩnh vực.",
                        null, MINISTRIES, List.of(), "chậm nhất trước ngày 05/4/2026",
                        "Bản đăng ký gửi Văn phòng Trung ương Đảng - Cơ quan Thường trực Ban Chỉ đạo và Bộ Khoa học "
                                + "và Công nghệ"));
        // its distribution list names the provinces as a group, "Các tỉnh uỷ, thành uỷ": in the demo, Điện Biên
        step("issue:A", A, new IssueDirective(A, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, "CQTT-BCDTW",
                new Signer("Phạm Gia Túc", "Chánh Văn phòng kiêm Phó Trưởng Ban Thường trực", SigningCapacity.NONE),
                LocalDate.of(2026, 3, 20),
                "Thông báo kết luận của đồng chí Tổng Bí thư Tô Lâm, Trưởng Ban Chỉ đạo Trung ương về phát triển "
                        + "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tại Phiên họp chuyên đề về Công nghệ "
                        + "chiến lược của Thường trực Ban Chỉ đạo (ngày 18/3/2026)",
                MINISTRIES, List.of("VPTW"), List.of(), orientations, List.of(), tasks, null,
                List.of(BodyGroup.allProvinces("Các tỉnh uỷ, thành uỷ")), List.of(), List.of(), actor("tuc")));
        // the same document is cited as 22-TB/VPTW (569-CV/TU's subject, 506-CV/ĐU) and printed as
        // 22-TB/CQTTCĐ in its own appendix
        step("alias:A:VPTW", A, new RegisterSymbolAlias(A, "22-TB/VPTW", actor("tuc")));
        step("alias:A:CQTTCD", A, new RegisterSymbolAlias(A, "22-TB/CQTTCĐ", actor("tuc")));

        step("receipt:A:BKHCN", A, new AcknowledgeReceipt(A, LocalDate.of(2026, 3, 20), actor("most.officer")));
        step("receipt:A:BTC", A, new AcknowledgeReceipt(A, LocalDate.of(2026, 3, 21), actor("mof.officer")));
        step("receipt:A:BGDDT", A, new AcknowledgeReceipt(A, LocalDate.of(2026, 3, 21), actor("moet.officer")));
        step("receipt:A:TU-DIENBIEN", A, new AcknowledgeReceipt(A, LocalDate.of(2026, 3, 21), actor("tu.officer")));

        // received on Friday 20/3, the tasks taken up on Monday 23/3
        step("ack:A:II.1", A + "/II.1", new AcknowledgeTask(A + "/II.1", LocalDate.of(2026, 3, 23),
                actor("most.officer")));
        step("ack:A:II.2", A + "/II.2", new AcknowledgeTask(A + "/II.2", LocalDate.of(2026, 3, 23),
                actor("most.officer")));
        step("report:A:II.1", A + "/II.1", new ReportProgress(A + "/II.1",
                "Đã tổng hợp đăng ký của các bộ, ngành; dự thảo Danh mục đang lấy ý kiến.", 40, null,
                LocalDate.of(2026, 4, 10), List.of(), actor("most.officer")));
        // II.2 reports monthly: the report names the month it covers
        step("report:A:II.2:2026-04", A + "/II.2", new ReportProgress(A + "/II.2",
                "Báo cáo tháng 4/2026 của Tổ Công tác điều phối liên ngành: đã ban hành quy chế làm việc, "
                        + "họp phiên thứ nhất.", 30, YearMonth.of(2026, 4), LocalDate.of(2026, 4, 30), List.of(),
                actor("most.officer")));
    }

    // ------------------------------------------------------------------ B: 569-CV/TU

    /**
     * The "6 việc cần làm ngay" of 22-TB, section II: the letters below pass them on by that name, as a whole
     * (569-CV/TU task 1, 506-CV/ĐU task 2), so those tasks are linked to all six; no letter names one of them alone.
     * Their own deadlines are none, never later than the tasks they implement.
     */
    static final List<String> SIX_TASKS = List.of("II.1", "II.2", "II.3", "II.4", "II.5", "II.6");

    private void issueB() {
        List<TaskSpec> tasks = List.of(
                new TaskSpec("1", "Chỉ đạo quán triệt, tổ chức thực hiện nghiêm túc 6 định hướng lớn và 6 việc cần "
                        + "làm ngay theo kết luận của đồng chí Tổng Bí thư, Trưởng Ban Chỉ đạo Trung ương.",
                        null, List.of("DUCQD-DIENBIEN", "DUUBND-DIENBIEN", "MTTQ-DIENBIEN", "DU-SINHBINH"), List.of(),
                        null, null, SIX_TASKS),
                new TaskSpec("2", "Lãnh đạo UBND tỉnh tập trung chỉ đạo: xác định mục tiêu phát triển công nghệ "
                        + "chiến lược từ nhu cầu phát triển kinh tế; xác định Danh mục theo 2 nhóm; hoàn thiện thể chế, "
                        + "cơ chế, chính sách; tập trung nguồn lực; đổi mới mô hình tổ chức thực hiện; phát triển "
                        + "nguồn nhân lực và hệ sinh thái đổi mới sáng tạo.",
                        null, List.of("DUUBND-DIENBIEN"), List.of(), null, null),
                new TaskSpec("3", "Theo dõi, đôn đốc, tổng hợp tình hình triển khai thực hiện Thông báo kết luận; "
                        + "kịp thời tham mưu báo cáo Ban Chỉ đạo tỉnh, Ban Thường vụ Tỉnh ủy và Trung ương theo quy định.",
                        null, List.of("VPTU-DIENBIEN"), List.of(), null,
                        "Báo cáo tình hình triển khai thực hiện"));
        step("issue:B", B, new IssueDirective(B, "569-CV/TU", DirectiveKind.CONG_VAN, "TU-DIENBIEN",
                new Signer("Lê Thành Đô", "Phó Bí thư", SigningCapacity.TM), LocalDate.of(2026, 3, 23),
                "V/v triển khai thực hiện Thông báo số 22-TB/CQTTBCĐ, ngày 20/3/2026",
                List.of("DUCQD-DIENBIEN", "DUUBND-DIENBIEN", "MTTQ-DIENBIEN", "DU-SINHBINH", "VPTU-DIENBIEN"),
                List.of("UBND-DIENBIEN", "SKHCN-DIENBIEN"), List.of(), List.of(),
                List.of(new Citation("22-TB/CQTTBCĐ", null)), tasks, actor("do")));
        step("receipt:B:VPTU", B, new AcknowledgeReceipt(B, LocalDate.of(2026, 3, 23), actor("vptu.officer")));
        step("receipt:B:DU-SINHBINH", B, new AcknowledgeReceipt(B, LocalDate.of(2026, 3, 24), actor("du.officer")));
        step("receipt:B:DUUBND", B, new AcknowledgeReceipt(B, LocalDate.of(2026, 3, 24), actor("duubnd.officer")));
        // a report dated 25/3 and entered later: the event keeps both the business date and the recording instant
        step("report:B:3:2026-03-25", B + "/3", new ReportProgress(B + "/3",
                "Văn phòng Tỉnh ủy đã sao gửi Thông báo 22-TB/CQTTBCĐ kèm Công văn 569-CV/TU đến các đảng ủy trực "
                        + "thuộc; đang theo dõi, tổng hợp tình hình triển khai.", 20, null,
                LocalDate.of(2026, 3, 25), List.of(), actor("vptu.officer")));
    }

    // ------------------------------------------------------------------ C: 506-CV/ĐU

    private void issueC() {
        List<TaskSpec> tasks = List.of(
                new TaskSpec("1", "Căn cứ chức năng, nhiệm vụ quán triệt, tuyên truyền Thông báo số 22-TB/VPTW đến "
                        + "cán bộ, đảng viên và quần chúng Nhân dân với hình thức phù hợp.",
                        null, List.of("BXDD-SINHBINH", "MTTQ-SINHBINH"), List.of(), null, null),
                new TaskSpec("2", "Lãnh đạo UBND xã chỉ đạo Trung tâm Dịch vụ tổng hợp tuyên truyền nội dung chính "
                        + "của Thông báo số 22-TB/VPTW trên trang thông tin điện tử, mạng xã hội; tổ chức thực hiện tốt "
                        + "06 nhiệm vụ lớn và 06 việc cần làm ngay phù hợp với thực tiễn địa phương.",
                        null, List.of("DUUBND-SINHBINH"), List.of("TTDVTH-SINHBINH"), null,
                        "Nội dung đăng trên trang thông tin điện tử và mạng xã hội", SIX_TASKS),
                new TaskSpec("3", "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu cho Ban Thường vụ "
                        + "Đảng ủy lãnh đạo, chỉ đạo triển khai thực hiện các nội dung tại Thông báo số 22-TB/VPTW.",
                        null, List.of("BXDD-SINHBINH"), List.of(), null, null));
        step("issue:C", C, new IssueDirective(C, "506-CV/ĐU", DirectiveKind.CONG_VAN, "DU-SINHBINH",
                new Signer("Hạng Xuân Thắng", "Phó Bí thư", SigningCapacity.TM), LocalDate.of(2026, 3, 25),
                "V/v triển khai thực hiện Thông báo số 22-TB/VPTW, ngày 20/3/2026 của Văn phòng Trung ương Đảng",
                List.of("BXDD-SINHBINH", "MTTQ-SINHBINH", "DUUBND-SINHBINH"), List.of(), List.of("BTGDV-DIENBIEN"),
                List.of(), List.of(new Citation("569-CV/TU", null), new Citation("22-TB/VPTW", null)), tasks,
                actor("thang")));
        step("receipt:C:BXDD", C, new AcknowledgeReceipt(C, LocalDate.of(2026, 3, 26), actor("bxdd.officer")));
        step("receipt:C:BTGDV", C, new AcknowledgeReceipt(C, LocalDate.of(2026, 3, 27), actor("btgdv.officer")));
        step("ack:C:1", C + "/1", new AcknowledgeTask(C + "/1", LocalDate.of(2026, 3, 26), actor("bxdd.officer")));
        step("report:C:1", C + "/1", new ReportProgress(C + "/1",
                "Đã tổ chức quán triệt Thông báo 22-TB/VPTW tại hội nghị cán bộ chủ chốt xã.", 50, null,
                LocalDate.of(2026, 3, 31), List.of(), actor("bxdd.officer")));
    }

    // ------------------------------------------------------------------ 002: the "6 rõ" notice

    private void issueNotice002() {
        List<String> others = MINISTRIES.subList(1, MINISTRIES.size());
        List<TaskSpec> tasks = List.of(
                new TaskSpec("1", "Khẩn trương báo cáo Thủ tướng Chính phủ về việc bổ sung thiết bị bay không người "
                        + "lái - UAV vào nhóm sản phẩm công nghệ chiến lược ưu tiên triển khai ngay trong năm 2025.",
                        null, List.of("BKHCN"), List.of(), "khẩn trương", "Báo cáo Thủ tướng Chính phủ"),
                new TaskSpec("2", "Thành lập các hội đồng, nhóm chuyên gia tham vấn về thể chế, chính sách, chiến "
                        + "lược, hạ tầng, nhân lực chất lượng cao đối với từng nhóm công nghệ chiến lược; kết nối với "
                        + "Mạng lưới đổi mới sáng tạo do Trung tâm Đổi mới sáng tạo quốc gia (Bộ Tài chính) điều hành.",
                        null, List.of("BKHCN"), List.of("BTC"), null, "Các hội đồng, nhóm chuyên gia được thành lập"),
                new TaskSpec("3", "Xây dựng Chương trình thực hiện các nhóm sản phẩm công nghệ chiến lược ưu tiên "
                        + "triển khai ngay trong năm 2025 theo tinh thần \"6 rõ: rõ người, rõ việc, rõ trách nhiệm, rõ "
                        + "thời gian, rõ thẩm quyền, rõ sản phẩm\".",
                        new Person(null, "Bộ trưởng Bộ Khoa học và Công nghệ"), List.of("BKHCN"), List.of(),
                        "trình Thủ tướng Chính phủ ban hành trước ngày 30/10/2025",
                        "Chương trình trình Thủ tướng Chính phủ ban hành"),
                new TaskSpec("4", "Xây dựng Chương trình triển khai các nhóm công nghệ chiến lược còn lại theo tinh "
                        + "thần \"6 rõ\".",
                        new Person(null, "Bộ trưởng Bộ Khoa học và Công nghệ"), List.of("BKHCN"), List.of(),
                        "trình Thủ tướng Chính phủ trước ngày 31/12/2025",
                        "Chương trình trình Thủ tướng Chính phủ"),
                new TaskSpec("5", "Chủ động phối hợp với các bộ, cơ quan đề xuất các cơ chế thử nghiệm chính sách có "
                        + "kiểm soát - sandbox để thực hiện nhiệm vụ triển khai 11 nhóm công nghệ chiến lược, trình cấp "
                        + "có thẩm quyền xem xét, quyết định.",
                        null, List.of("BKHCN"), List.of(), null, "Đề xuất cơ chế sandbox"),
                new TaskSpec("6", "Chủ động đánh giá tác động, cung cấp thông tin về nhu cầu ứng dụng, đặt hàng các "
                        + "công nghệ và sản phẩm thuộc 11 nhóm công nghệ chiến lược, gửi Bộ KH&CN để tổng hợp.",
                        null, others, List.of(), null, "Thông tin nhu cầu, đặt hàng gửi Bộ Khoa học và Công nghệ"));
        step("issue:002", NOTICE_002, new IssueDirective(NOTICE_002, "TB-VPCP/30-9-2025 (số chưa rõ)",
                DirectiveKind.THONG_BAO, "VPCP", new Signer(null, null, SigningCapacity.NONE),
                LocalDate.of(2025, 9, 30),
                "Thông báo kết luận của Phó Thủ tướng Nguyễn Chí Dũng tại cuộc họp ngày 30/9/2025 về tình hình triển "
                        + "khai 11 nhóm công nghệ chiến lược (nguồn là bản tin; số, ngày và người ký của thông báo "
                        + "không được nêu)",
                MINISTRIES, List.of(), List.of(),
                List.of("Tổ chức xây dựng chương trình triển khai 11 nhóm công nghệ chiến lược theo tinh thần \"6 rõ: "
                                + "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian, rõ thẩm quyền, rõ sản phẩm\".",
                        "Nhiệm vụ trọng tâm là hình thành các nhóm nghiên cứu mạnh, nâng cao năng lực làm chủ các công "
                                + "nghệ lõi, công nghệ nguồn, có lộ trình thực hiện cụ thể, khả thi.",
                        "Tăng cường hợp tác quốc tế, đa dạng hóa các hình thức hợp tác."),
                List.of(), tasks, actor("vpcp.leader")));
        step("receipt:002:BKHCN", NOTICE_002, new AcknowledgeReceipt(NOTICE_002, LocalDate.of(2025, 10, 2),
                actor("most.officer")));
        for (String code : List.of("1", "3", "4")) {
            step("ack:002:" + code, NOTICE_002 + "/" + code, new AcknowledgeTask(NOTICE_002 + "/" + code,
                    LocalDate.of(2025, 10, 2), actor("most.officer")));
        }
    }

    // ------------------------------------------------------------------ plumbing

    private Actor actor(String username) {
        LedgerUsersProperties.User u = users.get(username);
        if (u == null) {
            throw new IllegalStateException("the demo needs user '" + username + "' in ledger.users");
        }
        return new Actor(u.username(), u.fullName(), u.position(), u.bodyCode());
    }

    private void step(String name, String aggregateId, Object command) {
        if (command instanceof IssueDirective && history.exists(aggregateId)) {
            skipped++; // issued by an earlier, interrupted run (ids are name-based)
            return;
        }
        try {
            commands.send(command, aggregateId, "demo-loader:" + name);
            applied++;
        } catch (CommandOutcome alreadyStored) {
            skipped++; // stored by an earlier, interrupted run under the same key
        } catch (DomainRuleViolation e) {
            if ("body.code.taken".equals(e.rule())) {
                skipped++;
            } else {
                throw new IllegalStateException("demo step " + name + " refused: " + e.rule() + " " + e.getMessage(), e);
            }
        }
    }
}

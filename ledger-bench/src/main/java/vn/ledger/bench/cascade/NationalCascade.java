package vn.ledger.bench.cascade;

import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.SixClear;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRefused;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskUrged;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A national cascade of one central notice, generated as the very events the aggregates would record: 22-TB
 * (the Standing Body of the Central Steering Committee, six tasks with the deadlines written in it) goes to the
 * 34 provinces and 9 ministries; each province receives it and issues its own official letter implementing it,
 * with tasks for its communes and its own units; each of the 3,321 communes (scaled by {@code scale}) receives
 * its province's letter and issues its own, assigning tasks to about ten units; the units receive, acknowledge,
 * delegate some work to the bodies under them, report monthly, complete on time or late, get urged, ask for
 * extensions, and some never start or stall. Deterministic for a given seed and scale: every decision draws from
 * a random stream keyed by the seed and the entity it concerns.
 *
 * <p>Shapes are the aggregates': a DirectiveIssued and the TaskAssigned of each of its tasks form one commit; a
 * delegation is a TaskDelegated on the parent and the child's TaskAssigned in one commit; every receipt,
 * acknowledgement, report, urging, extension request or decision, completion, acceptance or rejection is a
 * commit of its own. Business dates the aggregates take from the clock ("today": acknowledgements, urgings,
 * delegations, decisions) are the recording instant's day in Asia/Ho_Chi_Minh; dates the caller gives
 * (receipt, report, completion) are at most that day. Commits are sorted by their instant, every event of a
 * commit carrying the commit's instant (as with Axon's clock fixed for one command), and sequence numbers are
 * counted per aggregate in that order. {@link CascadeConformance} replays a small cascade through the real
 * aggregates and compares.
 */
public final class NationalCascade {

    public static final ZoneId VN = Deadline.LEGAL_ZONE;
    /** Nothing is recorded after the end of July 2026. */
    public static final Instant END = LocalDate.of(2026, 7, 31).atTime(23, 59, 59).atZone(VN).toInstant();
    /** "Now" for the queries: the last working afternoon of the period. */
    public static final Instant NOW = LocalDate.of(2026, 7, 31).atTime(17, 0).atZone(VN).toInstant();
    /** Effective date of the bodies: the two-tier local government took effect on 1 July 2025. */
    static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);
    static final LocalDate CENTRAL_ISSUED = LocalDate.of(2026, 3, 20);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 7, 31);
    public static final int NATIONAL_COMMUNES = 3_321;

    public static final String CENTRAL = "CQTT-BCDTW";
    static final List<String> MINISTRIES = List.of("BKHCN", "BTC", "BGDDT", "BQP", "BCA", "BCT", "BNNMT", "BYT", "BXD");
    private static final Map<String, String> MINISTRY_NAMES = Map.of(
            "BKHCN", "Bộ Khoa học và Công nghệ", "BTC", "Bộ Tài chính", "BGDDT", "Bộ Giáo dục và Đào tạo",
            "BQP", "Bộ Quốc phòng", "BCA", "Bộ Công an", "BCT", "Bộ Công Thương",
            "BNNMT", "Bộ Nông nghiệp và Môi trường", "BYT", "Bộ Y tế", "BXD", "Bộ Xây dựng");
    static final Actor ADMIN = new Actor("admin", "Quản trị hệ thống", "Quản trị viên", "VPTW");

    public enum Profile { DILIGENT, NORMAL, LATE, STALL, SILENT }

    /** A registered body and the two people who act for it. */
    public static final class Body {
        public final String code;
        public final String name;
        public final String parent;
        public final BodyLevel level;
        public final Profile profile;
        public final Actor leader;
        public final Actor officer;
        public final List<String> children = new ArrayList<>();

        Body(String code, String name, String parent, BodyLevel level, Profile profile, Actor leader, Actor officer) {
            this.code = code;
            this.name = name;
            this.parent = parent;
            this.level = level;
            this.profile = profile;
            this.leader = leader;
            this.officer = officer;
        }
    }

    /** One event of a commit: aggregate type (Axon's: the class's simple name), aggregate id, sequence, payload. */
    public static final class Ev {
        public final String aggregateType;
        public final String aggregateId;
        public final Object payload;
        long seq = -1;

        Ev(String aggregateType, String aggregateId, Object payload) {
            this.aggregateType = aggregateType;
            this.aggregateId = aggregateId;
            this.payload = payload;
        }

        public long seq() {
            return seq;
        }
    }

    /** What one command's unit of work appends: one commit document. */
    public static final class Commit {
        public final Instant at;
        final long tie;
        public final List<Ev> events;

        Commit(Instant at, long tie, List<Ev> events) {
            this.at = at;
            this.tie = tie;
            this.events = events;
        }
    }

    private final long seed;
    private final double scale;
    private final int unitTasks;
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Map<String, Deadline> deadlines = new HashMap<>();
    private List<Commit> commits = new ArrayList<>();
    private long tie;

    // well-known ids, for the queries
    private String centralDirectiveId;
    private final List<String> provinceCodes = new ArrayList<>();
    private final Map<String, String> directiveOf = new LinkedHashMap<>(); // issuing body -> its directive
    private final Map<String, List<String>> communesOf = new LinkedHashMap<>();
    private long events;
    private final Map<String, Long> eventTypes = new TreeMap<>();

    private NationalCascade(long seed, double scale, int unitTasks) {
        this.seed = seed;
        this.scale = scale;
        this.unitTasks = unitTasks;
    }

    /**
     * @param scale     1.0: 3,321 communes (about 33,000 units); 0.05: 166 communes
     * @param unitTasks tasks each commune assigns to each of its units besides the four common ones (1 to 4)
     */
    public static NationalCascade generate(double scale, long seed, int unitTasks) {
        NationalCascade c = new NationalCascade(seed, scale, unitTasks);
        c.build();
        return c;
    }

    // ------------------------------------------------------------------ accessors

    public List<Commit> commits() {
        return commits;
    }

    /** Forgets the commits (after loading them) to free memory; the bodies and well-known ids stay. */
    public void dropCommits() {
        commits = List.of();
    }

    public long eventCount() {
        return events;
    }

    public Map<String, Long> eventTypes() {
        return eventTypes;
    }

    public Map<String, Body> bodies() {
        return Collections.unmodifiableMap(bodies);
    }

    public String centralDirectiveId() {
        return centralDirectiveId;
    }

    public List<String> provinceCodes() {
        return provinceCodes;
    }

    public List<String> communesOf(String province) {
        return communesOf.getOrDefault(province, List.of());
    }

    /** The directive a body issued in the cascade, or null (a commune that stalled issues none). */
    public String directiveOf(String issuer) {
        return directiveOf.get(issuer);
    }

    public Body body(String code) {
        return bodies.get(code);
    }

    // ------------------------------------------------------------------ the cascade

    private void build() {
        registerBodies();
        CentralCtx central = issueCentral();
        for (String province : provinceCodes) {
            province(central, province);
        }
        // the central tasks last: their leads' receipts are known by now
        for (TaskCtx t : central.tasks) {
            lifecycle(t, commits);
        }
        finish();
    }

    private void registerBodies() {
        Instant t = LocalDate.of(2026, 3, 2).atTime(8, 0).atZone(VN).toInstant();
        t = register(t, CENTRAL, "Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới "
                + "sáng tạo và chuyển đổi số", null, BodyLevel.CENTRAL, Profile.DILIGENT);
        for (String m : MINISTRIES) {
            t = register(t, m, MINISTRY_NAMES.get(m), CENTRAL, BodyLevel.MINISTRY,
                    m.equals("BKHCN") ? Profile.DILIGENT : profile(rng("profile:" + m), false));
        }
        int[] communes = communesPerProvince();
        for (int p = 0; p < Names.PROVINCES.size(); p++) {
            Names.Province prov = Names.PROVINCES.get(p);
            String code = "TU-" + prov.slug();
            provinceCodes.add(code);
            SplittableRandom r = rng("province:" + code);
            // provinces all act; a few are slow
            t = register(t, code, prov.committee(), CENTRAL, BodyLevel.PROVINCE,
                    r.nextInt(100) < 15 ? Profile.LATE : r.nextInt(100) < 40 ? Profile.DILIGENT : Profile.NORMAL);
            t = register(t, "VPTU-" + prov.slug(), "Văn phòng " + prov.committee(), code, BodyLevel.UNIT, Profile.DILIGENT);
            t = register(t, "DUUBND-" + prov.slug(), "Đảng ủy Ủy ban nhân dân " + (prov.city() ? "thành phố " : "tỉnh ")
                    + prov.name(), code, BodyLevel.UNIT, profile(r, false));
            t = register(t, "SKHCN-" + prov.slug(), "Sở Khoa học và Công nghệ " + prov.name(), "DUUBND-" + prov.slug(),
                    BodyLevel.UNIT, profile(r, false));
            t = register(t, "BTGDV-" + prov.slug(), "Ban Tuyên giáo và Dân vận " + prov.committee(), code, BodyLevel.UNIT,
                    profile(r, false));
            List<String> list = new ArrayList<>();
            for (int i = 1; i <= communes[p]; i++) {
                String cc = String.format("DU-%s-%03d", prov.slug(), i);
                SplittableRandom cr = rng("commune:" + cc);
                String place = p == 3 && i == 1 ? "xã Sính Bình" : Names.commune(cr, prov.city());
                t = register(t, cc, "Đảng ủy " + place + ", " + prov.name(), code, BodyLevel.COMMUNE, profile(cr, true));
                list.add(cc);
                String suffix = prov.slug() + "-" + String.format("%03d", i);
                t = register(t, "VP-" + suffix, "Văn phòng Đảng ủy " + place, cc, BodyLevel.UNIT, profile(cr, false));
                t = register(t, "BXDD-" + suffix, "Ban Xây dựng Đảng Đảng ủy " + place, cc, BodyLevel.UNIT, profile(cr, false));
                t = register(t, "DUUBND-" + suffix, "Đảng ủy Ủy ban nhân dân " + place, cc, BodyLevel.UNIT, profile(cr, false));
                t = register(t, "MTTQ-" + suffix, "Ủy ban Mặt trận Tổ quốc Việt Nam " + place, cc, BodyLevel.UNIT, profile(cr, false));
                t = register(t, "UBKT-" + suffix, "Ủy ban Kiểm tra Đảng ủy " + place, cc, BodyLevel.UNIT, profile(cr, false));
                t = register(t, "CA-" + suffix, "Đảng ủy Công an " + place, cc, BodyLevel.UNIT, profile(cr, false));
                t = register(t, "QS-" + suffix, "Đảng ủy Quân sự " + place, cc, BodyLevel.UNIT, profile(cr, false));
                int branches = 1 + cr.nextInt(5); // 8 to 12 units in all
                for (int b = 1; b <= branches; b++) {
                    t = register(t, "CB" + b + "-" + suffix, "Chi bộ " + (prov.city() ? "khu phố " : "thôn ") + b + ", "
                            + place, cc, BodyLevel.UNIT, profile(cr, false));
                }
                // under the Party Committee of the commune's People's Committee: the bodies it passes work to
                t = register(t, "TTDVTH-" + suffix, "Trung tâm Dịch vụ tổng hợp " + place, "DUUBND-" + suffix,
                        BodyLevel.UNIT, profile(cr, false));
                t = register(t, "PVHXH-" + suffix, "Phòng Văn hóa - Xã hội " + place, "DUUBND-" + suffix,
                        BodyLevel.UNIT, profile(cr, false));
            }
            communesOf.put(code, list);
        }
    }

    /** 3,321 × scale communes over the 34 provinces, about 98 each, unevenly (largest remainders). */
    private int[] communesPerProvince() {
        int n = Names.PROVINCES.size();
        int total = Math.max(n, (int) Math.round(NATIONAL_COMMUNES * scale));
        double[] w = new double[n];
        double sum = 0;
        for (int p = 0; p < n; p++) {
            w[p] = 0.55 + 0.9 * rng("size:" + p).nextDouble();
            sum += w[p];
        }
        int[] out = new int[n];
        double[] rest = new double[n];
        int given = 0;
        for (int p = 0; p < n; p++) {
            double exact = Math.max(1, total * w[p] / sum);
            out[p] = (int) Math.floor(exact);
            rest[p] = exact - out[p];
            given += out[p];
        }
        while (given < total) {
            int best = 0;
            for (int p = 1; p < n; p++) {
                if (rest[p] > rest[best]) {
                    best = p;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }

    private Instant register(Instant at, String code, String name, String parent, BodyLevel level, Profile profile) {
        SplittableRandom r = rng("person:" + code);
        String lower = code.toLowerCase();
        String leaderName = Names.person(r);
        String officerName = Names.person(r);
        String leaderPos;
        String officerPos;
        switch (level) {
            case CENTRAL -> {
                leaderName = "Phạm Gia Túc";
                leaderPos = "Chánh Văn phòng Trung ương Đảng, Phó Trưởng Ban Thường trực";
                officerPos = "Chuyên viên Văn phòng Trung ương Đảng";
            }
            case MINISTRY -> {
                leaderPos = "Thứ trưởng";
                officerPos = "Chuyên viên Văn phòng Bộ";
            }
            case PROVINCE -> {
                if (code.equals("TU-DIENBIEN")) {
                    leaderName = "Lê Thành Đô";
                }
                leaderPos = "Phó Bí thư Tỉnh ủy";
                officerPos = "Chuyên viên Văn phòng Tỉnh ủy";
            }
            case COMMUNE -> {
                if (code.equals("DU-DIENBIEN-001")) {
                    leaderName = "Hạng Xuân Thắng";
                }
                leaderPos = "Phó Bí thư Đảng ủy xã";
                officerPos = "Văn thư Đảng ủy xã";
            }
            default -> {
                leaderPos = code.startsWith("CB") ? "Bí thư Chi bộ" : "Trưởng đơn vị";
                officerPos = "Cán bộ";
            }
        }
        Body b = new Body(code, name, parent, level, profile,
                new Actor(lower + ".lanhdao", leaderName, leaderPos, code),
                new Actor(lower + ".chuyenvien", officerName, officerPos, code));
        bodies.put(code, b);
        if (parent != null) {
            bodies.get(parent).children.add(code);
        }
        commit(at, ev("Body", code, new BodyRegistered(code, name, parent, level, EFFECTIVE, ADMIN)));
        return at.plusSeconds(5);
    }

    /** DILIGENT 30%, NORMAL 45%, LATE 13%, STALL 8%, SILENT 4%. */
    private static Profile profile(SplittableRandom r, boolean commune) {
        int x = r.nextInt(100);
        if (x < 30) {
            return Profile.DILIGENT;
        }
        if (x < 75) {
            return Profile.NORMAL;
        }
        if (x < 88) {
            return Profile.LATE;
        }
        return x < 96 ? Profile.STALL : Profile.SILENT;
    }

    // ------------------------------------------------------------------ central

    private static final class CentralCtx {
        final Map<String, Instant> readyAt = new HashMap<>();
        final List<TaskCtx> tasks = new ArrayList<>();
        Instant issuedAt;
    }

    private CentralCtx issueCentral() {
        CentralCtx c = new CentralCtx();
        Body cq = bodies.get(CENTRAL);
        String id = directiveId(CENTRAL, "22-TB/CQTTBCĐ");
        centralDirectiveId = id;
        directiveOf.put(CENTRAL, id);
        List<String> recipients = new ArrayList<>(MINISTRIES);
        recipients.addAll(provinceCodes);
        List<String> allLeads = new ArrayList<>(MINISTRIES);
        allLeads.addAll(provinceCodes);
        Person most = new Person(bodies.get("BKHCN").leader.fullName(), "Thứ trưởng Bộ Khoa học và Công nghệ");
        List<TaskSpec> tasks = List.of(
                new TaskSpec("II.1", "Rà soát, hoàn thiện Danh mục công nghệ chiến lược và sản phẩm công nghệ chiến lược",
                        most, List.of("BKHCN"), MINISTRIES.subList(1, MINISTRIES.size()),
                        "trình Thủ tướng Chính phủ ban hành trong tháng 4/2026",
                        "Danh mục trình Thủ tướng Chính phủ ban hành"),
                new TaskSpec("II.2", "Thiết lập cơ chế điều phối thống nhất cấp Chính phủ (tổ công tác liên ngành); "
                        + "báo cáo kết quả hằng tháng", most, List.of("BKHCN"), List.of(),
                        "định kỳ hằng tháng báo cáo", "Tổ công tác được thành lập; báo cáo tháng"),
                new TaskSpec("II.3", "Ban hành bộ tiêu chuẩn về công nghệ chiến lược, công nghệ lõi và sản phẩm",
                        most, List.of("BKHCN"), List.of(), "trong tháng 6/2026", "Bộ tiêu chuẩn được ban hành"),
                new TaskSpec("II.4", "Rà soát cơ chế tài chính: khoán chi theo sản phẩm cuối cùng, thuế, tín dụng, "
                        + "đồng tài trợ, mua sắm công", most, List.of("BKHCN", "BTC"), List.of("BCA", "BQP", "BCT"),
                        "hoàn thành trong tháng 5/2026", "Đề xuất cơ chế tài chính"),
                new TaskSpec("II.5", "Rà soát, xây dựng chương trình đào tạo chất lượng cao",
                        new Person(bodies.get("BGDDT").leader.fullName(), "Thứ trưởng Bộ Giáo dục và Đào tạo"),
                        List.of("BGDDT"), List.of(), "trong tháng 6/2026", "Chương trình đào tạo"),
                new TaskSpec("II.6", "Tháo gỡ các vướng mắc do Thường trực Ban Chỉ đạo chuyển theo chức năng, nhiệm vụ",
                        null, allLeads, List.of(), "chậm nhất trong tháng 6/2026", "Vướng mắc được tháo gỡ"));
        List<String> orientations = List.of(
                "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu",
                "Lấy doanh nghiệp làm trung tâm, viện, trường là chủ thể nghiên cứu",
                "Tập trung làm chủ công nghệ chiến lược, công nghệ lõi",
                "Hoàn thiện thể chế, tháo gỡ điểm nghẽn về cơ chế tài chính",
                "Phát triển nguồn nhân lực chất lượng cao",
                "Bảo đảm an ninh, an toàn dữ liệu trong chuyển đổi số");
        Instant at = CENTRAL_ISSUED.atTime(16, 30).atZone(VN).toInstant();
        c.issuedAt = at;
        c.tasks.addAll(issue(at, id, "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, cq,
                new Signer("Phạm Gia Túc", "Chánh Văn phòng Trung ương Đảng, Phó Trưởng Ban Thường trực",
                        SigningCapacity.TM), CENTRAL_ISSUED,
                "Kết luận của Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo "
                        + "và chuyển đổi số tại phiên họp ngày 18/3/2026", recipients, List.of(), List.of(),
                orientations, List.of(), tasks, c.readyAt));
        for (String body : recipients) {
            Body b = bodies.get(body);
            SplittableRandom r = rng("receipt:" + id + ":" + body);
            LocalDate day = CENTRAL_ISSUED.plusDays(b.profile == Profile.LATE ? 2 + r.nextInt(3) : r.nextInt(3));
            c.readyAt.put(body, receive(id, b, day, at, r));
        }
        return c;
    }

    // ------------------------------------------------------------------ provinces

    private static final class ProvinceCtx {
        String code;
        String slug;
        String directiveId;
        String symbol;
        Instant issuedAt;
        final Map<String, Instant> readyAt = new HashMap<>();
    }

    private void province(CentralCtx central, String code) {
        Body tu = bodies.get(code);
        SplittableRandom r = rng("province-flow:" + code);
        Instant received = central.readyAt.get(code);
        LocalDate day = LocalDate.ofInstant(received, VN).plusDays(tu.profile == Profile.LATE ? 4 + r.nextInt(9) : r.nextInt(4));
        if (code.equals("TU-DIENBIEN")) {
            day = max(LocalDate.ofInstant(received, VN), LocalDate.of(2026, 3, 23));
        }
        Instant at = on(day, received, r);
        ProvinceCtx p = new ProvinceCtx();
        p.code = code;
        p.slug = code.substring(3);
        p.symbol = code.equals("TU-DIENBIEN") ? "569-CV/TU" : (520 + r.nextInt(120)) + "-CV/TU";
        p.directiveId = directiveId(code, p.symbol);
        p.issuedAt = at;
        directiveOf.put(code, p.directiveId);
        List<String> communes = communesOf.get(code);
        String vptu = "VPTU-" + p.slug;
        String duubnd = "DUUBND-" + p.slug;
        String btgdv = "BTGDV-" + p.slug;
        List<String> recipients = new ArrayList<>(communes);
        recipients.addAll(List.of(vptu, duubnd, btgdv));
        List<TaskSpec> specs = List.of(
                new TaskSpec("1", "Các đảng ủy xã, phường quán triệt, triển khai thực hiện các định hướng và nhiệm "
                        + "vụ tại Thông báo số 22-TB/VPTW", null, communes, List.of(btgdv), "trong tháng 4/2026",
                        "Báo cáo kết quả quán triệt, triển khai"),
                new TaskSpec("2", "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh chỉ đạo thực hiện sáu "
                        + "nội dung trọng tâm về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                        new Person(bodies.get(duubnd).leader.fullName(), "Bí thư Đảng ủy Ủy ban nhân dân tỉnh"),
                        List.of(duubnd), List.of(), "chậm nhất trong tháng 6/2026", "Kế hoạch và kết quả thực hiện"),
                new TaskSpec("3", "Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp, báo cáo Ban Chỉ đạo tỉnh, Ban Thường vụ "
                        + "Tỉnh ủy và Trung ương", new Person(bodies.get(vptu).leader.fullName(), "Chánh Văn phòng Tỉnh ủy"),
                        List.of(vptu), List.of(), "định kỳ hằng tháng báo cáo", "Báo cáo tháng"),
                new TaskSpec("4", "Các đảng ủy xã, phường báo cáo kết quả thực hiện về Văn phòng Tỉnh ủy", null, communes,
                        List.of(), "định kỳ hằng tháng báo cáo", "Báo cáo tháng của đảng ủy xã, phường"));
        List<TaskCtx> tasks = issue(at, p.directiveId, p.symbol, DirectiveKind.CONG_VAN, tu,
                new Signer(tu.leader.fullName(), "Phó Bí thư", SigningCapacity.TM), LocalDate.ofInstant(at, VN),
                "V/v triển khai thực hiện Thông báo số 22-TB/VPTW, ngày 20/3/2026 của Thường trực Ban Chỉ đạo Trung "
                        + "ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                recipients, List.of(), List.of(CENTRAL), List.of(),
                List.of(new Citation("22-TB/VPTW", centralDirectiveId)), specs, p.readyAt);
        for (String unit : List.of(vptu, duubnd, btgdv)) {
            Body b = bodies.get(unit);
            SplittableRandom ur = rng("receipt:" + p.directiveId + ":" + unit);
            p.readyAt.put(unit, receive(p.directiveId, b, LocalDate.ofInstant(at, VN).plusDays(ur.nextInt(3)), at, ur));
        }
        for (String commune : communes) {
            commune(p, commune);
        }
        for (TaskCtx t : tasks) {
            lifecycle(t, commits);
        }
    }

    // ------------------------------------------------------------------ communes

    private void commune(ProvinceCtx p, String code) {
        Body du = bodies.get(code);
        SplittableRandom r = rng("commune-flow:" + code);
        if (du.profile == Profile.SILENT) {
            p.readyAt.put(code, null); // never even records the receipt
            return;
        }
        LocalDate issuedDay = LocalDate.ofInstant(p.issuedAt, VN);
        LocalDate day = issuedDay.plusDays(du.profile == Profile.LATE ? 3 + r.nextInt(13) : r.nextInt(5));
        Instant received = receive(p.directiveId, du, day, p.issuedAt, r);
        p.readyAt.put(code, received);
        if (du.profile == Profile.STALL || received == null) {
            return; // received, never made it concrete: the stall between levels the seeds complain of
        }
        boolean seedCommune = code.equals("DU-DIENBIEN-001");
        LocalDate issueDay = LocalDate.ofInstant(received, VN)
                .plusDays(du.profile == Profile.LATE ? 5 + r.nextInt(16) : r.nextInt(6));
        if (seedCommune) {
            issueDay = max(LocalDate.ofInstant(received, VN), LocalDate.of(2026, 3, 25));
        }
        Instant at = on(issueDay, received, r);
        if (at.isAfter(END)) {
            return;
        }
        String suffix = code.substring(3);
        String symbol = seedCommune ? "506-CV/ĐU" : (100 + r.nextInt(800)) + "-CV/ĐU";
        String id = directiveId(code, symbol);
        directiveOf.put(code, id);
        List<String> units = new ArrayList<>();
        for (String child : du.children) {
            if (bodies.get(child).level == BodyLevel.UNIT) {
                units.add(child);
            }
        }
        String vp = "VP-" + suffix;
        String bxdd = "BXDD-" + suffix;
        String duubnd = "DUUBND-" + suffix;
        String mttq = "MTTQ-" + suffix;
        List<TaskSpec> specs = new ArrayList<>();
        specs.add(new TaskSpec("1", "Quán triệt, tuyên truyền Thông báo số 22-TB/VPTW đến cán bộ, đảng viên và Nhân dân",
                null, units, List.of(), "trong tháng 4/2026", "Báo cáo kết quả quán triệt, tuyên truyền"));
        specs.add(new TaskSpec("2", "Lãnh đạo Ủy ban nhân dân xã chỉ đạo Trung tâm Dịch vụ tổng hợp đăng tải nội dung "
                + "Thông báo trên Cổng thông tin điện tử và mạng xã hội của xã",
                new Person(bodies.get(duubnd).leader.fullName(), "Bí thư Đảng ủy Ủy ban nhân dân xã"),
                List.of(duubnd), List.of(mttq), "trong tháng 4/2026", "Tin bài được đăng tải"));
        specs.add(new TaskSpec("3", "Chủ trì, phối hợp tham mưu Ban Thường vụ Đảng ủy xã lãnh đạo, chỉ đạo triển khai "
                + "thực hiện", new Person(bodies.get(bxdd).leader.fullName(), "Trưởng Ban Xây dựng Đảng"),
                List.of(bxdd), List.of(vp), "chậm nhất trong tháng 6/2026", "Kế hoạch triển khai được ban hành"));
        specs.add(new TaskSpec("4", "Theo dõi, đôn đốc, tổng hợp, báo cáo kết quả thực hiện",
                new Person(bodies.get(vp).leader.fullName(), "Chánh Văn phòng Đảng ủy"), List.of(vp), List.of(),
                "định kỳ hằng tháng báo cáo", "Báo cáo tháng"));
        int n = 5;
        for (String unit : units) {
            Body u = bodies.get(unit);
            SplittableRandom ur = rng("unit-tasks:" + unit);
            Person head = ur.nextInt(100) < 20 ? null : new Person(u.leader.fullName(), u.leader.position());
            specs.add(new TaskSpec(String.valueOf(n++), "Rà soát, đề xuất nhiệm vụ khoa học, công nghệ, chuyển đổi "
                    + "số thuộc lĩnh vực của " + u.name, head, List.of(unit), List.of(), "trong tháng 5/2026",
                    ur.nextInt(100) < 10 ? null : "Danh mục nhiệm vụ đề xuất"));
            if (unitTasks >= 2) {
                specs.add(new TaskSpec(String.valueOf(n++), "Xây dựng và thực hiện kế hoạch chuyển đổi số của " + u.name,
                        head, List.of(unit), List.of(), ur.nextInt(100) < 5 ? null : "trong tháng 6/2026",
                        "Kế hoạch chuyển đổi số"));
            }
            if (unitTasks >= 3) {
                specs.add(new TaskSpec(String.valueOf(n++), "Báo cáo kết quả thực hiện chuyển đổi số của " + u.name,
                        head, List.of(unit), List.of(), "định kỳ hằng tháng báo cáo", "Báo cáo tháng"));
            }
            if (unitTasks >= 4) {
                specs.add(new TaskSpec(String.valueOf(n++), "Số hóa hồ sơ, tài liệu và cập nhật dữ liệu của " + u.name
                        + " lên hệ thống theo dõi nhiệm vụ", head, List.of(unit), List.of(), "trước ngày 15/7/2026",
                        "Dữ liệu được cập nhật đầy đủ"));
            }
        }
        Map<String, Instant> ready = new HashMap<>();
        List<TaskCtx> tasks = issue(at, id, symbol, DirectiveKind.CONG_VAN, du,
                new Signer(du.leader.fullName(), "Phó Bí thư", SigningCapacity.TM), LocalDate.ofInstant(at, VN),
                "V/v triển khai thực hiện Công văn số " + p.symbol + " của Ban Thường vụ Tỉnh ủy và Thông báo số "
                        + "22-TB/VPTW của Thường trực Ban Chỉ đạo Trung ương", units, List.of(),
                List.of("VPTU-" + p.slug), List.of(),
                List.of(new Citation(p.symbol, p.directiveId), new Citation("22-TB/VPTW", centralDirectiveId)),
                specs, ready);
        for (String unit : units) {
            Body u = bodies.get(unit);
            SplittableRandom ur = rng("receipt:" + id + ":" + unit);
            if (u.profile == Profile.SILENT) {
                ready.put(unit, null);
                continue;
            }
            LocalDate rd = LocalDate.ofInstant(at, VN).plusDays(u.profile == Profile.LATE ? 3 + ur.nextInt(8) : ur.nextInt(4));
            ready.put(unit, receive(id, u, rd, at, ur));
        }
        for (TaskCtx t : tasks) {
            lifecycle(t, commits);
        }
    }

    // ------------------------------------------------------------------ issuing and receiving

    /** DirectiveIssued and the TaskAssigned of each task: one commit. */
    private List<TaskCtx> issue(Instant at, String id, String symbol, DirectiveKind kind, Body issuer, Signer signer,
                                LocalDate issuedOn, String subject, List<String> forAction, List<String> forInformation,
                                List<String> forReport, List<String> orientations, List<Citation> citations,
                                List<TaskSpec> specs, Map<String, Instant> readyAt) {
        List<Ev> evs = new ArrayList<>();
        evs.add(ev("Directive", id, new DirectiveIssued(id, symbol.strip(), kind, issuer.code, signer, issuedOn,
                subject, forAction, forInformation, forReport, orientations, citations, specs, issuer.leader)));
        List<TaskCtx> tasks = new ArrayList<>();
        for (TaskSpec spec : specs) {
            String taskId = id + "/" + spec.code();
            Deadline d = deadline(spec.deadline());
            evs.add(ev("Task", taskId, new TaskAssigned(taskId, id, null, spec.code(), spec.work(), spec.responsible(),
                    spec.leadBodies(), spec.cooperatingBodies(), d, spec.product(), issuer.code,
                    SixClear.missing(spec, d, issuer.code, id), issuedOn, issuer.leader)));
            tasks.add(new TaskCtx(taskId, id, spec.code(), spec.work(), issuer.code, spec.leadBodies(),
                    spec.cooperatingBodies(), d, at, readyAt));
        }
        commit(at, evs.toArray(new Ev[0]));
        return tasks;
    }

    /** The body records its receipt, dated {@code day}, at or after {@code notBefore}; null after the period. */
    private Instant receive(String directiveId, Body body, LocalDate day, Instant notBefore, SplittableRandom r) {
        Instant at = on(day, notBefore, r);
        if (at.isAfter(END)) {
            return null;
        }
        LocalDate recorded = LocalDate.ofInstant(at, VN);
        LocalDate receivedOn = day.isAfter(recorded) ? recorded : day;
        commit(at, ev("Directive", directiveId, new DirectiveReceived(directiveId, body.code, receivedOn, body.officer)));
        return at;
    }

    // ------------------------------------------------------------------ a task's life

    private static final class TaskCtx {
        final String id;
        final String directiveId;
        final String code;
        final String work;
        final String assigner;
        final List<String> leads;
        final List<String> coop;
        Deadline deadline;
        final Instant assignedAt;
        /** lead → when it received the directive (null: never); a lead missing from the map acts from assignment */
        final Map<String, Instant> readyAt;
        int nextChild = 1;

        TaskCtx(String id, String directiveId, String code, String work, String assigner, List<String> leads,
                List<String> coop, Deadline deadline, Instant assignedAt, Map<String, Instant> readyAt) {
            this.id = id;
            this.directiveId = directiveId;
            this.code = code;
            this.work = work;
            this.assigner = assigner;
            this.leads = leads;
            this.coop = coop;
            this.deadline = deadline;
            this.assignedAt = assignedAt;
            this.readyAt = readyAt;
        }
    }

    /** A commit on the task's own stream, held until the task's fate is known; a delegation carries its child's. */
    private record Pending(Instant at, List<Ev> events, List<Commit> childCommits) {
    }

    private static final String[] PROGRESS = {
            "Đã quán triệt đến toàn thể cán bộ, đảng viên; đang triển khai các nội dung tiếp theo",
            "Đã xây dựng dự thảo, đang lấy ý kiến các đơn vị liên quan",
            "Đã tổ chức hội nghị triển khai; tuyên truyền trên hệ thống truyền thanh cơ sở",
            "Đang rà soát, tổng hợp số liệu; dự kiến hoàn thành đúng hạn",
            "Gặp khó khăn về nhân lực và kinh phí; đề nghị cấp trên hỗ trợ"};
    private static final String[] MONTHLY = {
            "Báo cáo tháng: các nhiệm vụ được triển khai theo kế hoạch",
            "Báo cáo tháng: đã hoàn thành các nội dung trọng tâm của tháng",
            "Báo cáo tháng: một số nội dung chậm tiến độ, đã đề ra giải pháp khắc phục"};

    /**
     * Generates everything that happens to the task after its assignment, into {@code sink}. Returns the instant
     * of its accepted completion, or null when it was not (yet) accepted by the end of the period.
     */
    private Instant lifecycle(TaskCtx t, List<Commit> sink) {
        SplittableRandom r = rng("task:" + t.id);
        Body assigner = bodies.get(t.assigner);
        List<Pending> pend = new ArrayList<>();
        boolean recurringOnly = !t.deadline.hasDueDate() && t.deadline.recurring();
        boolean multi = t.leads.size() > 1;
        Instant slowStart = null;
        List<Instant> doneAts = new ArrayList<>();
        String completer = null;
        Instant completeAt = null;
        LocalDate completedOn = null;
        for (String lead : t.leads) {
            Body b = bodies.get(lead);
            Instant ready = t.readyAt == null || !t.readyAt.containsKey(lead) ? t.assignedAt : t.readyAt.get(lead);
            if (b.profile == Profile.SILENT || ready == null) {
                slowStart = t.assignedAt;
                continue;
            }
            ready = ready.isBefore(t.assignedAt) ? t.assignedAt : ready;
            Instant ack = on(day(ready).plusDays(ackDelay(b.profile, r)), ready, r);
            if (ack.isAfter(END)) {
                continue;
            }
            if (Duration.between(t.assignedAt, ack).toDays() > 10) {
                slowStart = t.assignedAt;
            }
            pend.add(one(ack, "Task", t.id, new TaskAcknowledged(t.id, t.directiveId, lead, day(ack), b.officer)));
            if (recurringOnly) {
                monthly(t, b, ack, pend, r);
                continue;
            }
            Instant last = ack;
            // delegation to a body under the lead, then the child's own life
            Instant childDone = null;
            boolean delegated = false;
            if (!b.children.isEmpty() && b.profile != Profile.STALL && r.nextDouble() < delegationChance(b)) {
                Instant at = on(day(ack).plusDays(r.nextInt(4)), ack, r);
                if (!at.isAfter(END)) {
                    delegated = true;
                    List<Commit> childSink = new ArrayList<>();
                    Pending d = delegate(t, b, at, r, childSink);
                    childDone = d == null ? null : d.childCommits.isEmpty() ? null : doneOf(d);
                    if (d != null) {
                        pend.add(new Pending(d.at, d.events, childSink));
                        last = at;
                    }
                }
            }
            // an extension asked by a single lead running late
            if (!multi && (b.profile == Profile.LATE || b.profile == Profile.NORMAL) && r.nextInt(100) < 10
                    && t.deadline.hasDueDate() && t.deadline.dueDate().isBefore(LocalDate.of(2026, 7, 1))) {
                LocalDate due = t.deadline.dueDate();
                Instant req = on(max(day(last).plusDays(1), due.minusDays(3 + r.nextInt(6))), last, r);
                if (!req.isAfter(END)) {
                    Deadline requested = deadline("trong tháng 7/2026");
                    String requestId = t.id + "#ext1";
                    pend.add(one(req, "Task", t.id, new ExtensionRequested(t.id, t.directiveId, requestId, t.deadline,
                            requested, "Khối lượng công việc lớn, cần thêm thời gian hoàn thiện sản phẩm", day(req),
                            b.officer)));
                    Instant dec = on(day(req).plusDays(1 + r.nextInt(4)), req, r);
                    if (!dec.isAfter(END)) {
                        if (r.nextInt(100) < 75) {
                            pend.add(one(dec, "Task", t.id, new ExtensionGranted(t.id, t.directiveId, requestId,
                                    t.deadline, requested, day(dec), assigner.leader)));
                            t.deadline = requested;
                        } else {
                            pend.add(one(dec, "Task", t.id, new ExtensionRefused(t.id, t.directiveId, requestId,
                                    requested, "Đề nghị bảo đảm đúng thời hạn đã giao", day(dec), assigner.leader)));
                        }
                        last = dec;
                    }
                }
            }
            if (b.profile == Profile.STALL) {
                // started, then nothing: one report at most
                if (r.nextBoolean()) {
                    LocalDate rd = day(last).plusDays(5 + r.nextInt(16));
                    Instant at = on(rd, last, r);
                    if (!at.isAfter(END)) {
                        pend.add(one(at, "Task", t.id, report(t, b, at, rd, 10 + r.nextInt(20), r)));
                    }
                }
                continue;
            }
            LocalDate done = doneDay(b.profile, t.deadline.dueDate(), day(last).plusDays(1), r);
            if (childDone != null) {
                done = max(done, day(childDone).plusDays(1 + r.nextInt(4)));
            } else if (delegated && r.nextInt(10) < 7) {
                done = null; // waits for the body it passed the work to
            }
            // progress in the middle (now and then) and at the end of each month before it is done
            int percent = 10 + r.nextInt(20);
            months:
            for (YearMonth m = YearMonth.from(day(last)); !m.isAfter(YearMonth.of(2026, 7)); m = m.plusMonths(1)) {
                for (int half = 0; half < 2; half++) {
                    LocalDate rd = half == 0 ? m.atDay(13 + r.nextInt(5)) : m.atEndOfMonth().minusDays(r.nextInt(4));
                    if (done != null && !rd.isBefore(done)) {
                        break months;
                    }
                    if (!rd.isAfter(day(last)) || rd.isAfter(LAST_DAY)) {
                        continue;
                    }
                    int chance = half == 0 ? 30 : b.profile == Profile.DILIGENT ? 90 : 70;
                    if (r.nextInt(100) < chance) {
                        Instant at = on(rd, last, r);
                        if (at.isAfter(END)) {
                            break months;
                        }
                        pend.add(one(at, "Task", t.id, report(t, b, at, rd, Math.min(percent, 90), r)));
                        percent += 10 + r.nextInt(20);
                        last = at;
                    }
                }
            }
            if (done == null || done.isAfter(LAST_DAY)) {
                continue;
            }
            // recorded the same day, or entered a few days later
            Instant at = on(r.nextInt(100) < 10 ? done.plusDays(1 + r.nextInt(3)) : done, last, r);
            if (at.isAfter(END)) {
                continue;
            }
            if (multi) {
                pend.add(one(at, "Task", t.id, report(t, b, at, done, 100, r)));
                doneAts.add(at);
                if (completer == null) {
                    completer = lead;
                }
            } else {
                completer = lead;
                completeAt = at;
                completedOn = done;
            }
        }
        if (multi && completer != null && doneAts.size() >= Math.ceil(0.8 * t.leads.size())) {
            // most leads reported done: the first of them declares the task done for all
            Collections.sort(doneAts);
            Instant reached = doneAts.get((int) Math.ceil(0.8 * t.leads.size()) - 1);
            completeAt = on(day(reached).plusDays(1 + r.nextInt(3)), reached, r);
            completedOn = day(completeAt);
        } else if (multi) {
            completer = null;
        }
        // cooperating bodies acknowledge now and then
        for (String c : t.coop) {
            Body b = bodies.get(c);
            if (b.profile != Profile.SILENT && b.profile != Profile.STALL && r.nextInt(100) < 60) {
                Instant at = on(day(t.assignedAt).plusDays(1 + r.nextInt(7)), t.assignedAt, r);
                if (!at.isAfter(END)) {
                    pend.add(one(at, "Task", t.id, new TaskAcknowledged(t.id, t.directiveId, c, day(at), b.officer)));
                }
            }
        }
        Instant accepted = null;
        if (completer != null && completeAt != null && !completeAt.isAfter(END)) {
            Body c = bodies.get(completer);
            pend.add(one(completeAt, "Task", t.id, completion(t, c, completedOn)));
            Instant last = completeAt;
            if (r.nextInt(100) < 5) {
                Instant rej = on(day(last).plusDays(1 + r.nextInt(4)), last, r);
                pend.add(one(rej, "Task", t.id, new CompletionRejected(t.id, t.directiveId,
                        "Sản phẩm chưa đạt yêu cầu, đề nghị bổ sung, hoàn thiện", day(rej), assigner.leader)));
                Instant again = on(day(rej).plusDays(3 + r.nextInt(8)), rej, r);
                pend.add(one(again, "Task", t.id, completion(t, c, day(again))));
                last = again;
            }
            if (r.nextInt(100) < 93) {
                accepted = on(day(last).plusDays(1 + r.nextInt(7)), last, r);
                pend.add(one(accepted, "Task", t.id, new CompletionAccepted(t.id, t.directiveId, day(accepted),
                        assigner.leader)));
            }
        }
        // the assigner urges a slow start and an overdue task
        if (slowStart != null) {
            Instant at = on(day(slowStart).plusDays(8 + r.nextInt(5)), slowStart, r);
            pend.add(one(at, "Task", t.id, new TaskUrged(t.id, t.directiveId,
                    "Đề nghị các đơn vị khẩn trương triển khai thực hiện nhiệm vụ được giao", day(at), assigner.leader)));
        }
        LocalDate due = t.deadline.dueDate();
        if (due != null && (completedOn == null || completedOn.isAfter(due.plusDays(3)))) {
            Instant at = on(due.plusDays(3 + r.nextInt(4)), t.assignedAt, r);
            if (completeAt == null || at.isBefore(completeAt)) {
                pend.add(one(at, "Task", t.id, new TaskUrged(t.id, t.directiveId,
                        "Nhiệm vụ đã quá hạn; đề nghị khẩn trương hoàn thành, báo cáo kết quả", day(at),
                        assigner.leader)));
            }
        }
        // nothing happens to a task after its completion was accepted, nor after the period
        if (accepted != null && accepted.isAfter(END)) {
            accepted = null;
        }
        Instant cut = accepted != null ? accepted : END;
        pend.sort((a, b) -> a.at.compareTo(b.at));
        for (Pending p : pend) {
            if (p.at.isAfter(cut)) {
                continue;
            }
            sink.add(new Commit(p.at, tie++, p.events));
            if (p.childCommits != null) {
                sink.addAll(p.childCommits);
            }
        }
        return accepted;
    }

    /** The accepted completion instant a delegation's child sink ends with, if any. */
    private static Instant doneOf(Pending d) {
        for (int i = d.childCommits.size() - 1; i >= 0; i--) {
            Commit c = d.childCommits.get(i);
            if (c.events.size() == 1 && c.events.get(0).payload instanceof CompletionAccepted ca
                    && c.events.get(0).aggregateId.equals(((TaskAssigned) d.events.get(1).payload).taskId())) {
                return c.at;
            }
        }
        return null;
    }

    private void monthly(TaskCtx t, Body b, Instant ack, List<Pending> pend, SplittableRandom r) {
        Instant last = ack;
        boolean first = true;
        for (YearMonth m = YearMonth.of(2026, 4); !m.isAfter(YearMonth.of(2026, 7)); m = m.plusMonths(1)) {
            LocalDate rd = m.equals(YearMonth.of(2026, 7)) ? m.atEndOfMonth().minusDays(r.nextInt(4))
                    : m.atEndOfMonth().minusDays(3).plusDays(r.nextInt(8));
            if (b.profile == Profile.LATE) {
                rd = rd.plusDays(2 + r.nextInt(9));
            }
            if (!rd.isAfter(day(ack)) || rd.isAfter(LAST_DAY)) {
                continue;
            }
            if (b.profile == Profile.STALL && !first) {
                break;
            }
            int skip = switch (b.profile) {
                case DILIGENT -> 3;
                case NORMAL -> 10;
                default -> 25;
            };
            first = false;
            if (r.nextInt(100) < skip) {
                continue; // a missed period
            }
            Instant at = on(rd, last, r);
            if (at.isAfter(END)) {
                break;
            }
            pend.add(one(at, "Task", t.id, new ProgressReported(t.id, t.directiveId, b.code, Names.pick(r, MONTHLY),
                    null, m, rd, r.nextInt(100) < 20 ? List.of(attachment("bao-cao-thang-" + m + ".pdf", t.id + b.code + m))
                    : List.of(), b.officer)));
            last = at;
        }
    }

    private ProgressReported report(TaskCtx t, Body b, Instant at, LocalDate on, int percent, SplittableRandom r) {
        YearMonth period = t.deadline.recurring() ? YearMonth.from(on) : null;
        String text = percent >= 100 ? "Đã hoàn thành nhiệm vụ được giao; gửi báo cáo kết quả" : Names.pick(r, PROGRESS);
        return new ProgressReported(t.id, t.directiveId, b.code, text, percent, period, on,
                r.nextInt(100) < 15 ? List.of(attachment("bao-cao-tien-do.pdf", t.id + b.code + at)) : List.of(),
                b.officer);
    }

    private TaskCompleted completion(TaskCtx t, Body lead, LocalDate on) {
        return new TaskCompleted(t.id, t.directiveId, "Đã hoàn thành: " + shorten(t.work),
                List.of(attachment("ket-qua-" + t.code + ".pdf", t.id + on)), on, lead.officer);
    }

    /** TaskDelegated on the parent and the child's TaskAssigned in one commit; the child's life into childSink. */
    private Pending delegate(TaskCtx parent, Body lead, Instant at, SplittableRandom r, List<Commit> childSink) {
        Body child = bodies.get(switch (lead.level) {
            case PROVINCE -> "DUUBND-" + lead.code.substring(3);
            case COMMUNE -> (r.nextBoolean() ? "VP-" : "BXDD-") + lead.code.substring(3);
            default -> Names.pick(r, lead.children);
        });
        String childId = parent.id + "." + parent.nextChild++;
        String code = childId.substring(parent.directiveId.length() + 1);
        LocalDate today = day(at);
        String wording = parent.deadline.wording();
        if (parent.deadline.hasDueDate()) {
            LocalDate d = parent.deadline.dueDate().minusDays(3 + r.nextInt(8));
            if (!d.isBefore(today.plusDays(5))) {
                wording = r.nextBoolean() ? "trước ngày " + dmy(d.plusDays(1)) : "hoàn thành chậm nhất ngày " + dmy(d);
            }
        }
        Deadline cd = deadline(wording);
        if (cd.laterThan(parent.deadline)) {
            throw new IllegalStateException("child deadline " + wording + " after parent's " + parent.deadline);
        }
        TaskSpec spec = new TaskSpec(code, "Thực hiện: " + shorten(parent.work),
                r.nextInt(100) < 25 ? null : new Person(child.leader.fullName(), child.leader.position()),
                List.of(child.code), List.of(), wording, "Báo cáo kết quả thực hiện");
        TaskDelegated delegated = new TaskDelegated(parent.id, parent.directiveId, childId, lead.code,
                spec.leadBodies(), spec.cooperatingBodies(), cd, today, lead.leader);
        TaskAssigned assigned = new TaskAssigned(childId, parent.directiveId, parent.id, code, spec.work(),
                spec.responsible(), spec.leadBodies(), spec.cooperatingBodies(), cd, spec.product(), lead.code,
                SixClear.missing(spec, cd, lead.code, parent.directiveId), today, lead.leader);
        TaskCtx c = new TaskCtx(childId, parent.directiveId, code, spec.work(), lead.code, spec.leadBodies(), List.of(),
                cd, at, null);
        lifecycle(c, childSink);
        return new Pending(at, List.of(new Ev("Task", parent.id, delegated), new Ev("Task", childId, assigned)),
                childSink);
    }

    private static double delegationChance(Body b) {
        return switch (b.level) {
            case PROVINCE -> 0.35;
            case COMMUNE -> 0.25;
            case UNIT -> b.code.startsWith("DUUBND-") && b.code.indexOf('-', 7) < 0 ? 0.8 : 0.6;
            default -> 0;
        };
    }

    private static int ackDelay(Profile p, SplittableRandom r) {
        return switch (p) {
            case DILIGENT -> r.nextInt(3);
            case NORMAL -> 1 + r.nextInt(5);
            case LATE -> 4 + r.nextInt(12);
            default -> 2 + r.nextInt(9);
        };
    }

    /** The day the lead finishes, by its habits, relative to the due day; never before {@code earliest}. */
    private static LocalDate doneDay(Profile p, LocalDate due, LocalDate earliest, SplittableRandom r) {
        LocalDate base = due != null ? due : earliest.plusDays(30);
        LocalDate d = switch (p) {
            case DILIGENT -> base.minusDays(2 + r.nextInt(19));
            case NORMAL -> r.nextInt(100) < 85 ? base.minusDays(r.nextInt(13)) : base.plusDays(1 + r.nextInt(8));
            default -> base.plusDays(3 + r.nextInt(33));
        };
        return d.isBefore(earliest) ? earliest.plusDays(r.nextInt(5)) : d;
    }

    // ------------------------------------------------------------------ plumbing

    private void finish() {
        commits.sort((a, b) -> {
            int c = a.at.compareTo(b.at);
            return c != 0 ? c : Long.compare(a.tie, b.tie);
        });
        Map<String, Long> next = new HashMap<>();
        for (Commit c : commits) {
            for (Ev e : c.events) {
                long s = next.merge(e.aggregateId, 1L, Long::sum) - 1;
                e.seq = s;
                boolean creation = e.payload instanceof BodyRegistered || e.payload instanceof DirectiveIssued
                        || e.payload instanceof TaskAssigned;
                if (creation != (s == 0)) {
                    throw new IllegalStateException("aggregate " + e.aggregateId + ": "
                            + e.payload.getClass().getSimpleName() + " at sequence " + s);
                }
                if (c.at.isAfter(END)) {
                    throw new IllegalStateException("event after the period: " + c.at);
                }
                events++;
                eventTypes.merge(e.payload.getClass().getSimpleName(), 1L, Long::sum);
            }
        }
    }

    private void commit(Instant at, Ev... evs) {
        commits.add(new Commit(at, tie++, List.of(evs)));
    }

    private static Ev ev(String type, String id, Object payload) {
        return new Ev(type, id, payload);
    }

    private static Pending one(Instant at, String type, String id, Object payload) {
        return new Pending(at, List.of(new Ev(type, id, payload)), null);
    }

    private Deadline deadline(String wording) {
        String key = wording == null ? "" : wording;
        return deadlines.computeIfAbsent(key, k -> DeadlineParser.parse(wording));
    }

    /**
     * An instant on {@code day} in working hours (07:30 to 17:00 in Vietnam), and at least a minute after
     * {@code notBefore} (which may push it into the evening or a later day).
     */
    private static Instant on(LocalDate day, Instant notBefore, SplittableRandom r) {
        Instant t = day.atTime(LocalTime.of(7, 30)).atZone(VN).toInstant().plusSeconds(r.nextInt(9 * 3600 + 1800));
        if (notBefore != null) {
            Instant min = notBefore.plusSeconds(60 + r.nextInt(3000));
            if (t.isBefore(min)) {
                t = min;
            }
        }
        return t;
    }

    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, VN);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String dmy(LocalDate d) {
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    private static String shorten(String s) {
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }

    private static String directiveId(String issuer, String symbol) {
        return UUID.nameUUIDFromBytes(("ledger-cascade/" + issuer + "/" + symbol).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Attachment attachment(String name, String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return new Attachment(name, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random stream for one decision point: the same for a given seed and key, whatever ran before. */
    private SplittableRandom rng(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= seed * 0x9E3779B97F4A7C15L;
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        return new SplittableRandom(h);
    }
}

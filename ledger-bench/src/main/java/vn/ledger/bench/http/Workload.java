package vn.ledger.bench.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's users, bodies, directives and the commands each client sends.
 *
 * <p>One central steering body with a leader, and one unit per client with its officer. Each load level gets its
 * own directive, issued by the leader to as many units as there are clients, {@value #TASKS_PER_CLIENT} tasks led
 * by each unit and co-operated by the next. Client i, the officer of unit i, acknowledges receipt of the directive
 * (all clients on one aggregate: the conflicts of a real morning), acknowledges its tasks, then reports progress on
 * them in turn; every tenth report is on a task of the previous unit, where it co-operates, so two clients now and
 * then append to the same task.
 */
final class Workload {

    static final String PASSWORD = "bench";
    static final String ROOT = "BCD";
    static final String ADMIN = "bench.admin";
    static final String LEADER = "bench.leader";
    static final int TASKS_PER_CLIENT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String user, String path, String json, String idempotencyKey) {
    }

    private final boolean idempotencyKeys;

    Workload(boolean idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
    }

    static String unit(int i) {
        return String.format("U-%02d", i);
    }

    static String officer(int i) {
        return "bench.officer" + i;
    }

    /** The users as Spring properties, replacing whatever list application.yml has. */
    static List<String> userProperties(int units) {
        List<String> out = new ArrayList<>();
        // the benchmark's instance is private to it: plain-text passwords (see user) are allowed explicitly
        out.add("--ledger.login.plain-passwords-allowed=true");
        user(out, 0, ADMIN, "Quản trị hệ thống", ROOT, "ADMIN");
        user(out, 1, LEADER, "Phạm Gia Túc", ROOT, "LEADER");
        for (int i = 0; i < units; i++) {
            user(out, 2 + i, officer(i), "Chuyên viên đơn vị " + i, unit(i), "OFFICER");
        }
        return out;
    }

    private static void user(List<String> out, int n, String name, String fullName, String body, String role) {
        String p = "--ledger.users[" + n + "].";
        out.add(p + "username=" + name);
        // {noop}: HTTP Basic checks the password on every request, and a bcrypt check would cost more CPU than
        // the command it guards; the store is what this benchmark measures
        out.add(p + "password={noop}" + PASSWORD);
        out.add(p + "full-name=" + fullName);
        out.add(p + "position=Chuyên viên");
        out.add(p + "body-code=" + body);
        out.add(p + "roles=" + role);
    }

    static void registerBodies(LedgerHttp http, int units) throws IOException, InterruptedException {
        http.postOrFail(new Request(ADMIN, "/api/bodies", json(map("code", ROOT, "name",
                "Ban Chỉ đạo Trung ương (benchmark)", "level", "CENTRAL", "effectiveDate", "2025-07-01")), null));
        for (int i = 0; i < units; i++) {
            http.postOrFail(new Request(ADMIN, "/api/bodies", json(map("code", unit(i), "name",
                    "Đơn vị thực hiện số " + i, "parentCode", ROOT, "level", "UNIT",
                    "effectiveDate", "2025-07-01")), null));
        }
    }

    static void issue(LedgerHttp http, String directiveId, int clients) throws IOException, InterruptedException {
        List<String> units = new ArrayList<>();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            units.add(unit(i));
            for (int j = 0; j < TASKS_PER_CLIENT; j++) {
                tasks.add(map("code", code(i, j),
                        "work", "Tổ chức quán triệt, triển khai nội dung số " + (j + 1) + " của Thông báo đến cán bộ, "
                                + "đảng viên; xây dựng kế hoạch thực hiện, phân công cụ thể",
                        "responsible", map("name", "Thủ trưởng đơn vị " + i, "position", "Giám đốc"),
                        "leadBodies", List.of(unit(i)),
                        "cooperatingBodies", clients > 1 ? List.of(unit((i + 1) % clients)) : List.of(),
                        "deadline", "trước ngày 30/12/2026",
                        "product", "Báo cáo kết quả thực hiện"));
            }
        }
        http.postOrFail(new Request(LEADER, "/api/directives", json(map("directiveId", directiveId,
                "symbol", directiveId + "-TB/BCĐ", "kind", "THONG_BAO",
                "signer", map("name", "Phạm Gia Túc", "position", "Chánh Văn phòng", "capacity", "TM"),
                "issuedOn", "2026-03-20",
                "subject", "Kết luận của Ban Chỉ đạo về triển khai thực hiện nhiệm vụ (" + directiveId + ")",
                "recipientsForAction", units, "tasks", tasks)), null));
    }

    /**
     * Waits until every read model's processor has handled the last commit (the admin status shows no lag), so
     * that the raw side does not share the machine with the application's leftover work; answers the seconds waited.
     */
    static double awaitReadModels(LedgerHttp http, double maxSeconds) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Pattern lag = Pattern.compile("\"lag\"\\s*:\\s*(\\d+)");
        while ((System.nanoTime() - t0) / 1e9 < maxSeconds) {
            Matcher m = lag.matcher(http.get(ADMIN, "/api/admin/read-models"));
            boolean any = false, behind = false;
            while (m.find()) {
                any = true;
                behind |= Long.parseLong(m.group(1)) > 0;
            }
            if (any && !behind) {
                break;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Command n of a client on the level's directive. */
    Request command(String directiveId, int clients, int client, long n) {
        String user = officer(client);
        String key = idempotencyKeys ? directiveId + "-" + client + "-" + n : null;
        if (n == 0) {
            return new Request(user, "/api/directives/" + directiveId + "/receipts", "{}", key);
        }
        if (n <= TASKS_PER_CLIENT) {
            return new Request(user, task(directiveId, client, (int) n - 1) + "/acknowledge", "{}", key);
        }
        long k = n - TASKS_PER_CLIENT - 1;
        boolean cooperating = clients > 1 && k % 10 == 9;
        int owner = cooperating ? (client + clients - 1) % clients : client;
        int j = (int) (cooperating ? (k / 10) % TASKS_PER_CLIENT : k % TASKS_PER_CLIENT);
        String text = "Báo cáo tiến độ lần " + (k / TASKS_PER_CLIENT + 1) + " của " + unit(client)
                + ": đã quán triệt đến toàn thể cán bộ, đảng viên; đang triển khai theo kế hoạch, "
                + "dự kiến hoàn thành đúng thời hạn";
        return new Request(user, task(directiveId, owner, j) + "/reports",
                json(map("text", text, "percent", (int) Math.min(100, k / TASKS_PER_CLIENT))), key);
    }

    private static String task(String directiveId, int unit, int j) {
        return "/api/tasks/" + directiveId + "/" + code(unit, j);
    }

    private static String code(int unit, int j) {
        return "T" + unit + "." + (j + 1);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

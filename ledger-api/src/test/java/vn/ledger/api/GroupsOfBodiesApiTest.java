package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import vn.ledger.api.history.Paths;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A national notice to "Các tỉnh ủy, thành ủy" is one command: the group is kept as written, expanded to the
 * provinces of the issue date, and each province receives, acts and is counted on its own.
 */
class GroupsOfBodiesApiTest extends ApiTestSupport {

    private static final String PROVINCES = "Các tỉnh ủy, thành ủy";
    private static final Map<String, Object> ALL_PROVINCES = Map.of("kind", "ALL_PROVINCES", "wording", PROVINCES);

    /** A notice of the Standing Body (user tuc), issued today (10/4/2026 on the tests' clock). */
    private static Map<String, Object> notice(Map<String, Object> recipientGroup, Map<String, Object> task) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("symbol", DirectiveApiTest.symbol());
        d.put("kind", "THONG_BAO");
        d.put("signer", Map.of("name", "Phạm Gia Túc", "position", "Chánh Văn phòng"));
        d.put("issuedOn", "10/4/2026");
        d.put("subject", "Thông báo kết luận gửi các tỉnh ủy, thành ủy");
        d.put("recipientGroupsForAction", List.of(recipientGroup));
        d.put("tasks", task == null ? List.of() : List.of(task));
        return d;
    }

    private static Map<String, Object> provincesLead() {
        return Map.of("code", "1", "work", "Quán triệt, tổ chức thực hiện", "leadGroups", List.of(ALL_PROVINCES),
                "deadline", "trong tháng 5/2026", "product", "Báo cáo kết quả");
    }

    @Test
    void a_notice_to_every_province_is_one_command_and_each_province_receives_acts_and_counts_on_its_own()
            throws Exception {
        String p1 = body("GP", null, "PROVINCE");
        String p2 = body("GP", null, "PROVINCE");
        String gone = body("GP", null, "PROVINCE");
        Response closed = post(ADMIN, "/api/bodies/" + gone + "/close",
                Map.of("reason", "Sáp nhập", "effectiveDate", "5/4/2026"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        Response issued = post("tuc", "/api/directives", notice(ALL_PROVINCES, provincesLead()));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        List<String> taskIds = texts(issued.body().get("taskIds"));
        assertThat(taskIds).contains(id + "/1@TU-DIENBIEN", id + "/1@" + p1, id + "/1@" + p2)
                .doesNotContain(id + "/1@" + gone);

        // the event keeps the wording and the provinces of the issue date, each recipient once
        JsonNode event = get(INSPECTOR, "/api/directives/" + id + "/history").body().at("/events/0/payload");
        JsonNode group = event.at("/recipientGroupsForAction/0");
        assertThat(group.at("/group/wording").asText()).isEqualTo(PROVINCES);
        List<String> members = texts(group.get("members"));
        assertThat(members).contains("TU-DIENBIEN", p1, p2).doesNotContain(gone).doesNotHaveDuplicates();
        assertThat(texts(event.get("recipientsForAction"))).containsExactlyElementsOf(members);
        assertThat(taskIds).hasSameSizeAs(members);

        // Điện Biên receives and works on its own task; it cannot act on another province's
        assertThat(post("tu.officer", "/api/directives/" + id + "/receipts", Map.of()).status()).isEqualTo(201);
        String own = "/api/tasks/" + id + "/1@TU-DIENBIEN";
        assertThat(post("tu.officer", own + "/acknowledge", Map.of()).status()).isEqualTo(200);
        Response report = post("tu.officer", own + "/reports", Map.of("text", "Đã quán triệt", "percent", 40));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        assertProblem(post("tu.officer", "/api/tasks/" + id + "/1@" + p1 + "/acknowledge", Map.of()), 403,
                "auth.not-assignee");

        // the directive shows the group as written beside its members, and each receipt on its own
        JsonNode state = eventually("/api/directives/" + id + "/state",
                s -> assertThat(s.at("/data/receivedCount").asLong()).isEqualTo(1)).get("data");
        JsonNode shown = state.at("/recipientGroups/0");
        assertThat(shown.get("wording").asText()).isEqualTo(PROVINCES);
        assertThat(shown.get("kind").asText()).isEqualTo("ALL_PROVINCES");
        assertThat(shown.get("role").asText()).isEqualTo("ACTION");
        assertThat(shown.get("memberCount").asInt()).isEqualTo(members.size());
        assertThat(texts(shown.get("members"))).containsExactlyElementsOf(members);
        assertThat(state.get("recipientCount").asLong()).isEqualTo(members.size());
        assertThat(list(state.get("tasks"))).extracting(t -> t.get("taskId").asText())
                .containsExactlyInAnyOrderElementsOf(taskIds);

        // the chain counts one task per province, Điện Biên's started, the others not
        JsonNode chain = eventually("/api/directives/" + id + "/chain?depth=1", c -> assertThat(
                statuses(c.at("/data/root"))).containsEntry("1@TU-DIENBIEN", "IN_PROGRESS_ON_TIME")).at("/data/root");
        assertThat(chain.at("/rollup/tasks").asLong()).isEqualTo(members.size());
        assertThat(statuses(chain)).containsEntry("1@" + p1, "NOT_STARTED").containsEntry("1@" + p2, "NOT_STARTED")
                .hasSize(members.size());

        // and so does each province's dashboard, and its task says which group it was named through
        JsonNode dashboard = eventually("/api/bodies/" + p1 + "/dashboard",
                d -> assertThat(d.at("/data/assigned").asLong()).isEqualTo(1)).get("data");
        assertThat(dashboard.get("open").asLong()).isEqualTo(1);
        JsonNode task = eventually("/api/tasks/" + id + "/1@" + p1 + "/state", t -> { }).get("data");
        assertThat(texts(task.get("leadBodies"))).containsExactly(p1);
        assertThat(task.at("/leadGroups/0/wording").asText()).isEqualTo(PROVINCES);
    }

    @Test
    void the_chain_shows_above_each_province_s_task_the_group_it_was_named_through() throws Exception {
        // given a notice whose task 1 is led by "Các tỉnh ủy, thành ủy", and a task 2 added for one ministry by name
        Response issued = post("tuc", "/api/directives", notice(ALL_PROVINCES, provincesLead()));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        int members = issued.body().get("taskIds").size();
        Response plain = post("tuc", "/api/directives/" + id + "/tasks", Map.of("code", "2", "work", "Hướng dẫn",
                "leadBodies", List.of("BKHCN"), "deadline", "trong tháng 6/2026", "product", "Văn bản hướng dẫn",
                "assignedOn", "10/4/2026"));
        assertThat(plain.status()).as(plain.raw()).isEqualTo(201);

        // when the chain is read, live and on the business day of the notice (replayed from the events)
        String chain = "/api/directives/" + id + "/chain?depth=1";
        JsonNode live = eventually(chain, c -> assertThat(c.at("/data/root/rollup/tasks").asLong())
                .isEqualTo(members + 1)).at("/data/root");
        JsonNode onDay = eventually(chain + "&onDay=2026-04-10", c -> { }).at("/data/root");

        // then each province's task carries the group as written; the ministry's, named by itself, none
        for (JsonNode root : List.of(live, onDay)) {
            List<JsonNode> tasks = list(root.get("children")).stream()
                    .filter(c -> "TASK".equals(c.get("kind").asText())).toList();
            assertThat(tasks).hasSize(members + 1);
            for (JsonNode t : tasks) {
                if (t.get("label").asText().startsWith("1@")) {
                    assertThat(t.at("/leadGroups/0/wording").asText()).as(t.toString()).isEqualTo(PROVINCES);
                    assertThat(t.at("/leadGroups/0/kind").asText()).isEqualTo("ALL_PROVINCES");
                    assertThat(t.get("leadGroups")).hasSize(1);
                } else {
                    assertThat(t.get("label").asText()).isEqualTo("2");
                    assertThat(t.get("leadGroups")).as(t.toString()).isEmpty();
                }
            }
        }
        // and a province's own chain, the task at its root, says it too
        JsonNode own = eventually("/api/tasks/" + id + "/1@TU-DIENBIEN/chain", c -> { }).at("/data/root");
        assertThat(own.at("/leadGroups/0/wording").asText()).isEqualTo(PROVINCES);
    }

    @Test
    void the_task_ids_answered_are_those_the_directive_created_while_provinces_are_being_registered()
            throws Exception {
        // given provinces being registered while notices to every province, and tasks for them, are issued
        ExecutorService registrar = Executors.newSingleThreadExecutor();
        Future<?> registering = registrar.submit(() -> {
            for (int i = 0; i < 6; i++) {
                body("GR", null, "PROVINCE");
            }
            return null;
        });
        List<Response> issued = new ArrayList<>();
        List<Response> added = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Response notice = post("tuc", "/api/directives", notice(ALL_PROVINCES, provincesLead()));
                issued.add(notice);
                added.add(post("tuc", "/api/directives/" + notice.text("id") + "/tasks", Map.of("code", "2",
                        "work", "Sơ kết", "leadGroups", List.of(ALL_PROVINCES), "deadline", "trong tháng 6/2026",
                        "product", "Báo cáo sơ kết", "assignedOn", "10/4/2026")));
            }
            registering.get();
        } finally {
            registrar.shutdown();
        }

        // then each answer names exactly the tasks stored: one per province the directive recorded as a recipient
        for (int i = 0; i < issued.size(); i++) {
            Response notice = issued.get(i);
            assertThat(notice.status()).as(notice.raw()).isEqualTo(201);
            assertThat(added.get(i).status()).as(added.get(i).raw()).isEqualTo(201);
            String id = notice.text("id");
            List<String> members = texts(get(INSPECTOR, "/api/directives/" + id + "/history").body()
                    .at("/events/0/payload/recipientGroupsForAction/0/members"));
            List<String> answered = texts(notice.body().get("taskIds"));
            assertThat(answered).containsExactlyElementsOf(members.stream().map(m -> id + "/1@" + m).toList());
            List<String> answeredLater = texts(added.get(i).body().get("taskIds"));
            for (String task : answeredLater) {
                JsonNode history = get(INSPECTOR, Paths.taskHistory(task)).body();
                assertThat(history.at("/events/0/type").asText()).as(task).isEqualTo("TaskAssigned");
            }
            List<String> all = new ArrayList<>(answered);
            all.addAll(answeredLater);
            eventually("/api/directives/" + id + "/state", st -> assertThat(list(st.at("/data/tasks")))
                    .extracting(t -> t.get("taskId").asText()).containsExactlyInAnyOrderElementsOf(all));
        }
    }

    @Test
    void a_task_added_for_the_bodies_directly_under_a_body_answers_one_task_per_member() throws Exception {
        String province = body("GQ", null, "PROVINCE");
        String unit1 = body("GU", province, "UNIT");
        String unit2 = body("GU", province, "UNIT");
        Response issued = post("tuc", "/api/directives", notice(ALL_PROVINCES, null));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");

        Response added = post("tuc", "/api/directives/" + id + "/tasks", Map.of("code", "2", "work", "Tuyên truyền",
                "leadGroups", List.of(Map.of("kind", "DIRECTLY_UNDER", "of", province,
                        "wording", "Các chi, đảng bộ trực thuộc")),
                "deadline", "trong tháng 6/2026", "product", "Báo cáo", "assignedOn", "10/4/2026"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(texts(added.body().get("taskIds")))
                .containsExactlyInAnyOrder(id + "/2@" + unit1, id + "/2@" + unit2);

        Response again = post("tuc", "/api/directives/" + id + "/tasks", Map.of("code", "2", "work", "Lần nữa",
                "leadGroups", List.of(Map.of("kind", "DIRECTLY_UNDER", "of", province, "wording", "trực thuộc"))));
        assertProblem(again, 422, "task.code.taken");
    }

    @Test
    void a_configured_list_cooperates_its_bodies_joining_the_cooperating_bodies_once() throws Exception {
        Map<String, Object> task = Map.of("code", "1", "work", "Rà soát danh mục", "leadBodies", List.of("BKHCN"),
                "cooperatingBodies", List.of("BQP"), "cooperatingGroups", List.of(Map.of("kind", "NAMED",
                        "of", "bo-phoi-hop-ii1", "wording", "các Bộ: Quốc phòng, Công an, Công Thương, ...")),
                "deadline", "trong tháng 5/2026", "product", "Danh mục");
        Response issued = post("tuc", "/api/directives", notice(ALL_PROVINCES, task));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        assertThat(texts(issued.body().get("taskIds"))).containsExactly(id + "/1");

        JsonNode assigned = get(INSPECTOR, "/api/tasks/" + id + "/1/history").body().at("/events/0/payload");
        assertThat(texts(assigned.get("cooperatingBodies")))
                .containsExactly("BQP", "BCA", "BCT", "BNNMT", "BYT", "BXD", "BGDDT", "BTC");
        assertThat(assigned.at("/cooperatingGroups/0/group/of").asText()).isEqualTo("bo-phoi-hop-ii1");
        assertThat(texts(assigned.at("/cooperatingGroups/0/members"))).hasSize(8);
    }

    @Test
    void a_group_that_cannot_be_read_or_has_no_member_is_refused_naming_the_field_and_the_rule() throws Exception {
        Response noKind = post("tuc", "/api/directives", notice(Map.of("wording", PROVINCES), null));
        assertProblem(noKind, 400, "validation.failed");
        assertThat(noKind.raw()).contains("recipientGroupsForAction[0].kind");

        String lonely = body("GL", null, "PROVINCE");
        Response empty = post("tuc", "/api/directives", notice(Map.of("kind", "DIRECTLY_UNDER", "of", lonely,
                "wording", "Các đảng ủy trực thuộc"), null));
        assertProblem(empty, 422, "group.empty");
        assertThat(empty.field()).isEqualTo("recipientGroupsForAction[0]");

        Response unknown = post("tuc", "/api/directives", notice(Map.of("kind", "NAMED", "of", "khong-co",
                "wording", "Danh sách"), null));
        assertProblem(unknown, 422, "group.list.unknown");
        assertThat(unknown.field()).isEqualTo("recipientGroupsForAction[0].of");

        Map<String, Object> at = new LinkedHashMap<>(provincesLead());
        at.put("code", "1@X");
        assertProblem(post("tuc", "/api/directives", notice(ALL_PROVINCES, at)), 400, "validation.failed");
    }

    // ------------------------------------------------------------------ helpers

    /** A body that exists from 1/4/2026, before the notices of these tests (the domain's today is the real one). */
    private String body(String prefix, String parent, String level) throws Exception {
        String code = uniqueCode(prefix);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Cơ quan thử " + code);
        body.put("parentCode", parent);
        body.put("level", level);
        body.put("effectiveDate", "1/4/2026");
        Response r = post(ADMIN, "/api/bodies", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return code;
    }




    private static Map<String, String> statuses(JsonNode directiveNode) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : list(directiveNode.get("children"))) {
            if ("TASK".equals(c.get("kind").asText())) {
                out.put(c.get("label").asText(), c.get("status").asText());
            }
        }
        return out;
    }
}

package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A province's letter names the central task it makes concrete; its deadline may not be later than that task's. */
class ImplementationLinkApiTest extends ApiTestSupport {

    /** A letter of the Điện Biên Provincial Committee (user do) citing {@code cited}, with one task. */
    private static Map<String, Object> letter(String cited, Map<String, Object> task) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("symbol", DirectiveApiTest.symbol().replace("-TB/THU", "-CV/TU"));
        d.put("kind", "CONG_VAN");
        d.put("signer", Map.of("name", "Lê Thành Đô", "position", "Phó Bí thư", "capacity", "TM"));
        d.put("issuedOn", "23/3/2026");
        d.put("subject", "V/v triển khai thực hiện " + cited);
        d.put("recipientsForAction", List.of("DUUBND-DIENBIEN"));
        d.put("implementsDirectives", List.of(Map.of("asWritten", cited)));
        d.put("tasks", List.of(task));
        return d;
    }

    private static Map<String, Object> task(String deadline, String... implementsTasks) {
        return Map.of("code", "2", "work", "Cụ thể hóa nhiệm vụ 1", "leadBodies", List.of("DUUBND-DIENBIEN"),
                "deadline", deadline, "product", "Kế hoạch", "implementsTasks", List.of(implementsTasks));
    }

    @Test
    void a_task_names_the_cited_task_it_makes_concrete_no_later_than_it() throws Exception {
        String symbol = DirectiveApiTest.symbol();
        Response central = post("tuc", "/api/directives", DirectiveApiTest.directive(symbol)); // task 1 due 4/4/2026
        assertThat(central.status()).as(central.raw()).isEqualTo(201);
        String centralId = central.text("id");

        Response late = post("do", "/api/directives", letter(symbol, task("trong tháng 5/2026", "1")));
        assertProblem(late, 422, "task.deadline.after-parent");
        assertThat(late.field()).isEqualTo("tasks[0].deadline");
        assertThat(late.text("detail")).contains(centralId + "/1");

        assertProblem(post("do", "/api/directives", letter(symbol, task("ngày 01/4/2026", "9"))), 422,
                "task.link.unresolved");

        Response ok = post("do", "/api/directives", letter(symbol, task("ngày 01/4/2026", "1")));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        JsonNode assigned = get(INSPECTOR, "/api/tasks/" + ok.text("id") + "/2/history").body().at("/events/0/payload");
        assertThat(assigned.at("/implementsTasks/0/asWritten").asText()).isEqualTo("1");
        assertThat(assigned.at("/implementsTasks/0/taskId").asText()).isEqualTo(centralId + "/1");
    }
}

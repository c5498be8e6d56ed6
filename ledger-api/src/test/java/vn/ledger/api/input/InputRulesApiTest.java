package vn.ledger.api.input;

import org.junit.jupiter.api.Test;
import vn.ledger.api.ApiTestSupport;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the input rules keep, change and refuse, seen through the API. */
class InputRulesApiTest extends ApiTestSupport {

    @Test
    void textIsStoredNfcNormalisedWithItsNewlinesAndTabs() throws Exception {
        String code = registerBody("NFC", "VPTW", "UNIT");
        Response r = post(ADMIN, "/api/bodies/" + code + "/rename", Map.of("newName", "Ban Cu\u0309a xa\u0303"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        r = post(ADMIN, "/api/bodies/" + code + "/close", Map.of("reason", "Sáp nhập:\n\t- theo Quyết định\r\nsố 1 😀"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);

        Response history = get(INSPECTOR, "/api/bodies/" + code + "/history");
        assertThat(history.body().at("/events/1/payload/newName").asText()).isEqualTo("Ban C\u1EE7a x\u00e3");
        assertThat(history.body().at("/events/2/payload/reason").asText())
                .isEqualTo("Sáp nhập:\n\t- theo Quyết định\r\nsố 1 😀");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutAnIdempotencyKey() throws Exception {
        long before = commitCount();
        Response r = post(ADMIN, "/api/bodies", "{\"code\":\"" + "A".repeat(1024 * 1024) + "\"}");
        assertProblem(r, 413, "request.too-large");
        assertThat(commitCount()).isEqualTo(before);
    }

    @Test
    void aDateGivenAsAnObjectIsRefusedNotReadAsNoDate() throws Exception {
        String code = registerBody("DATE", "VPTW", "UNIT");
        long before = commitCount();
        Response r = post(ADMIN, "/api/bodies/" + code + "/rename",
                "{\"effectiveDate\":{\"newName\":\"X\"},\"newName\":\"Y\"}");
        assertProblem(r, 400, "json.wrong-type");
        assertThat(r.field()).isEqualTo("effectiveDate");
        assertThat(commitCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateKeyIsRefusedNamingIt() throws Exception {
        Response r = post("tuc", "/api/directives/" + vn.ledger.api.demo.DemoDataLoader.A + "/recall",
                "{\"reason\":\"a\",\"reason\":\"b\"}");
        assertProblem(r, 400, "json.duplicate-key");
        assertThat(r.field()).isEqualTo("reason");
        assertThat(r.text("pointer")).isEqualTo("/reason");
    }

    @Test
    void namesSymbolsAndDeadlinesAreOneLine() throws Exception {
        String code = registerBody("LINE", "VPTW", "UNIT");
        Response r = post(ADMIN, "/api/bodies/" + code + "/rename", Map.of("newName", "Ban A\nBan B"));
        assertProblem(r, 400, "validation.failed");
        assertThat(r.field()).isEqualTo("newName");
        assertThat(r.body().get("errors").findValuesAsText("rule")).containsExactly("SingleLine");
    }
}

package vn.ledger.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BodyApiTest extends ApiTestSupport {

    @Test
    void registersRenamesClosesAndMergesBodies() throws Exception {
        String province = registerBody("P", null, "PROVINCE");
        String commune = registerBody("X", province, "COMMUNE");
        String other = registerBody("X", province, "COMMUNE");

        Response renamed = post(ADMIN, "/api/bodies/" + commune + "/rename",
                Map.of("newName", "Đảng ủy xã mới", "effectiveDate", "1/7/2025"));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.text("id")).isEqualTo(commune);
        assertThat(renamed.text("history")).isEqualTo("/api/bodies/" + commune + "/history");

        Response merged = post(ADMIN, "/api/bodies/" + commune + "/merge", Map.of("intoCode", other));
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);

        Response closed = post(ADMIN, "/api/bodies/" + other + "/close", Map.of("reason", "Giải thể"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        Response history = get(INSPECTOR, "/api/bodies/" + commune + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("events").findValuesAsText("type"))
                .containsExactly("BodyRegistered", "BodyRenamed", "BodyMerged");
        assertThat(history.body().at("/events/1/payload/oldName").asText()).startsWith("Cơ quan thử");
        assertThat(history.body().at("/events/1/payload/effectiveDate").asText()).isEqualTo("2025-07-01");
        // the actor is the authenticated admin, not anything from the request
        assertThat(history.body().at("/events/0/payload/actor/username").asText()).isEqualTo(ADMIN);
    }

    @Test
    void unauthenticatedIs401AndWrongRoleIs403() throws Exception {
        Map<String, Object> body = Map.of("code", uniqueCode("Z"), "name", "Z", "level", "UNIT");
        Response anonymous = post(null, "/api/bodies", body);
        assertProblem(anonymous, 401, "auth.unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");

        Response wrongPassword = perform401();
        assertThat(wrongPassword.status()).isEqualTo(401);

        assertProblem(post("tuc", "/api/bodies", body), 403, "auth.role");          // LEADER
        assertProblem(post(INSPECTOR, "/api/bodies", body), 403, "auth.role");      // INSPECTOR
        assertProblem(get(null, "/api/bodies/VPTW/history"), 401, "auth.unauthenticated");
        assertThat(get(INSPECTOR, "/api/bodies/VPTW/history").status()).isEqualTo(200);
    }

    private Response perform401() throws Exception {
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/bodies/VPTW/history")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(ADMIN, "wrong"))).andReturn();
        return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(), null, "", result);
    }

    @Test
    void validationErrorsNameTheFieldAndAppendNothing() throws Exception {
        long before = commitCount();
        Response r = post(ADMIN, "/api/bodies", Map.of("code", "lower case", "level", "NOPE"));
        assertProblem(r, 400, "json.invalid-value");              // unknown enum value
        assertThat(r.field()).isEqualTo("level");

        r = post(ADMIN, "/api/bodies", Map.of("code", "lower case", "level", "UNIT"));
        assertProblem(r, 400, "validation.failed");
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("code", "name");
        assertThat(r.body().get("errors").findValuesAsText("rule")).contains("Pattern", "NotBlank");

        r = post(ADMIN, "/api/bodies", "{\"code\": \"A\", ");
        assertProblem(r, 400, "json.syntax");
        assertThat(commitCount()).isEqualTo(before);
    }

    @Test
    void domainRefusalsAre422Or404WithRuleAndFieldAndAppendNothing() throws Exception {
        String code = registerBody("R", null, "PROVINCE");
        long before = commitCount();

        Response r = post(ADMIN, "/api/bodies",
                Map.of("code", uniqueCode("Q"), "name", "Q", "level", "UNIT", "parentCode", "NO-SUCH-BODY"));
        assertProblem(r, 404, "body.parent.not-found");
        assertThat(r.field()).isEqualTo("parentCode");

        r = post(ADMIN, "/api/bodies", Map.of("code", code, "name", "again", "level", "UNIT"));
        assertProblem(r, 422, "body.code.taken");
        assertThat(r.field()).isEqualTo("code");

        r = post(ADMIN, "/api/bodies/" + code + "/merge", Map.of("intoCode", code));
        assertProblem(r, 422, "body.merge.self");
        assertThat(r.field()).isEqualTo("intoCode");

        r = post(ADMIN, "/api/bodies/NO-SUCH-BODY/rename", Map.of("newName", "x"));
        assertProblem(r, 404, "aggregate.not-found");

        assertThat(commitCount()).isEqualTo(before);
        assertThat(eventCount(code)).isEqualTo(1);

        post(ADMIN, "/api/bodies/" + code + "/close", Map.of("reason", "sáp nhập"));
        r = post(ADMIN, "/api/bodies/" + code + "/rename", Map.of("newName", "x"));
        assertProblem(r, 422, "body.closed");
        assertThat(eventCount(code)).isEqualTo(2);
    }
}

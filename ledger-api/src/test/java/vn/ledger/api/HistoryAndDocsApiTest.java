package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryAndDocsApiTest extends ApiTestSupport {

    @Test
    void historyOfAnyAggregateByIdInOrderWithBothTimeForms() throws Exception {
        String code = registerBody("H", null, "PROVINCE");
        post(ADMIN, "/api/bodies/" + code + "/rename", java.util.Map.of("newName", "Tên mới"));
        Response r = get(INSPECTOR, "/api/history/" + code);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("aggregateId").asText()).isEqualTo(code);
        assertThat(r.body().get("count").asInt()).isEqualTo(2);
        JsonNode first = r.body().at("/events/0");
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("aggregateType").asText()).isEqualTo("Body");
        assertThat(first.get("payloadType").asText()).isEqualTo("vn.ledger.core.body.BodyRegistered");
        assertThat(first.get("eventId").asText()).isNotBlank();
        OffsetDateTime local = OffsetDateTime.parse(first.get("timestamp").asText());
        assertThat(local.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(local.toInstant()).isEqualTo(Instant.parse(first.get("instant").asText()));
        assertThat(first.at("/payload/code").asText()).isEqualTo(code);
        assertThat(first.at("/metaData/correlationId").asText()).isNotBlank();
        assertThat(r.body().at("/events/1/sequence").asLong()).isEqualTo(1);

        // the same under the body
        assertThat(get(INSPECTOR, "/api/bodies/" + code + "/history").raw()).isEqualTo(r.raw());
    }

    @Test
    void unknownIdsAre404() throws Exception {
        Response r = get(INSPECTOR, "/api/history/NO-SUCH-THING");
        assertProblem(r, 404, "aggregate.not-found");
        assertProblem(get(INSPECTOR, "/api/tasks/no-such/II.1/history"), 404, "aggregate.not-found");
        assertProblem(get(INSPECTOR, "/api/directives/no-such/history"), 404, "aggregate.not-found");
    }

    @Test
    void openApiAndSwaggerUiAreServedWithoutLogin() throws Exception {
        Response docs = get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/api/bodies")).isTrue();
        assertThat(paths.has("/api/directives/{id}/receipts")).isTrue();
        assertThat(paths.has("/api/tasks/{directiveId}/{code}/extensions/{requestNo}/grant")).isTrue();
        assertThat(paths.has("/api/history/{aggregateId}")).isTrue();
        assertThat(docs.body().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(docs.body().at("/info/description").asText()).contains("directiveId/code");
        assertThat(paths.at("/~1api~1directives/post/parameters").findValuesAsText("name")).contains("Idempotency-Key");

        var ui = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/swagger-ui/index.html")).andReturn();
        assertThat(ui.getResponse().getStatus()).isEqualTo(200);
    }
}

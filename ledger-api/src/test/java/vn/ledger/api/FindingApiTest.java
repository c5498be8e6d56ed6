package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.ledger.api.demo.DemoDataLoader;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Finding things without knowing ids, on the demo: directives listed and filtered, by symbol, bodies as a tree. */
class FindingApiTest extends ApiTestSupport {



    /** A day as the API's JSON gives it (ISO). */
    private static java.time.LocalDate day(String shown) {
        return java.time.LocalDate.parse(shown);
    }

    private static List<String> symbols(JsonNode answer) {
        return list(answer.at("/data/items")).stream().map(i -> i.get("symbol").asText()).toList();
    }

    /** As typed: MockMvc encodes a query given to it (a curl user writes %2F for /, see the README). */
    private static String enc(String s) {
        return s;
    }

    @Test
    void givenTheDemo_whenDirectivesAreListed_thenTheNewestComeFirstAndFiltersCombine() throws Exception {
        // other tests of this context issue as the same body: 22-TB is among that body's directives, and only its
        JsonNode all = eventually("/api/directives?issuer=CQTT-BCDTW&size=500",
                a -> assertThat(symbols(a)).contains("22-TB/CQTTBCĐ"));
        List<JsonNode> items = list(all.at("/data/items"));
        assertThat(items).allSatisfy(i -> assertThat(i.get("issuingBodyCode").asText()).isEqualTo("CQTT-BCDTW"));
        assertThat(items.stream().map(i -> i.get("issuedOn").asText()).map(FindingApiTest::day).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(items.get(symbols(all).indexOf("22-TB/CQTTBCĐ")).get("issuerName").asText())
                .startsWith("Cơ quan Thường trực");

        List<String> of2026 = symbols(eventually("/api/directives?year=2026&kind=CONG_VAN",
                a -> assertThat(symbols(a)).contains("569-CV/TU", "506-CV/ĐU")));
        // 506 (25/3) before 569 (23/3): newest first
        assertThat(of2026.indexOf("506-CV/ĐU")).isLessThan(of2026.indexOf("569-CV/TU"));
        List<String> oldestFirst = symbols(get(INSPECTOR, "/api/directives?year=2026&kind=CONG_VAN&order=asc").body());
        assertThat(oldestFirst.indexOf("569-CV/TU")).isLessThan(oldestFirst.indexOf("506-CV/ĐU"));

        assertThat(symbols(get(INSPECTOR, "/api/directives?year=2025&issuer=VPCP").body()))
                .containsExactly("TB-VPCP/30-9-2025 (số chưa rõ)");
        assertThat(symbols(get(INSPECTOR, "/api/directives?issuer=VPCP&year=2026").body())).isEmpty();
        assertThat(symbols(get(INSPECTOR, "/api/directives?issuer=TU-DIENBIEN&status=ACTIVE&q=" + enc("trien khai"))
                .body())).containsExactly("569-CV/TU");
        assertThat(symbols(get(INSPECTOR, "/api/directives?issuer=TU-DIENBIEN&status=RECALLED").body())).isEmpty();
    }

    @Test
    void givenTheDemo_whenFilteredByRecipient_thenOnlyDirectivesSentToThatBodyAreListed() throws Exception {
        eventually("/api/directives?recipient=DU-SINHBINH",
                a -> assertThat(symbols(a)).contains("569-CV/TU").doesNotContain("506-CV/ĐU", "22-TB/CQTTBCĐ"));
        // a "b/c" recipient counts as a recipient
        assertThat(symbols(get(INSPECTOR, "/api/directives?recipient=BTGDV-DIENBIEN").body())).contains("506-CV/ĐU");
    }

    @Test
    void givenManyDirectives_whenPaged_thenTotalCountsEveryPageAndPagesDoNotOverlap() throws Exception {
        JsonNode first = eventually("/api/directives?size=2&page=0",
                a -> assertThat(a.at("/data/total").asInt()).isGreaterThanOrEqualTo(4));
        JsonNode second = get(INSPECTOR, "/api/directives?size=2&page=1").body();
        assertThat(symbols(first)).hasSize(2);
        assertThat(symbols(second)).hasSize(2).doesNotContainAnyElementsOf(symbols(first));
        assertProblem(get(INSPECTOR, "/api/directives?order=sideways"), 400, "request.order");
    }

    @Test
    void givenASymbolAsCited_whenLookedUp_thenItResolvesToTheOneDocument() throws Exception {
        for (String asWritten : List.of("22-TB/VPTW", "22-TB/CQTTCĐ", "22-tb / cqttbcđ")) {
            JsonNode found = eventually("/api/directives/by-symbol?symbol=" + enc(asWritten),
                    a -> assertThat(a.at("/data/directives/0/symbol").asText()).isEqualTo("22-TB/CQTTBCĐ"));
            assertThat(found.at("/data/ambiguous").asBoolean()).isFalse();
            assertThat(list(found.at("/data/directiveIds")).stream().map(JsonNode::asText))
                    .containsExactly(DemoDataLoader.A);
        }
        assertProblem(get(INSPECTOR, "/api/directives/by-symbol?symbol=" + enc("999-CV/XX")), 404,
                "directive.not-found");
        // Đ is not D
        assertProblem(get(INSPECTOR, "/api/directives/by-symbol?symbol=" + enc("506-CV/DU")), 404,
                "directive.not-found");
    }

    @Test
    void givenTheDemo_whenBodiesAreListed_thenTheyFormATreeWithNames() throws Exception {
        JsonNode roots = eventually("/api/bodies", a -> assertThat(list(a.get("data")).stream()
                .map(n -> n.get("code").asText())).contains("VPTW", "CP", "TU-DIENBIEN"));
        JsonNode province = list(roots.get("data")).stream()
                .filter(n -> "TU-DIENBIEN".equals(n.get("code").asText())).findFirst().orElseThrow();
        assertThat(province.get("name").asText()).isEqualTo("Tỉnh ủy Điện Biên");
        JsonNode commune = list(province.get("children")).stream()
                .filter(n -> "DU-SINHBINH".equals(n.get("code").asText())).findFirst().orElseThrow();
        assertThat(list(commune.get("children")).stream().map(n -> n.get("code").asText()))
                .contains("BXDD-SINHBINH", "DUUBND-SINHBINH", "MTTQ-SINHBINH");

        JsonNode subtree = get(INSPECTOR, "/api/bodies?root=DUUBND-SINHBINH").body().get("data");
        assertThat(list(subtree)).hasSize(1);
        assertThat(subtree.at("/0/children/0/code").asText()).isEqualTo("TTDVTH-SINHBINH");
        assertProblem(get(INSPECTOR, "/api/bodies?root=NO-SUCH-BODY"), 404, "body.not-found");
    }

    @Test
    void theFindingEndpointsAreDocumentedAndNeedASignIn() throws Exception {
        JsonNode paths = get(null, "/v3/api-docs").body().get("paths");
        assertThat(paths.has("/api/directives")).isTrue();
        assertThat(paths.has("/api/directives/by-symbol")).isTrue();
        assertThat(paths.at("/~1api~1bodies/get").isMissingNode()).isFalse();
        assertThat(get(null, "/api/directives").status()).isEqualTo(401);
    }
}

package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.ledger.api.demo.DemoDataLoader;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The chain of the demo shows a task's last reported percent beside its done count. */
class ChainPercentApiTest extends ApiTestSupport {

    @Test
    void givenTheCommunesLeadReportedHalfDone_whenItsChainIsRead_thenTheTaskShows50PercentReportedAndNoneDone() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response r = get(INSPECTOR, "/api/directives/" + DemoDataLoader.C + "/chain?depth=1");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            JsonNode task1 = StreamSupport.stream(r.body().at("/data/root/children").spliterator(), false)
                    .filter(n -> (DemoDataLoader.C + "/1").equals(n.get("id").asText())).findFirst().orElseThrow();
            assertThat(task1.get("lastReportedPercent").asInt()).isEqualTo(50);
            assertThat(task1.get("lastReportedOn").asText()).isEqualTo("2026-03-31");
            assertThat(task1.at("/rollup/percentDone").asDouble()).isEqualTo(0.0);
        });
    }
}

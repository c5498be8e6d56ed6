package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ledger.api.demo.DemoDataLoader;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile loads the seed cascade of DOMAIN.md through the commands. */
class DemoDataTest extends ApiTestSupport {

    @Autowired
    DemoDataLoader loader;

    @Test
    void twentyTwoTbWithItsOrientationsAndSevenTasks() throws Exception {
        Response a = get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/history");
        assertThat(a.status()).isEqualTo(200);
        JsonNode issued = a.body().at("/events/0/payload");
        assertThat(issued.get("symbol").asText()).isEqualTo("22-TB/CQTTBCĐ");
        assertThat(issued.get("issuingBodyCode").asText()).isEqualTo("CQTT-BCDTW");
        assertThat(issued.at("/actor/fullName").asText()).isEqualTo("Phạm Gia Túc");
        assertThat(issued.get("orientations")).hasSize(6);
        assertThat(issued.get("tasks").findValuesAsText("code"))
                .containsExactly("II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "App.1");
        assertThat(a.body().get("events").findValuesAsText("type"))
                .contains("DirectiveAliasRegistered", "DirectiveReceived");
        assertThat(a.body().get("events").findValuesAsText("alias")).contains("22-TB/VPTW", "22-TB/CQTTCĐ");

        for (String code : List.of("II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "App.1")) {
            Response task = get(INSPECTOR, "/api/tasks/" + DemoDataLoader.A + "/" + code + "/history");
            assertThat(task.status()).as(code).isEqualTo(200);
            assertThat(task.body().at("/events/0/type").asText()).isEqualTo("TaskAssigned");
        }
        JsonNode app1 = get(INSPECTOR, "/api/history/" + DemoDataLoader.A + "/App.1").body().at("/events/0/payload");
        assertThat(app1.at("/deadline/wording").asText()).isEqualTo("chậm nhất trước ngày 05/4/2026");
        assertThat(app1.at("/deadline/kind").asText()).isEqualTo("BEFORE_DATE");
        assertThat(app1.at("/deadline/dueDate").asText()).isEqualTo("2026-04-04");
        assertThat(app1.get("leadBodies")).hasSize(9);
        JsonNode ii6 = get(INSPECTOR, "/api/history/" + DemoDataLoader.A + "/II.6").body().at("/events/0/payload");
        assertThat(ii6.at("/deadline/kind").asText()).isEqualTo("MONTH");
        assertThat(ii6.at("/deadline/dueDate").asText()).isEqualTo("2026-06-30");

        // the monthly report on II.2 names its month
        JsonNode ii2 = get(INSPECTOR, "/api/history/" + DemoDataLoader.A + "/II.2").body();
        assertThat(ii2.at("/events/0/payload/deadline/recurrence").asText()).isEqualTo("MONTHLY");
        assertThat(ii2.get("events").findValuesAsText("period")).contains("2026-04");
    }

    @Test
    void theCascadeResolvesEveryCitationToOneDocument() throws Exception {
        JsonNode b = get(INSPECTOR, "/api/directives/" + DemoDataLoader.B + "/history").body().at("/events/0/payload");
        assertThat(b.get("symbol").asText()).isEqualTo("569-CV/TU");
        assertThat(b.at("/implementsDirectives/0/directiveId").asText()).isEqualTo(DemoDataLoader.A);
        assertThat(b.get("tasks")).hasSize(3);

        JsonNode c = get(INSPECTOR, "/api/directives/" + DemoDataLoader.C + "/history").body().at("/events/0/payload");
        assertThat(c.get("symbol").asText()).isEqualTo("506-CV/ĐU");
        assertThat(c.at("/implementsDirectives/0/directiveId").asText()).isEqualTo(DemoDataLoader.B);
        assertThat(c.at("/implementsDirectives/1/asWritten").asText()).isEqualTo("22-TB/VPTW");
        assertThat(c.at("/implementsDirectives/1/directiveId").asText()).isEqualTo(DemoDataLoader.A);
        assertThat(c.get("recipientsForReport").findValuesAsText("recipientsForReport")).isEmpty();
        assertThat(c.get("recipientsForReport").get(0).asText()).isEqualTo("BTGDV-DIENBIEN");
        assertThat(c.get("tasks")).hasSize(3);

        // the report dated 25/3 entered later keeps both dates
        JsonNode report = get(INSPECTOR, "/api/history/" + DemoDataLoader.B + "/3").body().at("/events/1");
        assertThat(report.get("type").asText()).isEqualTo("ProgressReported");
        assertThat(report.at("/payload/reportedOn").asText()).isEqualTo("2026-03-25");
        assertThat(report.get("timestamp").asText()).doesNotStartWith("2026-03-25");
    }

    @Test
    void theSixClearNoticeOfTheGovernmentOffice() throws Exception {
        JsonNode notice = get(INSPECTOR, "/api/directives/" + DemoDataLoader.NOTICE_002 + "/history").body()
                .at("/events/0/payload");
        assertThat(notice.get("issuingBodyCode").asText()).isEqualTo("VPCP");
        JsonNode t3 = get(INSPECTOR, "/api/history/" + DemoDataLoader.NOTICE_002 + "/3").body().at("/events/0/payload");
        assertThat(t3.at("/deadline/dueDate").asText()).isEqualTo("2025-10-29");
        assertThat(t3.get("leadBodies").get(0).asText()).isEqualTo("BKHCN");
        assertThat(t3.get("missing").toString()).contains("NGUOI").doesNotContain("THOI_GIAN", "SAN_PHAM");
        JsonNode t4 = get(INSPECTOR, "/api/history/" + DemoDataLoader.NOTICE_002 + "/4").body().at("/events/0/payload");
        assertThat(t4.at("/deadline/dueDate").asText()).isEqualTo("2025-12-30");
        JsonNode t1 = get(INSPECTOR, "/api/history/" + DemoDataLoader.NOTICE_002 + "/1").body().at("/events/0/payload");
        assertThat(t1.get("missing").toString()).contains("THOI_GIAN");
        // the UAV report: "khẩn trương", urgent with no date, kept as written
        assertThat(t1.at("/deadline/wording").asText()).isEqualTo("khẩn trương");
        assertThat(t1.at("/deadline/kind").asText()).isEqualTo("URGENT");
        // taken up in autumn 2025, not on the day the demo is loaded
        JsonNode ack = get(INSPECTOR, "/api/history/" + DemoDataLoader.NOTICE_002 + "/3").body().at("/events/1");
        assertThat(ack.get("type").asText()).isEqualTo("TaskAcknowledged");
        assertThat(ack.at("/payload/acknowledgedOn").asText()).isEqualTo("2025-10-02");
    }

    @Test
    void theStoryKeepsItsOwnDatesAndTheLettersLinkTheSixTasksTheyPassOn() throws Exception {
        JsonNode ackA = get(INSPECTOR, "/api/history/" + DemoDataLoader.A + "/II.1").body().at("/events/1");
        assertThat(ackA.get("type").asText()).isEqualTo("TaskAcknowledged");
        assertThat(ackA.at("/payload/acknowledgedOn").asText()).isEqualTo("2026-03-23");
        JsonNode ackC = get(INSPECTOR, "/api/history/" + DemoDataLoader.C + "/1").body().at("/events/1");
        assertThat(ackC.at("/payload/acknowledgedOn").asText()).isEqualTo("2026-03-26");

        // 569-CV/TU task 1 and 506-CV/ĐU task 2 carry out "6 việc cần làm ngay": II.1 to II.6 of 22-TB
        List<String> sixTasks = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> DemoDataLoader.A + "/II." + i).toList();
        JsonNode b1 = get(INSPECTOR, "/api/history/" + DemoDataLoader.B + "/1").body().at("/events/0/payload");
        assertThat(b1.get("implementsTasks").findValuesAsText("taskId")).containsExactlyElementsOf(sixTasks);
        JsonNode c2 = get(INSPECTOR, "/api/history/" + DemoDataLoader.C + "/2").body().at("/events/0/payload");
        assertThat(c2.get("implementsTasks").findValuesAsText("taskId")).containsExactlyElementsOf(sixTasks);
        // the letters' other tasks pass on the orientations or the notice as a whole: no link
        JsonNode b3 = get(INSPECTOR, "/api/history/" + DemoDataLoader.B + "/3").body().at("/events/0/payload");
        assertThat(b3.path("implementsTasks").size()).isZero();
    }

    @Test
    void loadingAgainAppendsNothing() throws Exception {
        long commits = commitCount();
        loader.run(null);                                   // marker present: skipped at once
        assertThat(commitCount()).isEqualTo(commits);
        // an interrupted earlier run (no marker): every step is recognised as already stored
        long realCommits = database.getCollection("events").countDocuments(Filters.ne("tomb", true));
        int eventsOfA = eventCount(DemoDataLoader.A);
        int eventsOfReport = eventCount(DemoDataLoader.B + "/3");
        database.getCollection("demo").deleteMany(Filters.empty());
        assertThat(loader.loaded()).isFalse();
        loader.run(null);
        assertThat(database.getCollection("events").countDocuments(Filters.ne("tomb", true))).isEqualTo(realCommits);
        assertThat(eventCount(DemoDataLoader.A)).isEqualTo(eventsOfA);
        assertThat(eventCount(DemoDataLoader.B + "/3")).isEqualTo(eventsOfReport);
        assertThat(loader.loaded()).isTrue();
    }
}

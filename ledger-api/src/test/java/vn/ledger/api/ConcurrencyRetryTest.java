package vn.ledger.api;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another writer (a second instance) appends to an aggregate this instance holds in its cache: the next command
 * loses the race on the sequence number, is retried on a fresh load, and succeeds.
 */
class ConcurrencyRetryTest extends ApiTestSupport {

    @Autowired
    MongoEventStorageEngine engine;

    @Test
    void aCommandThatLosesTheRaceIsRetriedOnFreshState() throws Exception {
        String directiveId = post("tuc", "/api/directives", DirectiveApiTest.directive(DirectiveApiTest.symbol()))
                .text("id");
        String taskId = directiveId + "/1";
        String task = "/api/tasks/" + taskId;
        assertThat(post("most.officer", task + "/acknowledge", null).status()).isEqualTo(200); // now cached

        // written behind this instance's back, at the next sequence
        engine.appendEvents(new GenericDomainEventMessage<>("Task", taskId, 2L,
                new TaskUrged(taskId, directiveId, "Đôn đốc từ một phiên bản khác", LocalDate.of(2026, 4, 1),
                        new Actor("tuc", "Phạm Gia Túc", "Chánh Văn phòng", "CQTT-BCDTW"))));

        Response report = post("most.officer", task + "/reports", Map.of("text", "Báo cáo sau khi bị đôn đốc"));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        assertThat(get(INSPECTOR, task + "/history").body().get("events").findValuesAsText("type"))
                .containsExactly("TaskAssigned", "TaskAcknowledged", "TaskUrged", "ProgressReported");
    }
}

package vn.ledger.api;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ledger.api.config.AxonConfiguration;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.ReportProgress;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Busy aggregates get a snapshot every 50 events and still load and accept commands. */
class SnapshotTest extends ApiTestSupport {

    @Autowired
    CommandDispatcher commands;

    @Test
    void aTaskWithManyReportsIsSnapshottedAndKeepsWorking() throws Exception {
        String id = post("tuc", "/api/directives", DirectiveApiTest.directive(DirectiveApiTest.symbol())).text("id");
        String taskId = id + "/1";
        Actor most = new Actor("most.officer", "Chuyên viên", "Chuyên viên", "BKHCN");
        for (int i = 0; i < AxonConfiguration.SNAPSHOT_THRESHOLD + 5; i++) {
            commands.send(new ReportProgress(taskId, "Báo cáo " + i, null, null, null, List.of(), most), taskId, null);
        }
        Document snapshot = null;
        for (int i = 0; i < 50 && snapshot == null; i++) {
            snapshot = database.getCollection("snapshots").find(Filters.eq("_id", taskId)).first();
            if (snapshot == null) {
                Thread.sleep(100);
            }
        }
        assertThat(snapshot).as("snapshot of " + taskId).isNotNull();
        assertThat(snapshot.getLong("seq")).isGreaterThanOrEqualTo(AxonConfiguration.SNAPSHOT_THRESHOLD - 1L);

        // the history is the events only, complete; the aggregate still accepts commands
        assertThat(eventCount(taskId)).isEqualTo(AxonConfiguration.SNAPSHOT_THRESHOLD + 6);
        assertThat(post("tuc", "/api/tasks/" + taskId + "/cancel", Map.of("reason", "đủ")).status()).isEqualTo(200);
        assertProblem(post("most.officer", "/api/tasks/" + taskId + "/reports", Map.of("text", "x")), 422,
                "task.cancelled");
    }
}

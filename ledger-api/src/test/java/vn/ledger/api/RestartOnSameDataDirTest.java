package vn.ledger.api;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ledger.api.demo.DemoDataLoader;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.api.readside.ReadModel;
import vn.ledger.api.readside.ReadModels;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.RegisterBody;
import vn.ledger.core.body.RenameBody;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.task.ReportProgress;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.eventstore.StoredEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default persists: stop the application, start it again on the same data directory, and every
 * stored event is still there, the demo is not loaded twice, and new commands continue the streams.
 */
class RestartOnSameDataDirTest {

    private static final Actor ADMIN = new Actor("admin", "Quản trị hệ thống", "Quản trị viên", "VPTW");
    private static final Actor MOST = new Actor("most.officer", "Chuyên viên", "Chuyên viên", "BKHCN");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("demo")
                // as arguments: default properties would lose against application.yml
                .run("--ledger.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off");
    }

    private static List<Document> allCommits(ConfigurableApplicationContext context) {
        return context.getBean(MongoDatabase.class).getCollection("events").find()
                .sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void everyEventIsStillThereAfterARestart() {
        List<Document> before;
        List<StoredEvent> taskBefore;
        try (ConfigurableApplicationContext first = start()) {
            CommandDispatcher commands = first.getBean(CommandDispatcher.class);
            commands.send(new RegisterBody("RESTART-1", "Cơ quan trước khi khởi động lại", null, BodyLevel.UNIT,
                    null, ADMIN), "RESTART-1");
            commands.send(new ReportProgress(DemoDataLoader.A + "/II.1", "Báo cáo trước khi dừng", 50, null, null,
                    List.of(), MOST), DemoDataLoader.A + "/II.1");
            before = allCommits(first);
            taskBefore = first.getBean(MongoEventStorageEngine.class).history(DemoDataLoader.A + "/II.1");
            // as if the audit model had been built by a version that stored another layout
            first.getBean(MongoDatabase.class).getCollection(ReadModels.META).updateOne(
                    com.mongodb.client.model.Filters.eq("_id", "audit"), com.mongodb.client.model.Updates.set("layout", 1));
        }
        assertThat(before).hasSizeGreaterThan(40);
        assertThat(Files.exists(dataDir.resolve("ledger.mv"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            // every commit, byte for byte, and the demo not loaded again
            assertThat(allCommits(second)).isEqualTo(before);
            MongoEventStorageEngine engine = second.getBean(MongoEventStorageEngine.class);
            assertThat(engine.history(DemoDataLoader.A + "/II.1")).isEqualTo(taskBefore);

            // the write side knows what was stored before: a taken code is refused, streams continue
            CommandDispatcher commands = second.getBean(CommandDispatcher.class);
            assertThatThrownBy(() -> commands.send(new RegisterBody("RESTART-1", "again", null, BodyLevel.UNIT,
                    null, ADMIN), "RESTART-1"))
                    .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("RESTART-1");
            commands.send(new RenameBody("RESTART-1", "Tên sau khi khởi động lại", null, ADMIN), "RESTART-1");
            commands.send(new ReportProgress(DemoDataLoader.A + "/II.1", "Báo cáo sau khi khởi động lại", 60, null,
                    null, List.of(), MOST), DemoDataLoader.A + "/II.1");
            List<StoredEvent> task = engine.history(DemoDataLoader.A + "/II.1");
            assertThat(task).hasSize(taskBefore.size() + 1);
            assertThat(task.get(task.size() - 1).sequenceNumber()).isEqualTo(taskBefore.size());
            assertThat(task.get(task.size() - 1).commitPosition())
                    .isGreaterThan(before.get(before.size() - 1).getLong("_id"));
            assertThat(engine.history("RESTART-1")).extracting(StoredEvent::sequenceNumber).containsExactly(0L, 1L);

            // a read model built with another layout is rebuilt, and switched to once caught up
            ReadModels models = second.getBean(ReadModels.class);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (models.activeGenerations().get(ReadModel.AUDIT) == 1L && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(models.activeGenerations().get(ReadModel.AUDIT)).isEqualTo(2L);
            assertThat(models.activeGenerations().get(ReadModel.TASK)).isEqualTo(1L);
            assertThat(second.getBean(MongoDatabase.class).getCollection(ReadModels.META)
                    .find(new Document("_id", "audit")).first()).containsEntry("layout", ReadModel.AUDIT.layout());
        }
    }
}

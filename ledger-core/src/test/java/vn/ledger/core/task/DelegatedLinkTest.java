package vn.ledger.core.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.TaskSpec;

import java.util.List;

import static vn.ledger.core.fixtures.Bodies.BKHCN_VU;
import static vn.ledger.core.fixtures.Bodies.MOST;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Refusal.refused;
import static vn.ledger.core.fixtures.Seeds.NOTICE_22;
import static vn.ledger.core.task.TaskTest.ASSIGNED;
import static vn.ledger.core.task.TaskTest.T;

@DisplayName("Delegation and implementation links")
class DelegatedLinkTest {

    @Test
    void a_delegated_task_implements_its_parent_and_names_no_other_task() {
        AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds());
        fixture.registerInjectableResource(new InMemoryDirectiveCatalog().add(NOTICE_22, DirectiveStatus.ACTIVE));
        TaskSpec linked = new TaskSpec(null, "Dự thảo", null, List.of(BKHCN_VU), List.of(), null, null,
                List.of("II.3"));

        fixture.givenCurrentTime(NOW).andGiven(ASSIGNED).when(new DelegateTask(T, T + ".1", linked, MOST))
                .expectException(refused("task.link.delegated", "spec.implementsTasks"))
                .expectNoEvents();
    }
}

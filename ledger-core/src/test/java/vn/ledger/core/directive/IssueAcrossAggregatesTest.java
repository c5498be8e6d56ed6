package vn.ledger.core.directive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.Body;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.group.BodyRoster;
import vn.ledger.core.fixtures.InMemoryDirectiveCatalog;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.AcknowledgeTask;
import vn.ledger.core.task.CompleteTask;
import vn.ledger.core.task.DelegateTask;
import vn.ledger.core.task.Task;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ledger.core.fixtures.Bodies.*;
import static vn.ledger.core.fixtures.Seeds.*;

/**
 * The fixture tests one aggregate at a time; this runs the aggregates in a real Axon configuration, wired the way
 * the application wires them (aggregates registered, ports registered as components that Axon injects into
 * handler parameters), to show that one IssueDirective commits the directive and all its tasks together.
 */
@DisplayName("One command, several aggregates, one commit")
class IssueAcrossAggregatesTest {

    private Configuration axon;
    private CommandGateway commands;
    private final InMemoryDirectiveCatalog catalog = new InMemoryDirectiveCatalog();

    @BeforeEach
    void start() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(json).build())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Body.class)
                .configureAggregate(Directive.class)
                .configureAggregate(Task.class)
                .registerComponent(BodyDirectory.class, c -> InMemoryBodyDirectory.seeds())
                .registerComponent(BodyRoster.class, c -> InMemoryBodyDirectory.seeds())
                .registerComponent(DirectiveCatalog.class, c -> catalog)
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void issuing_notice_22_stores_the_directive_first_then_each_task_in_its_own_stream() {
        commands.sendAndWait(notice22());

        List<? extends EventMessage<?>> all = allEvents();
        assertThat(all).hasSize(8);
        assertThat(all.get(0).getPayload()).isInstanceOf(DirectiveIssued.class);
        assertThat(all.subList(1, 8)).allSatisfy(e -> {
            DomainEventMessage<?> m = (DomainEventMessage<?>) e;
            assertThat(m.getPayload()).isInstanceOf(TaskAssigned.class);
            assertThat(m.getAggregateIdentifier()).isEqualTo(((TaskAssigned) m.getPayload()).taskId());
            assertThat(m.getType()).isEqualTo("Task");
            assertThat(m.getSequenceNumber()).isZero();
        });
        assertThat(((DomainEventMessage<?>) all.get(0)).getAggregateIdentifier()).isEqualTo(NOTICE_22);
    }

    @Test
    void a_refused_task_refuses_the_whole_directive_and_nothing_is_stored() {
        TaskSpec unknownLead = new TaskSpec("II.7", "Việc", null, List.of("BO-KHONG-CO"), List.of(), null, null);

        assertThatThrownBy(() -> commands.sendAndWait(notice22(List.of(II_1, II_2, unknownLead))))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        v -> assertThat(v.field()).isEqualTo("tasks[2].leadBodies[0]"));
        assertThat(allEvents()).isEmpty();
    }

    @Test
    void the_created_tasks_are_real_aggregates_that_take_commands_and_delegate_further_down() {
        catalog.add(NOTICE_22, DirectiveStatus.ACTIVE, "22-TB/CQTTBCĐ");
        commands.sendAndWait(notice22());
        String task = NOTICE_22 + "/II.1";

        commands.sendAndWait(new AcknowledgeTask(task, MOST));
        commands.sendAndWait(new DelegateTask(task, task + ".1", new TaskSpec(null, "Dự thảo danh mục",
                new Person("Trần Văn A", "Vụ trưởng"), List.of(BKHCN_VU), List.of(), "ngày 20/4/2026", "Dự thảo"), MOST));
        commands.sendAndWait(new DelegateTask(task + ".1", task + ".1.1", new TaskSpec(null, "Tổng hợp đăng ký",
                null, List.of(BKHCN_VU_PHONG), List.of(), "ngày 10/4/2026", "Bảng tổng hợp"), actor(BKHCN_VU)));
        commands.sendAndWait(new CompleteTask(task + ".1.1", "Bảng tổng hợp đã gửi Vụ", List.of(), null,
                actor(BKHCN_VU_PHONG)));

        List<Object> tail = allEvents().subList(8, 14).stream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(tail).hasExactlyElementsOfTypes(TaskAcknowledged.class, TaskDelegated.class, TaskAssigned.class,
                TaskDelegated.class, TaskAssigned.class, TaskCompleted.class);
        assertThat(((TaskAssigned) tail.get(4)).assignerBodyCode()).isEqualTo(BKHCN_VU);
        assertThat(((TaskAssigned) tail.get(4)).parentTaskId()).isEqualTo(task + ".1");
    }

    private List<? extends EventMessage<?>> allEvents() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = axon.eventStore().openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }
}

package vn.ledger.core.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.*;
import vn.ledger.core.directive.*;
import vn.ledger.core.task.*;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands are posted and events stored as JSON by Jackson; every record must survive a round trip unchanged and
 * show exactly its components, nothing derived (a stored event's shape is forever).
 */
@DisplayName("Commands and events as JSON")
class SerialisationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Actor A = new Actor("pgtuc", "Phạm Gia Túc", "Chánh Văn phòng", "CQTT-BCD");
    private static final LocalDate D = LocalDate.of(2026, 3, 20);
    private static final Deadline DL = DeadlineParser.parse("hoàn thành trong tháng 4/2026; định kỳ hằng tháng báo cáo");
    private static final Attachment AT = new Attachment("a.pdf", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    private static final TaskSpec SPEC = new TaskSpec("II.1", "Rà soát", new Person("Nguyễn Văn A", "Bộ trưởng"),
            List.of("BO-KHCN"), List.of("BO-TC"), "trong tháng 4/2026", "Danh mục");
    private static final Signer SIGNER = new Signer("Lê Thành Đô", "Phó Bí thư", SigningCapacity.TM);

    static Stream<Object> samples() {
        return Stream.of(
                new RegisterBody("B", "Tên", "P", BodyLevel.COMMUNE, D, A), new RenameBody("B", "Mới", D, A),
                new CloseBody("B", "Lý do", D, A), new MergeBody("B", "C", D, A),
                new BodyRegistered("B", "Tên", null, BodyLevel.CENTRAL, D, A), new BodyRenamed("B", "Cũ", "Mới", D, A),
                new BodyClosed("B", "Lý do", D, A), new BodyMerged("B", "C", D, A),
                new IssueDirective("d", "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, "CQTT-BCD", SIGNER, D, "V/v",
                        List.of("X"), List.of("Y"), List.of("Z"), List.of("Định hướng"),
                        List.of(new Citation("22-TB/VPTW", null)), List.of(SPEC), A),
                new AcknowledgeReceipt("d", null, A), new RecallDirective("d", "Lý do", A),
                new ReplaceDirective("d", "e", "Lý do", A),
                new CorrectDirective("d", DirectiveField.ISSUED_ON, "2026-03-19", "Lý do", A),
                new RegisterSymbolAlias("d", "22-TB/VPTW", A), new AssignTask("d", SPEC, A),
                new DirectiveIssued("d", "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, "CQTT-BCD", SIGNER, D, "V/v",
                        List.of("X"), List.of(), List.of(), List.of("Định hướng"),
                        List.of(new Citation("22-TB/VPTW", "d0")), List.of(SPEC), A),
                new DirectiveReceived("d", "X", D, A), new DirectiveRecalled("d", "Lý do", D, A),
                new DirectiveReplaced("d", "e", null, D, A),
                new DirectiveCorrected("d", DirectiveField.SYMBOL, "a", "b", "Lý do", D, A),
                new DirectiveAliasRegistered("d", "22-TB/VPTW", D, A),
                new AcknowledgeTask("t", A), new ReportProgress("t", "Báo cáo", 50, YearMonth.of(2026, 3), D, List.of(AT), A),
                new UrgeTask("t", "Đôn đốc", A), new RequestExtension("t", "trong tháng 5/2026", "Lý do", A),
                new GrantExtension("t", "t#ext1", A), new RefuseExtension("t", "t#ext1", "Lý do", A),
                new ReassignTask("t", List.of("X"), List.of(), "Lý do", A), new CancelTask("t", "Lý do", A),
                new CompleteTask("t", "Sản phẩm", List.of(AT), D, A), new AcceptCompletion("t", A),
                new RejectCompletion("t", "Lý do", A), new DelegateTask("t", "t.1", SPEC, A),
                new TaskAssigned("t", "d", null, "II.1", "Rà soát", null, List.of("X"), List.of(), DL, "Danh mục",
                        "CQTT-BCD", List.of(Ro.NGUOI), D, A),
                new TaskAcknowledged("t", "d", "X", D, A),
                new ProgressReported("t", "d", "X", "Báo cáo", null, YearMonth.of(2026, 3), D, List.of(AT), A),
                new TaskUrged("t", "d", "Đôn đốc", D, A),
                new ExtensionRequested("t", "d", "t#ext1", DL, DeadlineParser.parse("ngày 15/5/2026"), "Lý do", D, A),
                new ExtensionGranted("t", "d", "t#ext1", DL, Deadline.none(null), D, A),
                new ExtensionRefused("t", "d", "t#ext1", DL, "Lý do", D, A),
                new TaskReassigned("t", "d", List.of("X"), List.of(), List.of("Y"), List.of("X"), "Lý do", D, A),
                new TaskCancelled("t", "d", "Lý do", D, A),
                new TaskCompleted("t", "d", "Sản phẩm", List.of(AT), D, A),
                new CompletionAccepted("t", "d", D, A), new CompletionRejected("t", "d", "Lý do", D, A),
                new TaskDelegated("t", "d", "t.1", "X", List.of("Y"), List.of(), DL, D, A));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_record_round_trips_and_shows_only_its_components(Object sample) throws Exception {
        String json = JSON.writeValueAsString(sample);

        assertThat(JSON.readValue(json, sample.getClass())).isEqualTo(sample);
        JsonNode tree = JSON.readTree(json);
        List<String> fields = new ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder(Arrays.stream(sample.getClass().getRecordComponents())
                .map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void a_deadline_is_stored_as_its_wording_kind_instant_day_and_recurrence() throws Exception {
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(DL));

        assertThat(tree.get("wording").asText()).isEqualTo("hoàn thành trong tháng 4/2026; định kỳ hằng tháng báo cáo");
        assertThat(tree.get("dueAt").asText()).isEqualTo("2026-04-30T16:59:59Z");
        assertThat(tree.get("dueDate").asText()).isEqualTo("2026-04-30");
        assertThat(tree.get("recurrence").asText()).isEqualTo("MONTHLY");
        assertThat(tree.size()).isEqualTo(5);
    }

    @Test
    void a_task_stored_before_implementation_links_reads_as_linking_nothing() throws Exception {
        TaskAssigned stored = new TaskAssigned("t", "d", null, "II.1", "Rà soát", null, List.of("X"), List.of(), DL,
                "Danh mục", "CQTT-BCD", List.of(Ro.NGUOI), D, A);
        ObjectNode old = (ObjectNode) JSON.valueToTree(stored);
        old.remove("implementsTasks");
        ObjectNode spec = (ObjectNode) JSON.valueToTree(SPEC);
        spec.remove("implementsTasks");

        assertThat(JSON.treeToValue(old, TaskAssigned.class)).isEqualTo(stored);
        assertThat(JSON.treeToValue(old, TaskAssigned.class).implementsTasks()).isEmpty();
        assertThat(JSON.treeToValue(spec, TaskSpec.class)).isEqualTo(SPEC);
    }

    @Test
    void events_stored_before_groups_of_bodies_read_as_naming_no_group() throws Exception {
        BodyGroup provinces = BodyGroup.allProvinces("Các tỉnh ủy, thành ủy");
        TaskSpec grouped = new TaskSpec("II.6", "Tháo gỡ", null, List.of(), List.of(), "trong tháng 6/2026", "Kết quả",
                List.of(), List.of(provinces), List.of());
        DirectiveIssued withGroups = new DirectiveIssued("d", "22-TB/CQTTBCĐ", DirectiveKind.THONG_BAO, "CQTT-BCD",
                SIGNER, D, "V/v", List.of("TU-A", "TU-B"), List.of(), List.of(), List.of(), List.of(),
                List.of(grouped), List.of(new GroupMembers(provinces, List.of("TU-A", "TU-B"))), List.of(), List.of(),
                A);
        assertThat(JSON.readValue(JSON.writeValueAsString(withGroups), DirectiveIssued.class)).isEqualTo(withGroups);

        ObjectNode old = (ObjectNode) JSON.valueToTree(withGroups);
        old.remove(List.of("recipientGroupsForAction", "recipientGroupsForInformation", "recipientGroupsForReport"));
        ObjectNode oldSpec = (ObjectNode) old.withArray("tasks").get(0);
        oldSpec.remove(List.of("leadGroups", "cooperatingGroups"));
        DirectiveIssued read = JSON.treeToValue(old, DirectiveIssued.class);
        assertThat(read.recipientGroupsForAction()).isEmpty();
        assertThat(read.recipientsForAction()).containsExactly("TU-A", "TU-B");
        assertThat(read.tasks().get(0).leadGroups()).isEmpty();

        TaskAssigned task = new TaskAssigned("t", "d", null, "II.1", "Rà soát", null, List.of("X"), List.of(), DL,
                "Danh mục", "CQTT-BCD", List.of(Ro.NGUOI), D, List.of(), List.of(provinces),
                List.of(new GroupMembers(provinces, List.of("X"))), A);
        ObjectNode oldTask = (ObjectNode) JSON.valueToTree(task);
        oldTask.remove(List.of("leadGroups", "cooperatingGroups"));
        assertThat(JSON.treeToValue(oldTask, TaskAssigned.class).leadGroups()).isEmpty();
        assertThat(JSON.treeToValue(oldTask, TaskAssigned.class).cooperatingGroups()).isEmpty();
    }

    @Test
    void a_missing_list_in_a_posted_command_reads_as_empty() throws Exception {
        ReassignTask cmd = JSON.readValue("{\"taskId\":\"t\",\"newLeadBodies\":[\"X\"],\"reason\":\"r\"}", ReassignTask.class);
        assertThat(cmd.newCooperatingBodies()).isEmpty();
    }

    @Test
    void every_command_and_event_has_a_sample() {
        Set<Class<?>> sampled = samples().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Stream.of(BodyCommand.class, BodyEvent.class, DirectiveCommand.class, DirectiveEvent.class,
                        TaskCommand.class, TaskEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(all);
    }
}

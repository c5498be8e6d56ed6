package vn.ledger.api;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.Body;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.body.RenameBody;
import vn.ledger.core.directive.AcknowledgeReceipt;
import vn.ledger.core.directive.Citation;
import vn.ledger.core.directive.Directive;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.DeadlineParser;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Ro;
import vn.ledger.core.task.AcknowledgeTask;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.Task;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.eventstore.CanonicalJson;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot must give back the aggregate exactly: aggregates keep their state in private fields, which the
 * snapshot serializer reads and writes. If a field were lost, rules would silently misjudge commands after a
 * restart, so every aggregate in a rich state is written and read back and compared field by field.
 */
@DisplayName("Snapshots round-trip aggregate state")
class SnapshotRoundTripTest {

    private static final Serializer SNAPSHOTS = CanonicalJson.snapshotSerializer();
    private static final Actor ADMIN = new Actor("admin", "Quản trị", "Quản trị", "VPTW");
    private static final Actor MOST = new Actor("most.officer", "Chuyên viên", "Chuyên viên", "BKHCN");
    private static final LocalDate MARCH_25 = LocalDate.of(2026, 3, 25);

    @Test
    void taskInTheMiddleOfItsLife() {
        String id = "d-1/II.2";
        AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(bodies());
        fixture.registerInjectableResource(catalog());
        AtomicReference<Task> state = new AtomicReference<>();
        fixture.given(
                        new TaskAssigned(id, "d-1", null, "II.2", "Thành lập tổ công tác liên ngành",
                                new Person("Nguyễn Văn A", "Thứ trưởng"), List.of("BKHCN"), List.of("BTC"),
                                DeadlineParser.parse("trong tháng 4/2026; định kỳ hằng tháng báo cáo"),
                                "Quyết định thành lập", "CQTT", List.of(Ro.NGUOI), MARCH_25, ADMIN),
                        new TaskAcknowledged(id, "d-1", "BKHCN", MARCH_25, MOST),
                        new ProgressReported(id, "d-1", "BKHCN", "Đã dự thảo", 40, YearMonth.of(2026, 3),
                                MARCH_25, List.of(), MOST),
                        new ExtensionRequested(id, "d-1", id + "#ext1",
                                DeadlineParser.parse("trong tháng 4/2026; định kỳ hằng tháng báo cáo"),
                                DeadlineParser.parse("trong tháng 5/2026"), "Chờ ý kiến", MARCH_25, MOST),
                        new TaskCompleted(id, "d-1", "Quyết định số 1", List.of(), MARCH_25, MOST))
                // a second acknowledgement records nothing: it only loads the aggregate so its state can be read
                .when(new AcknowledgeTask(id, MOST))
                .expectNoEvents()
                .expectState(state::set);
        assertRoundTrip(state.get(), Task.class);
    }

    @Test
    void renamedBody() {
        AggregateTestFixture<Body> fixture = new AggregateTestFixture<>(Body.class);
        fixture.registerInjectableResource(bodies());
        AtomicReference<Body> state = new AtomicReference<>();
        fixture.given(new BodyRegistered("XA-SINHBINH", "Xã Sính Bình", "TU-DIENBIEN", BodyLevel.COMMUNE, MARCH_25, ADMIN),
                        new BodyRenamed("XA-SINHBINH", "Xã Sính Bình", "Đảng ủy xã Sính Bình", MARCH_25, ADMIN))
                .when(new RenameBody("XA-SINHBINH", "Đảng ủy xã Sính Bình", MARCH_25, ADMIN))
                .expectNoEvents()
                .expectState(state::set);
        assertRoundTrip(state.get(), Body.class);
    }

    @Test
    void issuedAndReceivedDirective() {
        AggregateTestFixture<Directive> fixture = new AggregateTestFixture<>(Directive.class);
        fixture.registerInjectableResource(bodies());
        fixture.registerInjectableResource(catalog());
        Actor do_ = new Actor("do", "Lê Thành Đô", "Phó Bí thư", "TU-DIENBIEN");
        Actor vptu = new Actor("vptu.officer", "Chuyên viên", "Chuyên viên", "VPTU-DIENBIEN");
        AtomicReference<Directive> state = new AtomicReference<>();
        fixture.given(
                        new DirectiveIssued("d-569", "569-CV/TU", DirectiveKind.CONG_VAN, "TU-DIENBIEN",
                                new Signer("Lê Thành Đô", "Phó Bí thư", SigningCapacity.TM), LocalDate.of(2026, 3, 23),
                                "V/v triển khai thực hiện Thông báo số 22-TB/CQTTBCĐ", List.of("VPTU-DIENBIEN"),
                                List.of("UBND-DIENBIEN"), List.of("BITHU"), List.of("Định hướng 1"),
                                List.of(new Citation("22-TB/CQTTBCĐ", "d-22")), List.of(), do_),
                        new DirectiveReceived("d-569", "VPTU-DIENBIEN", LocalDate.of(2026, 3, 24), vptu),
                        new DirectiveAliasRegistered("d-569", "569/TU", LocalDate.of(2026, 3, 24), do_))
                // a second receipt by the same body records nothing: it only loads the aggregate
                .when(new AcknowledgeReceipt("d-569", LocalDate.of(2026, 3, 24), vptu))
                .expectNoEvents()
                .expectState(state::set);
        assertRoundTrip(state.get(), Directive.class);
    }

    private static <T> void assertRoundTrip(T aggregate, Class<T> type) {
        assertThat(aggregate).isNotNull();
        SerializedObject<String> written = SNAPSHOTS.serialize(aggregate, String.class);
        T read = SNAPSHOTS.deserialize(written);
        assertThat(read).isInstanceOf(type);
        assertThat(read).usingRecursiveComparison().isEqualTo(aggregate);
        assertThat(SNAPSHOTS.serialize(read, String.class).getData()).isEqualTo(written.getData());
    }

    private static BodyDirectory bodies() {
        return new BodyDirectory() {
            @Override
            public boolean exists(String code) {
                return true;
            }

            @Override
            public boolean isActive(String code) {
                return true;
            }

            @Override
            public boolean isSameOrDescendant(String code, String ancestorCode) {
                return true;
            }
        };
    }

    private static DirectiveCatalog catalog() {
        return new DirectiveCatalog() {
            @Override
            public Optional<String> resolveSymbol(String symbolAsWritten) {
                return Optional.empty();
            }

            @Override
            public DirectiveStatus statusOf(String directiveId) {
                return DirectiveStatus.ACTIVE;
            }
        };
    }
}

package vn.ledger.core.body;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.fixtures.InMemoryBodyDirectory;
import vn.ledger.core.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;

import static vn.ledger.core.fixtures.Bodies.TU_DIENBIEN;
import static vn.ledger.core.fixtures.Bodies.TW;
import static vn.ledger.core.fixtures.Bodies.actor;
import static vn.ledger.core.fixtures.Clock.NOW;
import static vn.ledger.core.fixtures.Clock.TODAY;
import static vn.ledger.core.fixtures.Refusal.refused;

@DisplayName("Body: the hierarchy directives cascade down")
class BodyTest {

    private static final Actor ADMIN = actor(TW);
    private static final String SINHBINH = "DU-SINHBINH";
    private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);
    private static final BodyRegistered SINHBINH_REGISTERED = new BodyRegistered(SINHBINH, "Đảng ủy xã Sính Bình",
            TU_DIENBIEN, BodyLevel.COMMUNE, JULY_1, ADMIN);

    private AggregateTestFixture<Body> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Body.class);
        fixture.registerInjectableResource(InMemoryBodyDirectory.seeds()
                .add("XA-MOI", TU_DIENBIEN)
                .add("XA-DA-SAP-NHAP", TU_DIENBIEN).close("XA-DA-SAP-NHAP"));
    }

    private TestExecutor<Body> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    @Nested
    class Registering {

        @Test
        void a_commune_is_registered_under_its_province() {
            given().when(new RegisterBody("XA-NEW", "Đảng ủy xã Mường Phăng", TU_DIENBIEN, BodyLevel.COMMUNE, JULY_1, ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new BodyRegistered("XA-NEW", "Đảng ủy xã Mường Phăng", TU_DIENBIEN,
                            BodyLevel.COMMUNE, JULY_1, ADMIN));
        }

        @Test
        void a_root_has_no_parent() {
            given().when(new RegisterBody("ROOT-2", "Trung ương", null, BodyLevel.CENTRAL, JULY_1, ADMIN))
                    .expectEvents(new BodyRegistered("ROOT-2", "Trung ương", null, BodyLevel.CENTRAL, JULY_1, ADMIN));
        }

        @Test
        void without_an_effective_date_it_takes_effect_today_in_Vietnam() {
            // 18:30 UTC on 1 April is already 2 April in Hà Nội.
            fixture.givenCurrentTime(Instant.parse("2026-04-01T18:30:00Z"))
                    .when(new RegisterBody("XA-NEW", "Xã mới", TU_DIENBIEN, BodyLevel.COMMUNE, null, ADMIN))
                    .expectEvents(new BodyRegistered("XA-NEW", "Xã mới", TU_DIENBIEN, BodyLevel.COMMUNE,
                            LocalDate.of(2026, 4, 2), ADMIN));
        }

        @Test
        void a_blank_code_is_refused() {
            given().when(new RegisterBody(" ", "Xã", TU_DIENBIEN, BodyLevel.COMMUNE, JULY_1, ADMIN))
                    .expectException(refused("body.code.required", "code"))
                    .expectNoEvents();
        }

        @Test
        void a_blank_name_is_refused() {
            given().when(new RegisterBody("XA-NEW", "", TU_DIENBIEN, BodyLevel.COMMUNE, JULY_1, ADMIN))
                    .expectException(refused("body.name.required", "name"))
                    .expectNoEvents();
        }

        @Test
        void a_missing_level_is_refused() {
            given().when(new RegisterBody("XA-NEW", "Xã", TU_DIENBIEN, null, JULY_1, ADMIN))
                    .expectException(refused("body.level.required", "level"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_parent_is_refused() {
            given().when(new RegisterBody("XA-NEW", "Xã", "TU-KHONG-CO", BodyLevel.COMMUNE, JULY_1, ADMIN))
                    .expectException(refused("body.parent.not-found", "parentCode"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_parent_is_refused() {
            given().when(new RegisterBody("XA-NEW", "Xã", "XA-DA-SAP-NHAP", BodyLevel.UNIT, JULY_1, ADMIN))
                    .expectException(refused("body.parent.closed", "parentCode"))
                    .expectNoEvents();
        }

        @Test
        void a_code_already_in_the_directory_is_refused() {
            given().when(new RegisterBody(TU_DIENBIEN, "Tỉnh ủy Điện Biên", TW, BodyLevel.PROVINCE, JULY_1, ADMIN))
                    .expectException(refused("body.code.taken", "code"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Renaming {

        @Test
        void the_event_keeps_the_old_and_the_new_name() {
            given(SINHBINH_REGISTERED)
                    .when(new RenameBody(SINHBINH, "Đảng ủy xã Sính Bình (mới)", TODAY, ADMIN))
                    .expectEvents(new BodyRenamed(SINHBINH, "Đảng ủy xã Sính Bình", "Đảng ủy xã Sính Bình (mới)",
                            TODAY, ADMIN));
        }

        @Test
        void the_same_name_again_records_nothing() {
            given(SINHBINH_REGISTERED)
                    .when(new RenameBody(SINHBINH, "Đảng ủy xã Sính Bình", TODAY, ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_blank_name_is_refused() {
            given(SINHBINH_REGISTERED)
                    .when(new RenameBody(SINHBINH, " ", TODAY, ADMIN))
                    .expectException(refused("body.name.required", "newName"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing_and_merging {

        @Test
        void a_body_is_closed_with_a_reason() {
            given(SINHBINH_REGISTERED)
                    .when(new CloseBody(SINHBINH, "Giải thể theo Nghị quyết", TODAY, ADMIN))
                    .expectEvents(new BodyClosed(SINHBINH, "Giải thể theo Nghị quyết", TODAY, ADMIN));
        }

        @Test
        void closing_without_a_reason_is_refused() {
            given(SINHBINH_REGISTERED)
                    .when(new CloseBody(SINHBINH, null, TODAY, ADMIN))
                    .expectException(refused("body.reason.required", "reason"))
                    .expectNoEvents();
        }

        @Test
        void a_body_merges_into_an_open_body_which_becomes_its_successor() {
            given(SINHBINH_REGISTERED)
                    .when(new MergeBody(SINHBINH, "XA-MOI", JULY_1, ADMIN))
                    .expectEvents(new BodyMerged(SINHBINH, "XA-MOI", JULY_1, ADMIN));
        }

        @Test
        void a_body_cannot_merge_into_itself() {
            given(SINHBINH_REGISTERED)
                    .when(new MergeBody(SINHBINH, SINHBINH, JULY_1, ADMIN))
                    .expectException(refused("body.merge.self", "intoCode"))
                    .expectNoEvents();
        }

        @Test
        void merging_into_an_unknown_body_is_refused() {
            given(SINHBINH_REGISTERED)
                    .when(new MergeBody(SINHBINH, "XA-KHONG-CO", JULY_1, ADMIN))
                    .expectException(refused("body.merge-target.not-found", "intoCode"))
                    .expectNoEvents();
        }

        @Test
        void merging_into_a_closed_body_is_refused() {
            given(SINHBINH_REGISTERED)
                    .when(new MergeBody(SINHBINH, "XA-DA-SAP-NHAP", JULY_1, ADMIN))
                    .expectException(refused("body.merge-target.closed", "intoCode"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Nothing_happens_to_a_closed_body {

        @Test
        void no_rename_after_closing() {
            given(SINHBINH_REGISTERED, new BodyClosed(SINHBINH, "Giải thể", JULY_1, ADMIN))
                    .when(new RenameBody(SINHBINH, "Tên mới", TODAY, ADMIN))
                    .expectException(refused("body.closed", "code"))
                    .expectNoEvents();
        }

        @Test
        void no_second_closing() {
            given(SINHBINH_REGISTERED, new BodyClosed(SINHBINH, "Giải thể", JULY_1, ADMIN))
                    .when(new CloseBody(SINHBINH, "Giải thể lần nữa", TODAY, ADMIN))
                    .expectException(refused("body.closed", "code"))
                    .expectNoEvents();
        }

        @Test
        void no_merge_of_a_body_already_merged() {
            given(SINHBINH_REGISTERED, new BodyMerged(SINHBINH, "XA-MOI", JULY_1, ADMIN))
                    .when(new MergeBody(SINHBINH, TU_DIENBIEN, TODAY, ADMIN))
                    .expectException(refused("body.closed", "code"))
                    .expectNoEvents();
        }
    }
}

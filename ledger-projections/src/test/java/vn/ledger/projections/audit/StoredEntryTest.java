package vn.ledger.projections.audit;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An audit entry is stored as one string and read back whole; a layout-2 entry still reads")
class StoredEntryTest {

    private static final Document BUCKET = new Document("_id", "t-1|0").append("agg", "t-1").append("aggType", "Task");

    @Test
    void aPackedEntryReadsBackAsTheEntryItWasMadeFrom() {
        Actor actor = new Actor("thang", "Hạng Xuân Thắng", "Bí thư\u001F", "DU-SINHBINH");
        List<AuditEntry.Change> changes = List.of(new AuditEntry.Change("status", "OPEN", "COMPLETION_PENDING"),
                new AuditEntry.Change("successor", null, ""));
        String packed = StoredEntry.pack(7, "0001|t-1|7", "ev-7", "TaskCompleted", "Báo cáo hoàn thành", "Declared",
                actor, Instant.parse("2026-04-02T03:04:05.678Z"), LocalDate.of(2026, 4, 2), "d-1", "TU-DIENBIEN",
                List.of("DU-SINHBINH", "TU-DIENBIEN"), changes, 123L);

        assertThat(StoredEntry.seq(packed)).isEqualTo(7);
        assertThat(StoredEntry.id(packed)).isEqualTo("0001|t-1|7");
        assertThat(StoredEntry.read(BUCKET, packed)).isEqualTo(new AuditEntry("0001|t-1|7", "ev-7", "TaskCompleted",
                "Báo cáo hoàn thành", "Declared", actor, "Task", "t-1", 7L, Instant.parse("2026-04-02T03:04:05.678Z"),
                LocalDate.of(2026, 4, 2), "d-1", "TU-DIENBIEN", List.of("DU-SINHBINH", "TU-DIENBIEN"), changes, 123L));
    }

    @Test
    void nullsStayNull() {
        String packed = StoredEntry.pack(0, "id", "ev", "BodyRegistered", "vi", "en", null, null, null, null, null,
                List.of(), List.of(), null);

        AuditEntry e = StoredEntry.read(new Document("agg", null), packed);
        assertThat(e.actor()).isNull();
        assertThat(e.recordedAt()).isNull();
        assertThat(e.businessDate()).isNull();
        assertThat(e.directiveId()).isNull();
        assertThat(e.position()).isNull();
        assertThat(e.sequenceNumber()).isNull(); // an event without aggregate has no sequence to show
        assertThat(e.bodies()).isEmpty();
        assertThat(e.changes()).isEmpty();
    }

    @Test
    void anEntryOfLayoutTwoReadsTheSameAndSortsAmongPackedOnes() {
        Document old = new Document("seq", 3L).append("id", "0001|t-1|3").append("eventId", "ev-3")
                .append("type", "TaskUrged").append("vi", "Đôn đốc").append("en", "Urged")
                .append("actor", new Document("username", "do").append("fullName", "Lê Thành Đô")
                        .append("position", "Bí thư").append("body", "TU-DIENBIEN"))
                .append("at", Date.from(Instant.parse("2026-04-01T00:00:00Z"))).append("businessDate", "2026-04-01")
                .append("directive", "d-1").append("authorityBody", "TU-DIENBIEN")
                .append("bodies", List.of("TU-DIENBIEN"))
                .append("changes", List.of(new Document("field", "f").append("old", null).append("new", "x")))
                .append("position", 9L);
        String packed = StoredEntry.pack(3, "0001|t-1|3", "ev-3", "TaskUrged", "Đôn đốc", "Urged",
                new Actor("do", "Lê Thành Đô", "Bí thư", "TU-DIENBIEN"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.of(2026, 4, 1), "d-1", "TU-DIENBIEN", List.of("TU-DIENBIEN"),
                List.of(new AuditEntry.Change("f", null, "x")), 9L);

        assertThat(StoredEntry.read(BUCKET, old)).isEqualTo(StoredEntry.read(BUCKET, packed));
        List<Object> mixed = new ArrayList<>(List.of(old, StoredEntry.pack(5, "0002|t-1|5", "ev-5", "TaskUrged",
                "", "", null, null, null, null, null, List.of(), List.of(), null)));
        assertThat(AuditProjection.indexOf(mixed, 3)).isZero();
        assertThat(AuditProjection.indexOf(mixed, 5)).isEqualTo(1);
        assertThat(AuditProjection.indexOf(mixed, 4)).isEqualTo(-2);
        assertThat(AuditProjection.indexOf(mixed, 6)).isEqualTo(-3);
    }
}

package vn.ledger.projections.audit;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.shared.Actor;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An audit entry is stored as one packed string in its entity bucket, and read back whole")
class StoredEntryTest {

    private static final Actor THANG = new Actor("thang", "Hạng Xuân Thắng", "Bí thư\u001F", "DU-SINHBINH");

    private static StoredEntry entry(long seq, String id) {
        return new StoredEntry(seq, id, "ev-" + seq, "TaskCompleted", "Báo cáo hoàn thành", "Declared", THANG,
                Instant.parse("2026-04-02T03:04:05.678Z"), LocalDate.of(2026, 4, 2), "d-1", "TU-DIENBIEN",
                List.of("DU-SINHBINH", "TU-DIENBIEN"), List.of(new AuditEntry.Change("status", "OPEN", "COMPLETION_PENDING"),
                new AuditEntry.Change("successor", null, "")), 123L);
    }

    @Test
    void aPackedEntryReadsBackAsTheEntryItWasMadeFrom() {
        StoredEntry e = entry(7, "0001|t-1|7");
        Object packed = StoredEntry.FORM.write(e);

        assertThat(packed).isInstanceOf(String.class);
        assertThat(StoredEntry.FORM.read(packed)).isEqualTo(e);
        assertThat(StoredEntry.FORM.read(packed).entry("t-1", "Task")).isEqualTo(new AuditEntry("0001|t-1|7", "ev-7",
                "TaskCompleted", "Báo cáo hoàn thành", "Declared", THANG, "Task", "t-1", 7L,
                Instant.parse("2026-04-02T03:04:05.678Z"), LocalDate.of(2026, 4, 2), "d-1", "TU-DIENBIEN",
                List.of("DU-SINHBINH", "TU-DIENBIEN"), e.changes(), 123L));
    }

    @Test
    void nullsStayNull() {
        StoredEntry e = new StoredEntry(0, "id", "ev", "BodyRegistered", "vi", "en", null, null, null, null, null,
                List.of(), List.of(), null);

        AuditEntry read = StoredEntry.FORM.read(StoredEntry.FORM.write(e)).entry(null, null);
        assertThat(read.actor()).isNull();
        assertThat(read.recordedAt()).isNull();
        assertThat(read.businessDate()).isNull();
        assertThat(read.directiveId()).isNull();
        assertThat(read.position()).isNull();
        assertThat(read.sequenceNumber()).isNull(); // an event without aggregate has no sequence to show
        assertThat(read.bodies()).isEmpty();
        assertThat(read.changes()).isEmpty();
    }

    @Test
    @DisplayName("a bucket is stored with its entries packed, in sequence order, and reads back as it was")
    void aBucketRoundTripsWithItsEntriesPackedInSequenceOrder() {
        EntityBucket bucket = EntityBucket.empty("t-1", "t-1", "Task", 0)
                .withAuthority(EntityBucket.Authority.task("TU-DIENBIEN", "1"))
                .with(entry(5, "0002|t-1|5")).with(entry(3, "0001|t-1|3")).withTail(2);
        assertThat(bucket.entries()).extracting(e -> e.seq()).containsExactly(3L, 5L);
        assertThat(bucket.indexOf(3)).isZero();
        assertThat(bucket.indexOf(5)).isEqualTo(1);
        assertThat(bucket.indexOf(4)).isEqualTo(-2);
        assertThat(bucket.indexOf(6)).isEqualTo(-3);
        assertThat(bucket.entry(5, "0002|t-1|5")).isEqualTo(entry(5, "0002|t-1|5"));
        assertThat(bucket.entry(5, "another id")).isNull();

        InMemoryReadStore store = new InMemoryReadStore();
        store.put(AuditProjection.COLLECTION, EntityBucket.FORM.document(bucket));
        Document stored = store.find(AuditProjection.COLLECTION, "t-1|0").orElseThrow();
        assertThat(stored.keySet()).containsExactly("_id", "agg", "aggType", "n", "tail", "authority", "entries");
        assertThat(stored.get("authority")).isEqualTo(new Document("assigner", "TU-DIENBIEN").append("code", "1"));
        assertThat(stored.getList("entries", Object.class)).allSatisfy(e -> assertThat(e).isInstanceOf(String.class));
        assertThat(EntityBucket.FORM.read(stored)).isEqualTo(bucket);
    }
}

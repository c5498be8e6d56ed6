package vn.ledger.archive.spill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventSpillTest {

    @TempDir
    Path temp;

    private static SpilledEvent event(String doc, String aggregate, long sequence, long position, String payload) {
        return new SpilledEvent(doc, aggregate, sequence, position, aggregate.contains("/") ? "Task" : "Directive",
                "vn.ledger.core.Some", "1", Instant.ofEpochSecond(1_700_000_000L + position, 7), payload);
    }

    @Test
    void eventsAddedInLogOrderComeBackByDocumentAggregateAndSequenceAcrossManyRuns() throws Exception {
        // given events of three documents interleaved as a log holds them, and runs of a few events each
        List<SpilledEvent> log = new ArrayList<>();
        long position = 0;
        for (int round = 1; round <= 40; round++) {
            for (String doc : List.of("D2", "D1", "D3")) {
                log.add(event(doc, doc, round, ++position, "{\"n\":" + round + ",\"text\":\"Việt Nam\"}"));
                log.add(event(doc, doc + "/II.1", round, ++position, "{}"));
                log.add(event(doc, doc + "/II.1.1", round, ++position, null));
            }
        }
        List<SpilledEvent> handed = new ArrayList<>();
        try (EventSpill spill = new EventSpill(temp, 2_000)) {
            log.forEach(spill::add);

            // when it is sorted
            spill.sort(handed::add);

            // then every event is handed over once, in document, aggregate, sequence order
            assertThat(handed).hasSize(log.size()).isSortedAccordingTo(SpilledEvent.ORDER)
                    .containsExactlyInAnyOrderElementsOf(log);
            assertThat(spill.documents()).isEqualTo(3);
            // and a document reads back whole, its own events then its tasks', payloads as written
            List<SpilledEvent> d1 = spill.document("D1", null);
            assertThat(d1).hasSize(120).allMatch(e -> e.docKey().equals("D1"));
            assertThat(d1.get(0)).isEqualTo(log.get(3));
            assertThat(d1.get(0).payloadJson()).isEqualTo("{\"n\":1,\"text\":\"Việt Nam\"}");
            assertThat(d1.get(119).aggregateId()).isEqualTo("D1/II.1.1");
            // and asked for one aggregate's payloads, the others' are skipped, not read
            assertThat(spill.document("D3", "D3")).hasSize(120)
                    .allMatch(e -> e.aggregateId().equals("D3") ? e.payloadJson() != null : e.payloadJson() == null);
            assertThat(spill.document("D9", null)).isEmpty();
            // and one aggregate reads back alone, with its payloads, the read stopping after it
            assertThat(spill.aggregate("D3", "D3")).hasSize(40).extracting(SpilledEvent::sequence).isSorted();
            assertThat(spill.aggregate("D1", "D1/II.1")).hasSize(40)
                    .allMatch(e -> e.aggregateId().equals("D1/II.1") && "{}".equals(e.payloadJson()));
            assertThat(spill.aggregate("D1", "D1/II.0")).isEmpty();
            assertThat(spill.aggregate("D9", "D9")).isEmpty();
        }
        // and its files are gone
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void moreRunsThanOneMergeTakesAreMergedInRounds() throws Exception {
        // given a run per event, far more than one merge reads at once
        List<SpilledEvent> log = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            log.add(event("D" + (i % 7), "D" + (i % 7), i, i + 1, "{}"));
        }
        List<SpilledEvent> handed = new ArrayList<>();
        try (EventSpill spill = new EventSpill(temp, 1)) {
            log.forEach(spill::add);
            spill.sort(handed::add);

            assertThat(handed).hasSize(300).isSortedAccordingTo(SpilledEvent.ORDER);
            assertThat(spill.document("D3", null)).extracting(SpilledEvent::sequence)
                    .isSorted().hasSize(43);
        }
    }
}

package vn.ledger.archive.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.archive.spill.EventSpill;
import vn.ledger.archive.spill.SpilledEvent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossiersTest {

    @TempDir
    Path temp;

    @Test
    void dossiersReadAheadComeOneForEachDocumentInTheOrderTheReportAsks() throws Exception {
        // given a spill holding three documents' events and their tasks'
        try (EventSpill spill = new EventSpill(temp, 1_000)) {
            long position = 0;
            for (String doc : List.of("D1", "D2", "D3")) {
                spill.add(event(doc, doc, 1, ++position));
                spill.add(event(doc, doc + "/II.2", 1, ++position));
                spill.add(event(doc, doc + "/II.1", 1, ++position));
            }
            spill.sort(e -> { });
            Facts facts = new Facts(new Histories(null, spill), Map.of());

            // when they are read ahead, one at a time, in an order of the report's own
            List<String> seen = new ArrayList<>();
            try (Dossiers ahead = new Dossiers(facts, List.of("D3", "D1", "D2"), 1)) {
                while (ahead.hasNext()) {
                    Facts.Dossier d = ahead.next();
                    seen.add(d.id());
                    // then the events of a type this version does not know make no document and no task
                    assertThat(d.document()).isNull();
                    assertThat(d.tasks()).isEmpty();
                }
            }
            assertThat(seen).containsExactly("D3", "D1", "D2");
        }
    }

    @Test
    void aFailureReadingAheadIsThrownWhereTheDossierIsTaken() {
        // given facts whose histories cannot be read (no spill)
        Facts facts = new Facts(new Histories(null, null), Map.of());

        // when the report takes the first dossier, then it gets the reading thread's failure
        try (Dossiers ahead = new Dossiers(facts, List.of("D1", "D2"), 2)) {
            assertThat(ahead.hasNext()).isTrue();
            assertThatThrownBy(ahead::next).isInstanceOf(NullPointerException.class);
        }
    }

    private static SpilledEvent event(String doc, String aggregate, long sequence, long position) {
        return new SpilledEvent(doc, aggregate, sequence, position, aggregate.contains("/") ? "Task" : "Directive",
                "vn.ledger.core.NotAnEvent", "1", Instant.ofEpochSecond(1_700_000_000L + position), "{}");
    }
}

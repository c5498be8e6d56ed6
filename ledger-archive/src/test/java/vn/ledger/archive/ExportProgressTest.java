package vn.ledger.archive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The proofs phase has a share of the export's progress of its own, counted while the later phases run. */
class ExportProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theProofsCountTheirOwnShareAfterTheLogIsRead() {
        // given the whole log read (1,000 commits, 400 of them exported) and the proofs begun
        ExportProgress begun = ExportProgress.of("writing proofs", 1000, 1000, 900, true, 0, 400, 0, 10 * SECOND, -1);

        // when half the proofs are written, and when all are, the export's thread not past its own start meanwhile
        ExportProgress half = ExportProgress.of("sorting the spill", 1000, 1000, 900, true, 200, 400, 0,
                11 * SECOND, -1);
        ExportProgress all = ExportProgress.of("sorting the spill", 1000, 1000, 900, true, 400, 400, 0,
                12 * SECOND, -1);

        // then the log counts for 55 percent, the proofs for 5 more, and the counts say how far they are
        assertThat(begun.percent()).isEqualTo(55.0);
        assertThat(half.percent()).isEqualTo(57.5);
        assertThat(half.proofsWritten()).isEqualTo(200);
        assertThat(half.proofsTotal()).isEqualTo(400);
        assertThat(all.percent()).isEqualTo(60.0);
        assertThat(half.toString()).contains("200 of 400 proofs");
        assertThat(half.eta()).isNotNull();
    }

    @Test
    void theLaterPhasesAddToTheProofsShareAndDoneIsAHundred() {
        // given the proofs a quarter written while the metadata, the first later phase (60 to 70 percent), is half
        ExportProgress meanwhile = ExportProgress.of("writing metadata", 1000, 1000, 900, true, 100, 400, 0,
                SECOND, 65);
        // when the report is done but the proofs still lag, and when the export is done
        ExportProgress lagging = ExportProgress.of("finishing the bag", 1000, 1000, 900, true, 100, 400, 0,
                SECOND, 99.9);
        ExportProgress done = ExportProgress.of("done", 1000, 1000, 900, true, 400, 400, 0, SECOND, 100);

        // then the shares add up, short of 100 until the proofs are written; done is 100
        assertThat(meanwhile.percent()).isEqualTo(61.3); // 55 + 5 × 100/400 + (65 - 60), one decimal
        assertThat(lagging.percent()).isEqualTo(96.2); // 55 + 1.25 + 39.9
        assertThat(done.percent()).isEqualTo(100.0);
    }

    @Test
    void anExportOfNoCommitHasItsProofsDoneAtOnce() {
        // given an export that selected no commit: no proof to write
        ExportProgress p = ExportProgress.of("writing proofs", 10, 10, 0, true, 0, 0, 0, SECOND, -1);

        // then its proofs count as written
        assertThat(p.percent()).isEqualTo(60.0);
    }
}

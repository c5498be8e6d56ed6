package vn.ledger.archive.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DaysTest {

    @Test
    void daysAndRecordedTimesArePrintedAsTheFormattersPrintThem() {
        // given days and instants from before Vietnam's present offset (its older ones included) to far ahead
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-400_000, 3_000_000));
            assertThat(Days.day(day)).isEqualTo(Days.DAY.format(day));
            Instant at = Instant.ofEpochSecond(random.nextLong(-3_000_000_000L, 300_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(Days.recorded(at)).isEqualTo(Days.RECORDED.format(at));
        }
        // and the hour Vietnam's clocks last moved, the seed cascade's days
        for (Instant at : new Instant[] {Instant.parse("1975-06-12T16:59:59Z"), Instant.parse("1975-06-12T17:00:00Z"),
                Instant.parse("2026-03-20T16:59:59.999Z"), Instant.parse("2026-03-20T17:00:00Z")}) {
            assertThat(Days.recorded(at)).isEqualTo(Days.RECORDED.format(at));
        }
        assertThat(Days.day(LocalDate.of(2026, 4, 30))).isEqualTo("30/04/2026");
    }
}

package vn.ledger.archive;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @Test
    void anInstantIsWrittenAsToStringWritesIt() {
        // given instants over the years the ledger records, whole seconds, milli-, micro- and nanosecond fractions,
        // and the edges where the text changes form
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            assertThat(Timestamps.iso(at)).isEqualTo(at.toString());
        }
        for (Instant at : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2026-03-20T02:00:00.000000001Z"),
                Instant.parse("2026-03-20T02:00:00.100Z")}) {
            assertThat(Timestamps.iso(at)).isEqualTo(at.toString());
        }
    }
}

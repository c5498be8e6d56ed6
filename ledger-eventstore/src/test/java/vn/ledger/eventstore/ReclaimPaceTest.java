package vn.ledger.eventstore;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** How hard the embedded store's maintenance reclaims, from the file against its live pages. */
@DisplayName("Reclamation pace of the embedded store")
class ReclaimPaceTest {

    private static final int FILL = 80;
    private static final long MB = 1024 * 1024;
    /** target (100 / 80)² = 1.5625, ceiling 3.125 */
    private final ReclaimPace pace = ReclaimPace.forFill(FILL);

    @Test
    @DisplayName("given a target fill of 80 %, then the target is its bound (100 / 80)² and the ceiling twice that")
    void boundsFromTheTargetFill() {
        assertThat(pace.target()).isEqualTo(1.5625);
        assertThat(pace.ceiling()).isEqualTo(3.125);
    }

    @Test
    @DisplayName("given a file at its target, when its chunks are nearly on target fill, then the step rests three "
            + "times its length and does not wait for a running commit")
    void atTargetRestsByFill() {
        assertThat(pace.decide(15 * MB, 10 * MB, 70, FILL)).isEqualTo(new ReclaimPace.Decision(3, false));
    }

    @Test
    @DisplayName("given a file at its target, when its chunks are sparse, then the ration by fill alone applies "
            + "(one step's length below three quarters of the target fill, a half below half of it)")
    void atTargetSparseChunksRestLess() {
        assertThat(pace.decide(15 * MB, 10 * MB, 50, FILL).restFactor()).isEqualTo(1);
        assertThat(pace.decide(15 * MB, 10 * MB, 30, FILL).restFactor()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("given a file a quarter of the way from target to ceiling, then the rest is three quarters of the "
            + "ration by fill, without waiting")
    void aboveTargetRestsLess() {
        long file = (long) ((1.5625 + 1.5625 / 4) * 10 * MB);
        ReclaimPace.Decision decision = pace.decide(file, 10 * MB, 70, FILL);
        assertThat(decision.restFactor()).isCloseTo(2.25, offset(0.01));
        assertThat(decision.waitForCommitter()).isFalse();
    }

    @Test
    @DisplayName("given a file just below the ceiling, then the step rests a little and still does not wait")
    void belowCeilingDoesNotWait() {
        ReclaimPace.Decision decision = pace.decide(30 * MB, 10 * MB, 70, FILL);
        assertThat(decision.restFactor()).isGreaterThan(0).isLessThan(0.3);
        assertThat(decision.waitForCommitter()).isFalse();
    }

    @Test
    @DisplayName("given a file at or above the ceiling, then steps run back to back, each waiting for the committer's "
            + "role")
    void atCeilingNoRest() {
        assertThat(pace.decide(32 * MB, 10 * MB, 70, FILL)).isEqualTo(new ReclaimPace.Decision(0, true));
        assertThat(pace.decide(60 * MB, 10 * MB, 30, FILL)).isEqualTo(new ReclaimPace.Decision(0, true));
    }

    @Test
    @DisplayName("given an empty store (no live pages), then the ration by fill applies")
    void emptyStore() {
        assertThat(pace.decide(8192, 0, 0, FILL)).isEqualTo(new ReclaimPace.Decision(0.5, false));
    }

    @Test
    @DisplayName("given a ceiling not above the target, or a target below 1, then the pace is refused")
    void refusesInvertedBounds() {
        assertThatThrownBy(() -> new ReclaimPace(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReclaimPace(0.5, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

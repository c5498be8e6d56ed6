package vn.ledger.projections;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Timeliness rule, version 1")
class TimelinessRuleTest {

    // "trong tháng 4/2026": due at 30/4/2026 23:59:59 in Hà Nội
    private static final Instant END_OF_APRIL = Instant.parse("2026-04-30T16:59:59Z");

    @Test
    void notStartedUntilAcknowledgedOrReported() {
        assertThat(TimelinessRule.evaluate(false, false, null, END_OF_APRIL, Instant.parse("2026-04-01T00:00:00Z")))
                .isEqualTo(Timeliness.NOT_STARTED);
        assertThat(TimelinessRule.evaluate(false, true, null, END_OF_APRIL, Instant.parse("2026-04-01T00:00:00Z")))
                .isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
    }

    @Test
    void overdueOnlyAfterTheLastInstantOfTheDueDayInVietnam() {
        assertThat(TimelinessRule.evaluate(false, true, null, END_OF_APRIL, Instant.parse("2026-04-30T16:59:59Z")))
                .isEqualTo(Timeliness.IN_PROGRESS_ON_TIME);
        assertThat(TimelinessRule.evaluate(false, false, null, END_OF_APRIL, Instant.parse("2026-04-30T17:00:00Z")))
                .isEqualTo(Timeliness.OVERDUE_NOT_DONE);
    }

    @Test
    void doneOnTimeOrLateByTheBusinessDateOfCompletion() {
        Instant later = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(TimelinessRule.evaluate(false, true, LocalDate.of(2026, 4, 30), END_OF_APRIL, later))
                .isEqualTo(Timeliness.DONE_ON_TIME);
        assertThat(TimelinessRule.evaluate(false, true, LocalDate.of(2026, 5, 1), END_OF_APRIL, later))
                .isEqualTo(Timeliness.DONE_LATE);
    }

    @Test
    void cancelledWinsAndNoDeadlineIsNeverOverdue() {
        assertThat(TimelinessRule.evaluate(true, true, LocalDate.of(2026, 4, 1), END_OF_APRIL, Instant.now()))
                .isEqualTo(Timeliness.CANCELLED);
        assertThat(TimelinessRule.evaluate(false, false, null, null, Instant.parse("2030-01-01T00:00:00Z")))
                .isEqualTo(Timeliness.NOT_STARTED);
    }
}

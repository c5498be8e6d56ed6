package vn.ledger.core.event;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskDelegated;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The business date of an event")
class BusinessDatesTest {

    private static final Actor CLERK = new Actor("clerk", "Cán bộ", "Chuyên viên", "BKHCN");
    private static final LocalDate OCT_5 = LocalDate.of(2025, 10, 5);

    @Test
    void everyEventTypeOfEverySealedFamilyHasItsBusinessDate() throws Exception {
        // given every type the families permit, each built with its date fields on 5/10/2025
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> family : BusinessDates.FAMILIES) {
            types.addAll(Arrays.asList(family.getPermittedSubclasses()));
        }
        assertThat(types).hasSizeGreaterThanOrEqualTo(23);
        for (Class<?> type : types) {
            // when its business date is asked, then it is the day it carries
            assertThat(BusinessDates.covers(type)).as(type.getSimpleName() + " is listed").isTrue();
            assertThat(BusinessDates.carried(dated(type, OCT_5))).as(type.getSimpleName()).contains(OCT_5);
        }
    }

    @Test
    void aDelegationOfOctoberEnteredInDecemberIsDatedInOctober() {
        // given a delegation dated 5/10/2025, recorded on 6/12/2026
        TaskDelegated late = new TaskDelegated("D/1", "D", "D/1.1", "BKHCN", List.of("VKHCN"), List.of(), null,
                OCT_5, CLERK);

        // then its business date is 5/10/2025, not the recorded day
        assertThat(BusinessDates.of(late, Instant.parse("2026-12-06T02:00:00Z"))).isEqualTo(OCT_5);
    }

    @Test
    void anEventStoredWithoutADateReadsAsItsRecordedDayInVietnam() {
        // given a receipt stored before receipts carried a date, recorded at 18:30 UTC on 30/10/2025
        DirectiveReceived old = new DirectiveReceived("D", "BKHCN", null, CLERK);
        Instant recorded = Instant.parse("2025-10-30T18:30:00Z");

        // then it is dated 31/10/2025: already the next day in Hà Nội
        assertThat(BusinessDates.carried(old)).isEmpty();
        assertThat(BusinessDates.of(old, recorded)).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(BusinessDates.of("not an event", recorded)).isEqualTo(LocalDate.of(2025, 10, 31));
    }

    @Test
    void theEndOfABusinessDayIsItsLastInstantInVietnam() {
        assertThat(BusinessDates.endOf(LocalDate.of(2025, 10, 31)))
                .isEqualTo(Instant.parse("2025-10-31T16:59:59.999999999Z"));
    }

    @Test
    void aReportCarriesTheDayItWasMadeWhateverItsPeriod() {
        ProgressReported report = new ProgressReported("D/1", "D", "BKHCN", "Báo cáo", 40,
                java.time.YearMonth.of(2025, 9), OCT_5, List.of(), CLERK);

        assertThat(BusinessDates.carried(report)).contains(OCT_5);
    }

    /** An instance of the record {@code type}: every date component {@code day}, lists empty, the rest empty. */
    private static Object dated(Class<?> type, LocalDate day) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] shape = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = shape[i];
            args[i] = c == LocalDate.class ? day : List.class.isAssignableFrom(c) ? List.of()
                    : c == Actor.class ? CLERK : c == String.class ? "x" : c == int.class ? 0 : c == long.class ? 0L
                    : c == boolean.class ? false : null;
        }
        Constructor<?> canonical = type.getDeclaredConstructor(shape);
        return canonical.newInstance(args);
    }
}

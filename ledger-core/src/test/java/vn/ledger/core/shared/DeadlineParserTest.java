package vn.ledger.core.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Deadlines as officials write them")
class DeadlineParserTest {

    /** Every wording of DOMAIN.md and of the seeds, with the day it falls due in Vietnam. */
    static Stream<Arguments> wordings() {
        return Stream.of(
                Arguments.of("trước ngày 05/4/2026", DeadlineKind.BEFORE_DATE, LocalDate.of(2026, 4, 4)),
                Arguments.of("chậm nhất trước ngày 05/4/2026", DeadlineKind.BEFORE_DATE, LocalDate.of(2026, 4, 4)),
                Arguments.of("trước ngày 30/10/2025", DeadlineKind.BEFORE_DATE, LocalDate.of(2025, 10, 29)),
                Arguments.of("trước ngày 31/12/2025", DeadlineKind.BEFORE_DATE, LocalDate.of(2025, 12, 30)),
                Arguments.of("trước ngày 01/01/2026", DeadlineKind.BEFORE_DATE, LocalDate.of(2025, 12, 31)),
                Arguments.of("ngày 30/10/2025", DeadlineKind.EXACT_DATE, LocalDate.of(2025, 10, 30)),
                Arguments.of("ngày 5/4/2026", DeadlineKind.EXACT_DATE, LocalDate.of(2026, 4, 5)),
                Arguments.of("ngày 05/04/2026", DeadlineKind.EXACT_DATE, LocalDate.of(2026, 4, 5)),
                Arguments.of("30/10/2025", DeadlineKind.EXACT_DATE, LocalDate.of(2025, 10, 30)),
                Arguments.of("ngày 30 tháng 10 năm 2025", DeadlineKind.EXACT_DATE, LocalDate.of(2025, 10, 30)),
                Arguments.of("2026-04-30", DeadlineKind.EXACT_DATE, LocalDate.of(2026, 4, 30)),
                Arguments.of("trong tháng 4/2026", DeadlineKind.MONTH, LocalDate.of(2026, 4, 30)),
                Arguments.of("hoàn thành trong tháng 5/2026", DeadlineKind.MONTH, LocalDate.of(2026, 5, 31)),
                Arguments.of("chậm nhất trong tháng 6/2026", DeadlineKind.MONTH, LocalDate.of(2026, 6, 30)),
                Arguments.of("Hoàn thành chậm nhất trong tháng 6/2026.", DeadlineKind.MONTH, LocalDate.of(2026, 6, 30)),
                Arguments.of("trình Thủ tướng Chính phủ ban hành trong tháng 4/2026", DeadlineKind.MONTH,
                        LocalDate.of(2026, 4, 30)),
                Arguments.of("trong tháng 2/2028", DeadlineKind.MONTH, LocalDate.of(2028, 2, 29)),
                Arguments.of("tháng 12 năm 2026", DeadlineKind.MONTH, LocalDate.of(2026, 12, 31)));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} due end of {2}")
    @MethodSource("wordings")
    void dated_forms_fall_due_at_the_last_second_of_the_day_in_Vietnam(String wording, DeadlineKind kind,
                                                                         LocalDate due) {
        Deadline d = DeadlineParser.parse(wording);

        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.dueDate()).isEqualTo(due);
        assertThat(d.dueAt()).isEqualTo(Instant.parse(due + "T16:59:59Z")); // 23:59:59 at UTC+07:00
        assertThat(d.wording()).isEqualTo(wording);
        assertThat(d.recurrence()).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" in every spelling")
    @MethodSource("wordings")
    void NFC_NFD_upper_case_and_no_diacritics_all_read_alike(String wording, DeadlineKind kind, LocalDate due) {
        for (String variant : spellings(wording)) {
            Deadline d = DeadlineParser.parse(variant);

            assertThat(d.kind()).as(variant).isEqualTo(kind);
            assertThat(d.dueDate()).as(variant).isEqualTo(due);
            assertThat(d.wording()).as("wording kept verbatim").isEqualTo(variant);
        }
    }

    @Test
    void end_of_April_is_30_April_23_59_59_in_Ho_Chi_Minh_city() {
        assertThat(DeadlineParser.parse("trong tháng 4/2026").dueAt())
                .isEqualTo(Instant.parse("2026-04-30T23:59:59+07:00"));
    }

    @Nested
    class Recurring_duties {

        @ParameterizedTest
        @ValueSource(strings = {"định kỳ hằng tháng", "định kỳ hằng tháng báo cáo", "Định kỳ hàng tháng báo cáo",
                "báo cáo hằng tháng", "ĐỊNH KỲ HẰNG THÁNG", "dinh ky hang thang bao cao"})
        void monthly_reporting_is_a_schedule_without_a_single_due_date(String wording) {
            for (String variant : spellings(wording)) {
                Deadline d = DeadlineParser.parse(variant);

                assertThat(d.kind()).as(variant).isEqualTo(DeadlineKind.RECURRING_MONTHLY);
                assertThat(d.recurrence()).isEqualTo(Recurrence.MONTHLY);
                assertThat(d.dueAt()).isNull();
                assertThat(d.dueDate()).isNull();
                assertThat(d.recurring()).isTrue();
                assertThat(d.hasDueDate()).isFalse();
            }
        }

        @Test
        void a_dated_task_that_also_reports_monthly_keeps_both() {
            // Task II.2 of notice 22: working group within April, then monthly reports.
            Deadline d = DeadlineParser.parse("hoàn thành trong tháng 4/2026; định kỳ hằng tháng báo cáo");

            assertThat(d.kind()).isEqualTo(DeadlineKind.MONTH);
            assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(d.recurrence()).isEqualTo(Recurrence.MONTHLY);
        }
    }

    @Nested
    class No_deadline {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void absent_or_blank_wording_is_NONE(String wording) {
            Deadline d = DeadlineParser.parse(wording);

            assertThat(d.kind()).isEqualTo(DeadlineKind.NONE);
            assertThat(d.dueAt()).isNull();
            assertThat(d.wording()).isEqualTo(wording);
        }
    }

    @Nested
    @DisplayName("Urgent wordings without a date")
    class Urgent {

        @ParameterizedTest(name = "\"{0}\" is URGENT")
        @ValueSource(strings = {"khẩn trương", "Khẩn trương báo cáo Thủ tướng", "khẩn cấp", "gấp", "ngay",
                "thực hiện ngay", "ngay lập tức", "kịp thời", "sớm", "càng sớm càng tốt", "khan truong",
                "KỊP THỜI"})
        void are_kept_as_written_with_no_due_date(String wording) {
            Deadline d = DeadlineParser.parse(wording);

            assertThat(d.kind()).isEqualTo(DeadlineKind.URGENT);
            assertThat(d.urgent()).isTrue();
            assertThat(d.wording()).isEqualTo(wording);
            assertThat(d.dueAt()).isNull();
            assertThat(d.hasDueDate()).isFalse();
        }

        @Test
        void typed_in_NFD_they_read_alike() {
            assertThat(DeadlineParser.parse(Normalizer.normalize("khẩn trương", Normalizer.Form.NFD)).kind())
                    .isEqualTo(DeadlineKind.URGENT);
        }

        @Test
        void a_date_written_beside_them_binds() {
            Deadline d = DeadlineParser.parse("khẩn trương hoàn thành trước ngày 30/10/2025");

            assertThat(d.kind()).isEqualTo(DeadlineKind.BEFORE_DATE);
            assertThat(d.dueDate()).isEqualTo(LocalDate.of(2025, 10, 29));
        }

        @Test
        void the_day_of_a_date_is_not_read_as_at_once() {
            // "ngày" (day) folds to the letters of "ngay" (at once); with its accent it is not urgency
            assertThatThrownBy(() -> DeadlineParser.parse("trong ngày"))
                    .isInstanceOfSatisfying(DomainRuleViolation.class,
                            v -> assertThat(v.rule()).isEqualTo("deadline.unrecognised"));
        }

        @Test
        void a_monthly_schedule_written_beside_them_is_a_schedule() {
            assertThat(DeadlineParser.parse("kịp thời báo cáo định kỳ hằng tháng").kind())
                    .isEqualTo(DeadlineKind.RECURRING_MONTHLY);
        }

        @Test
        void an_urgent_time_is_not_clear_for_the_six_clear_check() {
            TaskSpec spec = new TaskSpec("1", "Báo cáo Thủ tướng", new Person("A", "B"), java.util.List.of("BKHCN"),
                    java.util.List.of(), "khẩn trương", "Báo cáo");

            assertThat(SixClear.missing(spec, DeadlineParser.parse(spec.deadline()), "VPCP", "d1"))
                    .containsExactly(Ro.THOI_GIAN);
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"cuối năm", "trong ngày", "quý II/2026", "ngày 31/4/2026", "trong tháng 13/2026",
                "ngày 30/2/2026", "trước ngày 30/10/2025 và trước ngày 31/12/2025"})
        void unreadable_impossible_or_ambiguous_wordings_are_refused(String wording) {
            assertThatThrownBy(() -> DeadlineParser.parse(wording))
                    .isInstanceOfSatisfying(DomainRuleViolation.class, v -> {
                        assertThat(v.field()).isEqualTo("deadline");
                        assertThat(v.rule()).isEqualTo("deadline.unrecognised");
                        assertThat(v.getMessage()).contains(wording);
                    });
        }

        @Test
        void the_refusal_names_the_field_it_was_given() {
            assertThatThrownBy(() -> DeadlineParser.parse("khi có điều kiện", "tasks[3].deadline"))
                    .isInstanceOfSatisfying(DomainRuleViolation.class,
                            v -> assertThat(v.field()).isEqualTo("tasks[3].deadline"));
        }

        @Test
        void the_same_date_written_twice_is_not_ambiguous() {
            assertThat(DeadlineParser.parse("ngày 30/10/2025 (30/10/2025)").dueDate())
                    .isEqualTo(LocalDate.of(2025, 10, 30));
        }
    }

    @Test
    void later_than_compares_due_instants_and_never_holds_without_a_date() {
        Deadline april = DeadlineParser.parse("trong tháng 4/2026");
        Deadline may = DeadlineParser.parse("trong tháng 5/2026");
        Deadline monthly = DeadlineParser.parse("định kỳ hằng tháng");
        Deadline none = DeadlineParser.parse(null);

        assertThat(may.laterThan(april)).isTrue();
        assertThat(april.laterThan(may)).isFalse();
        assertThat(april.laterThan(DeadlineParser.parse("ngày 30/4/2026"))).isFalse();
        assertThat(may.laterThan(monthly)).isFalse();
        assertThat(may.laterThan(none)).isFalse();
        assertThat(none.laterThan(april)).isFalse();
    }

    /** NFC, NFD, upper case (both forms), and typed without diacritics. */
    static String[] spellings(String wording) {
        String nfc = Normalizer.normalize(wording, Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(wording, Normalizer.Form.NFD);
        String ascii = Normalizer.normalize(wording, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return new String[]{nfc, nfd, nfc.toUpperCase(Locale.ROOT), nfd.toUpperCase(Locale.ROOT), ascii};
    }

    @Test
    void the_spellings_really_differ() {
        String[] s = spellings("trước ngày 05/4/2026");
        assertThat(s[0]).isNotEqualTo(s[1]);
        assertThat(s[1]).hasSizeGreaterThan(s[0].length());
        assertThat(s[4]).isEqualTo("truoc ngay 05/4/2026");
    }
}

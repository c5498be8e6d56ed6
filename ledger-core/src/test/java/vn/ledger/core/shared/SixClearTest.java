package vn.ledger.core.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("6 rõ: which of the six an assignment lacks")
class SixClearTest {

    private static final Person HEAD = new Person("Nguyễn Mạnh Hùng", "Bộ trưởng");
    private static final TaskSpec COMPLETE = new TaskSpec("II.1", "Rà soát danh mục công nghệ chiến lược", HEAD,
            List.of("BO-KHCN"), List.of("BO-QP"), "trong tháng 4/2026", "Danh mục trình Thủ tướng ban hành");

    private static List<Ro> missing(TaskSpec spec) {
        return SixClear.missing(spec, DeadlineParser.parse(spec.deadline()), "CQTT-BCD", "d-22");
    }

    @Test
    void a_complete_assignment_lacks_nothing() {
        assertThat(missing(COMPLETE)).isEmpty();
    }

    @Test
    void rõ_người_is_missing_without_a_named_responsible_person() {
        assertThat(missing(with(null, COMPLETE.work(), COMPLETE.leadBodies(), COMPLETE.deadline(), COMPLETE.product())))
                .containsExactly(Ro.NGUOI);
        assertThat(missing(with(new Person(" ", "Bộ trưởng"), COMPLETE.work(), COMPLETE.leadBodies(),
                COMPLETE.deadline(), COMPLETE.product()))).containsExactly(Ro.NGUOI);
    }

    @Test
    void rõ_việc_is_missing_when_the_work_is_blank() {
        assertThat(missing(with(HEAD, " ", COMPLETE.leadBodies(), COMPLETE.deadline(), COMPLETE.product())))
                .containsExactly(Ro.VIEC);
    }

    @Test
    void rõ_trách_nhiệm_is_missing_without_a_lead_body() {
        assertThat(missing(with(HEAD, COMPLETE.work(), List.of(), COMPLETE.deadline(), COMPLETE.product())))
                .containsExactly(Ro.TRACH_NHIEM);
    }

    @Test
    void rõ_thời_gian_is_missing_without_a_deadline_but_a_monthly_schedule_is_a_time() {
        assertThat(missing(with(HEAD, COMPLETE.work(), COMPLETE.leadBodies(), null, COMPLETE.product())))
                .containsExactly(Ro.THOI_GIAN);
        assertThat(missing(with(HEAD, COMPLETE.work(), COMPLETE.leadBodies(), "định kỳ hằng tháng báo cáo",
                COMPLETE.product()))).isEmpty();
    }

    @Test
    void rõ_thẩm_quyền_is_missing_without_an_assigning_body_or_directive() {
        Deadline d = DeadlineParser.parse(COMPLETE.deadline());
        assertThat(SixClear.missing(COMPLETE, d, null, "d-22")).containsExactly(Ro.THAM_QUYEN);
        assertThat(SixClear.missing(COMPLETE, d, "CQTT-BCD", " ")).containsExactly(Ro.THAM_QUYEN);
    }

    @Test
    void rõ_sản_phẩm_is_missing_without_a_deliverable() {
        assertThat(missing(with(HEAD, COMPLETE.work(), COMPLETE.leadBodies(), COMPLETE.deadline(), null)))
                .containsExactly(Ro.SAN_PHAM);
    }

    @Test
    void the_missing_ones_come_in_canonical_order() {
        // Section B.1 of 569-CV/TU: "all recipients disseminate": no person, no lead, no deadline, no product.
        TaskSpec vague = new TaskSpec("1", "Quán triệt, tổ chức thực hiện 6 định hướng lớn", null, null, null,
                null, null);
        assertThat(missing(vague)).containsExactly(Ro.NGUOI, Ro.TRACH_NHIEM, Ro.THOI_GIAN, Ro.SAN_PHAM);
        assertThat(Ro.NGUOI.label()).isEqualTo("rõ người");
    }

    private static TaskSpec with(Person p, String work, List<String> leads, String deadline, String product) {
        return new TaskSpec("II.1", work, p, leads, List.of(), deadline, product);
    }
}

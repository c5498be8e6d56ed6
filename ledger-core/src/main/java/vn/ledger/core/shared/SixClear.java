package vn.ledger.core.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The "6 rõ" completeness check. It reports which of the six are missing so that the ledger can expose vague
 * assignments (the seeds' complaint: no clear focal point accountable end to end) without blocking them:
 * a directive as signed must be recorded as it is.
 */
public final class SixClear {

    private SixClear() {
    }

    /**
     * @param spec              the assignment as written
     * @param deadline          its parsed deadline; RECURRING counts as a clear time, URGENT ("khẩn trương") does
     *                          not: it says the work is pressing, not by when it is due
     * @param assignerBodyCode  the body that assigns
     * @param directiveId       the directive that empowers it
     * @return the missing rõ in their canonical order, empty when the assignment is complete
     */
    public static List<Ro> missing(TaskSpec spec, Deadline deadline, String assignerBodyCode, String directiveId) {
        List<Ro> missing = new ArrayList<>();
        if (spec.responsible() == null || Text.isBlank(spec.responsible().name())) {
            missing.add(Ro.NGUOI);
        }
        if (Text.isBlank(spec.work())) {
            missing.add(Ro.VIEC);
        }
        if (spec.leadBodies().isEmpty()) {
            missing.add(Ro.TRACH_NHIEM);
        }
        if (deadline == null || deadline.kind() == DeadlineKind.NONE || deadline.urgent()) {
            missing.add(Ro.THOI_GIAN);
        }
        if (Text.isBlank(assignerBodyCode) || Text.isBlank(directiveId)) {
            missing.add(Ro.THAM_QUYEN);
        }
        if (Text.isBlank(spec.product())) {
            missing.add(Ro.SAN_PHAM);
        }
        return List.copyOf(missing);
    }
}

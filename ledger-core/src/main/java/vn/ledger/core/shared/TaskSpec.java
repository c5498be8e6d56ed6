package vn.ledger.core.shared;

import java.util.List;

/**
 * One assignment as written in a directive ("Giao Bộ KH&CN chủ trì, phối hợp với ..., hoàn thành trong tháng
 * 4/2026"). Lives in shared because both the directive (issuing, adding tasks) and the task (delegating) use it.
 * The deadline is kept as written; it is parsed by {@link DeadlineParser} when the task is created.
 *
 * @param code              the task's number in the document, e.g. "II.1" or "App.1"; part of the task id
 * @param responsible       the accountable person (rõ người); nullable, a missing person is recorded, not refused
 * @param leadBodies        body codes that lead (chủ trì)
 * @param cooperatingBodies body codes that cooperate (phối hợp)
 * @param deadline          the deadline as written, e.g. "trước ngày 05/4/2026"; null or blank for none
 * @param product           the expected deliverable (rõ sản phẩm)
 */
public record TaskSpec(String code, String work, Person responsible, List<String> leadBodies,
                       List<String> cooperatingBodies, String deadline, String product) {

    public TaskSpec {
        leadBodies = Text.listOf(leadBodies);
        cooperatingBodies = Text.listOf(cooperatingBodies);
    }
}

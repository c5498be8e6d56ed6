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
 * @param implementsTasks   the tasks of the cited directives this one makes concrete, as written: a task id
 *                          ("&lt;directiveId&gt;/II.1") or the code printed in the cited directive ("II.1"); empty
 *                          when the assignment names none. See {@link ImplementationLinks}.
 * @param leadGroups        groups of bodies that lead, as written ("các bộ, cơ quan ngang bộ"): each member body
 *                          gets a task of its own (code "II.6@BODY"), since each acts and is counted on its own
 * @param cooperatingGroups groups of bodies that cooperate, as written; their members join the cooperating bodies
 */
public record TaskSpec(String code, String work, Person responsible, List<String> leadBodies,
                       List<String> cooperatingBodies, String deadline, String product, List<String> implementsTasks,
                       List<BodyGroup> leadGroups, List<BodyGroup> cooperatingGroups) {

    public TaskSpec {
        leadBodies = Text.listOf(leadBodies);
        cooperatingBodies = Text.listOf(cooperatingBodies);
        implementsTasks = Text.listOf(implementsTasks);
        leadGroups = Text.listOf(leadGroups);
        cooperatingGroups = Text.listOf(cooperatingGroups);
    }

    /** An assignment that names no group of bodies. */
    public TaskSpec(String code, String work, Person responsible, List<String> leadBodies,
                    List<String> cooperatingBodies, String deadline, String product, List<String> implementsTasks) {
        this(code, work, responsible, leadBodies, cooperatingBodies, deadline, product, implementsTasks, List.of(),
                List.of());
    }

    /** True when a group of bodies is named among the leads or the cooperating bodies. */
    public boolean namesGroups() {
        return !leadGroups.isEmpty() || !cooperatingGroups.isEmpty();
    }

    /** An assignment that names no task it implements. */
    public TaskSpec(String code, String work, Person responsible, List<String> leadBodies,
                    List<String> cooperatingBodies, String deadline, String product) {
        this(code, work, responsible, leadBodies, cooperatingBodies, deadline, product, List.of(), List.of(),
                List.of());
    }
}

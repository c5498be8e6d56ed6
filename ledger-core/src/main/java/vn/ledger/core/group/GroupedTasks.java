package vn.ledger.core.group;

import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.TaskSpec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks one assignment becomes. Named body by body, it is one task, possibly led jointly, as written. Led by
 * a group ("các bộ, cơ quan ngang bộ chủ trì"), it is one task per member body, with the code printed plus "@"
 * and the body ("II.6@BKHCN"), because each member acknowledges, reports, completes and is judged on its own;
 * the explicit lead bodies of the same assignment join them, each once.
 */
public final class GroupedTasks {

    /** Separates the printed code from the lead body in the code of a group member's task. */
    public static final char MEMBER = '@';

    /**
     * One task to create.
     *
     * @param spec              the assignment with this task's lead and cooperating bodies, groups expanded
     * @param leadGroups        the groups, as written, its lead belongs to
     * @param cooperatingGroups the groups of cooperating bodies with their members
     */
    public record Planned(String code, TaskSpec spec, List<BodyGroup> leadGroups,
                          List<GroupMembers> cooperatingGroups) {
    }

    private GroupedTasks() {
    }

    /** The code of the member's own task under a group lead. */
    public static String memberCode(String printedCode, String bodyCode) {
        return printedCode + MEMBER + bodyCode;
    }

    /**
     * @param prefix where the spec sits in the command, e.g. "tasks[2]"
     * @param writer the body that writes the assignment ("trực thuộc" without a body means under it)
     * @param on     the business date of the assignment: the groups' members are those of that day, and, since
     *               work goes only to open bodies, still open today
     */
    public static List<Planned> plan(String prefix, TaskSpec spec, String writer, BodyRoster roster,
                                     BodyDirectory bodies, LocalDate on) {
        if (!spec.namesGroups()) {
            return List.of(new Planned(spec.code(), spec, List.of(), List.of()));
        }
        List<GroupMembers> leads = open(prefix + ".leadGroups", expand(prefix + ".leadGroups", spec.leadGroups(),
                writer, roster, on), bodies);
        List<GroupMembers> cooperating = open(prefix + ".cooperatingGroups", expand(prefix + ".cooperatingGroups",
                spec.cooperatingGroups(), writer, roster, on), bodies);
        List<String> cooperatingBodies = BodyGroups.union(spec.cooperatingBodies(), cooperating);
        if (leads.isEmpty()) {
            // a lead that also belongs to a cooperating group leads; it does not cooperate with itself
            List<String> others = cooperatingBodies.stream().filter(b -> !spec.leadBodies().contains(b)).toList();
            return List.of(new Planned(spec.code(), with(spec, spec.code(), spec.leadBodies(), others), List.of(),
                    cooperating));
        }
        List<Planned> out = new ArrayList<>();
        for (String lead : BodyGroups.union(spec.leadBodies(), leads)) {
            String code = memberCode(spec.code(), lead);
            List<String> others = cooperatingBodies.stream().filter(b -> !b.equals(lead)).toList();
            List<BodyGroup> through = leads.stream().filter(g -> g.members().contains(lead))
                    .map(GroupMembers::group).toList();
            out.add(new Planned(code, with(spec, code, List.of(lead), others), through, cooperating));
        }
        return List.copyOf(out);
    }

    private static List<GroupMembers> expand(String field, List<BodyGroup> groups, String writer, BodyRoster roster,
                                             LocalDate on) {
        return BodyGroups.expandAll(field, groups.stream().map(g -> BodyGroups.underWriterWhenUnsaid(g, writer))
                .toList(), roster, on);
    }

    /** A member of the day that has been closed since cannot be given work; the others still can. */
    private static List<GroupMembers> open(String field, List<GroupMembers> groups, BodyDirectory bodies) {
        List<GroupMembers> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupMembers g = groups.get(i);
            List<String> open = g.members().stream().filter(bodies::isActive).toList();
            if (open.isEmpty()) {
                throw new DomainRuleViolation(field + "[" + i + "]", BodyGroups.EMPTY, "Every body of '"
                        + g.group().wording() + "' has been closed or merged since; none can be given work");
            }
            out.add(new GroupMembers(g.group(), open));
        }
        return List.copyOf(out);
    }

    private static TaskSpec with(TaskSpec spec, String code, List<String> leads, List<String> cooperating) {
        return new TaskSpec(code, spec.work(), spec.responsible(), leads, cooperating, spec.deadline(), spec.product(),
                spec.implementsTasks());
    }
}

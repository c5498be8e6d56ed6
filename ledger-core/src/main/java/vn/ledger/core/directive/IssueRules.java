package vn.ledger.core.directive;

import vn.ledger.core.group.BodyGroups;
import vn.ledger.core.group.BodyRoster;
import vn.ledger.core.group.GroupedTasks;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The checks of what a directive names as it is issued or given a task: citations, task codes, groups. */
final class IssueRules {

    private IssueRules() {
    }

    /** Each citation resolved to one known directive, other than the citing one. */
    static List<Citation> resolve(List<Citation> written, String selfId, DirectiveCatalog catalog) {
        List<Citation> resolved = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Citation c = written.get(i);
            String field = "implementsDirectives[" + i + "]";
            String id = c.directiveId();
            if (Text.isBlank(id)) {
                id = Text.isBlank(c.asWritten()) ? null : catalog.resolveSymbol(c.asWritten().strip()).orElse(null);
            } else if (catalog.statusOf(id) == DirectiveStatus.UNKNOWN) {
                id = null;
            }
            if (id == null || id.equals(selfId)) {
                throw new DomainRuleViolation(field, "citation.unresolved", "The cited document '" + c.asWritten()
                        + "' is unknown or ambiguous; record it first or register the symbol as an alias");
            }
            resolved.add(new Citation(c.asWritten(), id));
        }
        return resolved;
    }

    /** The groups of one list of recipients, with their members on the date of issue. */
    static List<GroupMembers> recipientGroups(String field, List<BodyGroup> groups, String issuer,
                                              BodyRoster roster, LocalDate on) {
        return BodyGroups.expandAll(field, groups.stream().map(g -> BodyGroups.underWriterWhenUnsaid(g, issuer))
                .toList(), roster, on);
    }

    /** The tasks of one assignment; a member's own code may not be a code the directive already has. */
    static List<GroupedTasks.Planned> plan(String at, TaskSpec spec, String writer, BodyRoster roster,
                                           BodyDirectory bodies, LocalDate on, List<String> codes) {
        List<GroupedTasks.Planned> tasks = GroupedTasks.plan(at, spec, writer, roster, bodies, on);
        for (GroupedTasks.Planned task : tasks) {
            if (!task.code().equals(spec.code())) {
                requireNewCode(at + ".code", task.code(), codes);
                codes.add(task.code());
            }
        }
        return tasks;
    }

    static void requireNewCode(String field, String code, List<String> taken) {
        Text.require(field, "task.code.required", code);
        if (taken.contains(code)) {
            throw new DomainRuleViolation(field, "task.code.taken", "This directive already has a task " + code);
        }
    }
}

package vn.ledger.core.group;

import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.GroupMembers;
import vn.ledger.core.shared.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Expands a group as written into its member bodies on a given day: the bodies registered by then and not closed
 * or merged by then, in the order of their codes (a configured list: in its own order), whatever order the roster
 * gives. A pure function of the roster and the day, so that the events can record the members once and nothing has
 * to be worked out again when they are read.
 */
public final class BodyGroups {

    public static final String KIND_REQUIRED = "group.kind.required";
    public static final String WORDING_REQUIRED = "group.wording.required";
    public static final String OF_REQUIRED = "group.of.required";
    public static final String OF_UNEXPECTED = "group.of.unexpected";
    public static final String LIST_UNKNOWN = "group.list.unknown";
    /** A group with no member on the day would give the work to nobody: refused, never recorded as empty. */
    public static final String EMPTY = "group.empty";

    private BodyGroups() {
    }

    /**
     * "Các chi, đảng bộ trực thuộc" written without saying under whom means under the body that writes it.
     *
     * @return the group with {@code of} filled in with {@code writer} when it is DIRECTLY_UNDER with none
     */
    public static BodyGroup underWriterWhenUnsaid(BodyGroup group, String writer) {
        if (group != null && group.kind() == BodyGroup.Kind.DIRECTLY_UNDER && Text.isBlank(group.of())) {
            return new BodyGroup(group.kind(), writer, group.wording());
        }
        return group;
    }

    /**
     * @param field where the groups sit in the command, e.g. "recipientGroupsForAction"
     * @return each group with its members on {@code on}, in the order written
     */
    public static List<GroupMembers> expandAll(String field, List<BodyGroup> groups, BodyRoster roster,
                                               LocalDate on) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, RosterEntry> bodies = roster.bodies().stream()
                .collect(Collectors.toMap(RosterEntry::code, Function.identity(), (a, b) -> b,
                        LinkedHashMap::new));
        List<GroupMembers> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            out.add(expand(field + "[" + i + "]", groups.get(i), bodies, roster, on));
        }
        return List.copyOf(out);
    }

    /** The explicit codes first, then each group's members not yet named: a body is never listed twice. */
    public static List<String> union(List<String> explicit, List<GroupMembers> groups) {
        Set<String> all = new LinkedHashSet<>(explicit);
        groups.forEach(g -> all.addAll(g.members()));
        return List.copyOf(all);
    }

    private static GroupMembers expand(String field, BodyGroup group, Map<String, RosterEntry> bodies,
                                       BodyRoster roster, LocalDate on) {
        if (group == null || group.kind() == null) {
            throw new DomainRuleViolation(field + ".kind", KIND_REQUIRED, "Say which bodies the group means: "
                    + List.of(BodyGroup.Kind.values()));
        }
        Text.require(field + ".wording", WORDING_REQUIRED, group.wording());
        boolean needsOf = group.kind() == BodyGroup.Kind.DIRECTLY_UNDER || group.kind() == BodyGroup.Kind.NAMED;
        if (needsOf && Text.isBlank(group.of())) {
            throw new DomainRuleViolation(field + ".of", OF_REQUIRED, group.kind() == BodyGroup.Kind.NAMED
                    ? "Name the configured list" : "Name the body the group is directly under");
        }
        if (!needsOf && !Text.isBlank(group.of())) {
            throw new DomainRuleViolation(field + ".of", OF_UNEXPECTED, group.kind() + " takes no 'of'");
        }
        List<String> members = switch (group.kind()) {
            case ALL_PROVINCES -> atLevel(bodies, BodyLevel.PROVINCE, on);
            case ALL_MINISTRIES -> atLevel(bodies, BodyLevel.MINISTRY, on);
            case DIRECTLY_UNDER -> {
                if (!bodies.containsKey(group.of())) {
                    throw new DomainRuleViolation(field + ".of", "body.not-found", "No body with code " + group.of());
                }
                yield bodies.values().stream()
                        .filter(b -> group.of().equals(b.parentCode()) && b.existsOn(on))
                        .map(RosterEntry::code).sorted().toList();
            }
            case NAMED -> roster.namedList(group.of())
                    .orElseThrow(() -> new DomainRuleViolation(field + ".of", LIST_UNKNOWN,
                            "No list of bodies '" + group.of() + "' is configured"))
                    .stream().distinct()
                    .filter(code -> bodies.containsKey(code) && bodies.get(code).existsOn(on)).toList();
        };
        if (members.isEmpty()) {
            throw new DomainRuleViolation(field, EMPTY, "No body belongs to '" + group.wording().strip() + "' ("
                    + group.kind() + (needsOf ? " " + group.of() : "") + ") on " + on
                    + ": every body must be registered by then and not closed or merged");
        }
        return new GroupMembers(new BodyGroup(group.kind(), needsOf ? group.of().strip() : null,
                group.wording().strip()), members);
    }

    private static List<String> atLevel(Map<String, RosterEntry> bodies, BodyLevel level, LocalDate on) {
        return bodies.values().stream().filter(b -> b.level() == level && b.existsOn(on))
                .map(RosterEntry::code).sorted().toList();
    }
}

package vn.ledger.projections.chain;

import vn.ledger.eventstore.LogPosition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every act on one directive by any body: the directives citing it ({@link #forwards}, in log order of their issue),
 * and per body the first day it delegated ({@link #delegations}) or started or completed ({@link #starts}) one of
 * its tasks (kept by body code: the first day is a minimum, whatever order the acts arrived in). Kept apart from the
 * directive's node because a central notice is cited by every commune's letter while its node, read by every chain
 * view from the top, needs only its recipients' first acts; bodies that are not recipients (yet) are remembered
 * here for coverage and for a receipt recorded later.
 */
final class Acts {

    /** A directive issued by {@code body} citing this one, with its number of tasks; {@code at}: its issue. */
    record Forward(String body, String directiveId, LocalDate issuedOn, int tasks, LogPosition at) {

        static final Comparator<Forward> ORDER = Comparator.comparing(Forward::at)
                .thenComparing(Forward::directiveId);
    }

    static final String DELEGATIONS = "delegations";
    static final String STARTS = "starts";

    final String directiveId;
    final List<Forward> forwards = new ArrayList<>();
    final TreeMap<String, LocalDate> delegations = new TreeMap<>();
    final TreeMap<String, LocalDate> starts = new TreeMap<>();

    Acts(String directiveId) {
        this.directiveId = directiveId;
    }

    /** Adds the forward in its place in log order; false when it was known. */
    boolean forward(Forward f) {
        for (Forward x : forwards) {
            if (x.directiveId().equals(f.directiveId())) {
                return false;
            }
        }
        int i = forwards.size();
        while (i > 0 && Forward.ORDER.compare(forwards.get(i - 1), f) > 0) {
            i--;
        }
        forwards.add(i, f);
        return true;
    }

    /** The body acted ({@link #DELEGATIONS} or {@link #STARTS}) on {@code on}; false when it had by then already. */
    boolean act(String list, String body, LocalDate on) {
        Map<String, LocalDate> m = DELEGATIONS.equals(list) ? delegations : starts;
        LocalDate known = m.get(body);
        if (known != null && !on.isBefore(known)) {
            return false;
        }
        m.put(body, on);
        return true;
    }

    /** The bodies that made the directive's tasks concrete by issuing a directive with tasks citing it. */
    Set<String> coveringBodies() {
        Set<String> out = new HashSet<>();
        for (Forward f : forwards) {
            if (f.tasks() > 0 && f.body() != null) {
                out.add(f.body());
            }
        }
        return out;
    }

    /**
     * Brings the acts to the directive's recipient entries for one body (or, null, all): {@code actedOn} the first
     * day of any act, {@code forwardedAs} its forwards in log order. True when an entry changed.
     */
    boolean refresh(Node directive, String onlyBody) {
        List<Recipients.Entry> recipients = directive.recipients();
        boolean changed = false;
        for (int i = 0; i < recipients.size(); i++) {
            Recipients.Entry r = recipients.get(i);
            if (onlyBody != null && !onlyBody.equals(r.body())) {
                continue;
            }
            LocalDate first = ChainProjection.min(delegations.get(r.body()), starts.get(r.body()));
            List<String> as = new ArrayList<>();
            for (Forward f : forwards) {
                if (r.body().equals(f.body())) {
                    first = ChainProjection.min(first, f.issuedOn());
                    as.add(f.directiveId());
                }
            }
            Recipients.Entry now = r.actedOn(first).forwardedAs(as);
            if (!now.equals(r)) {
                recipients.set(i, now);
                changed = true;
            }
        }
        return changed;
    }

    /** The task's leads that have not made it concrete, in the order of its leads (see {@link ChainRules#COVERAGE}). */
    List<String> uncoveredLeads(Node task) {
        Set<String> covered = coveringBodies();
        covered.addAll(task.delegatedBy);
        List<String> out = new ArrayList<>();
        for (String l : task.leads) {
            if (!covered.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }
}

package vn.ledger.projections.chain;

import vn.ledger.projections.dashboard.Tally;
import vn.ledger.projections.task.Timeliness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a node itself adds to its roll-up and its ancestors' (its {@code own} tally): a function of the node's facts
 * alone, so that roll-ups, sums of these over the tree, do not depend on the order events arrived in.
 *
 * <p>For a task: its state (open tasks in histograms by due day, split into not started / started, so that overdue
 * is decided at query time), its due day, its missing "6 rõ", its coverage gaps, a histogram of open never-started
 * undelegated tasks by assignment day, and its delegation latency. For a directive: its action recipients:
 * received, acted, latency issued → received → acted at level 0, and histograms of waiting recipients by receipt
 * day and of silent ones by issue day.
 */
final class Contribution {

    private Contribution() {
    }

    static Tally of(Node n) {
        if (!n.exists) {
            return new Tally();
        }
        return n.isDirective() ? directive(n) : task(n);
    }

    private static Tally task(Node n) {
        Tally t = new Tally().count("tasks", 1).level(0, "tasks", 1);
        TaskState st = n.taskState();
        switch (st.stateWithoutClock()) {
            case CANCELLED -> {
                t.count("cancelled", 1);
                if (!n.cancelled) {
                    t.count("stopped", 1);
                }
            }
            case DONE_ON_TIME -> t.count("doneOnTime", 1);
            case DONE_LATE -> t.count("doneLate", 1);
            default -> {
                String h = st.started() ? "openIP" : "openNS";
                if (st.due() != null) {
                    t.bucket(h, st.due().toString(), 1);
                } else {
                    t.count(h + "NoDue", 1);
                }
                t.count("coverageGaps", n.uncoveredLeads.size());
                if (!st.started() && n.delegatedBy.isEmpty() && n.assignedOn != null) {
                    t.bucket("notStartedSince", n.assignedOn.toString(), 1);
                }
            }
        }
        if (st.stateWithoutClock() != Timeliness.CANCELLED && st.due() != null) {
            t.bucket("due", st.due().toString(), 1);
        }
        List<String> missing = n.missingNow();
        for (String ro : missing) {
            t.bucket("missing", ro, 1);
        }
        if (!missing.isEmpty()) {
            t.count("tasksWithGaps", 1);
        }
        if (n.delegatedOn != null) {
            t.level(0, "delegated", 1);
            if (n.assignedOn != null) {
                t.level(0, "delegateDays", Math.max(0, ChronoUnit.DAYS.between(n.assignedOn, n.delegatedOn)));
            }
        }
        return t;
    }

    private static Tally directive(Node n) {
        Tally t = new Tally().count("directives", 1).level(0, "directives", 1);
        boolean stopped = n.isStoppedDirective();
        if (stopped) {
            t.count("directivesStopped", 1);
        }
        LocalDate issuedOn = n.issuedOn;
        for (Recipients.Entry r : n.recipients()) {
            if (!"ACTION".equals(r.role())) {
                continue;
            }
            LocalDate received = r.received();
            LocalDate acted = r.acted();
            t.count("recipients", 1).level(0, "recipients", 1);
            if (received != null) {
                t.count("received", 1).level(0, "received", 1);
                if (issuedOn != null) {
                    t.level(0, "receiveDays", Math.max(0, ChronoUnit.DAYS.between(issuedOn, received)));
                }
            }
            if (acted != null) {
                t.count("acted", 1);
                if (received != null) {
                    t.level(0, "acted", 1).level(0, "actDays", Math.max(0, ChronoUnit.DAYS.between(received, acted)));
                }
            }
            if (!stopped && acted == null) {
                if (received != null) {
                    t.bucket("awaitingSince", received.toString(), 1);
                } else if (issuedOn != null) {
                    t.bucket("unreceivedSince", issuedOn.toString(), 1);
                }
            }
        }
        return t;
    }
}

package vn.ledger.projections.dashboard;

import org.bson.Document;
import vn.ledger.core.shared.Deadline;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.task.Timeliness;
import vn.ledger.projections.task.TimelinessRule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** What one task adds to the dashboard counters, from the projection's own facts about it (split from {@link DashboardProjection}). */
final class TaskContribution {

    /**
     * A task's extensions, packed: their number, then each one's business date and the due day it set (ISO), in the
     * task's order. Kept with the due day as written ({@code dueWritten}) so that a completion is judged by the
     * deadline in force on its business date ({@link TimelinessRule#dueInForceOn}).
     */
    static final StoredForm<List<TimelinessRule.Grant>> EXTENSIONS = StoredForm.packed((w, list) -> {
        w.add(list.size());
        for (TimelinessRule.Grant g : list) {
            w.add(Docs.iso(g.grantedOn())).add(Docs.iso(g.due()));
        }
    }, r -> {
        List<TimelinessRule.Grant> out = new ArrayList<>();
        for (long n = r.lng(); n > 0; n--) {
            out.add(new TimelinessRule.Grant(Docs.localDate(r.string()), Docs.localDate(r.string())));
        }
        return out;
    }, null);

    private TaskContribution() {
    }

    static List<TimelinessRule.Grant> extensions(Document facts) {
        Object stored = facts.get("extensions");
        return stored == null ? List.of() : EXTENSIONS.read(stored);
    }

    /** What one task adds to each of its lead bodies' counters. */
    static Tally contribution(Document facts) {
        Tally t = new Tally();
        if (!Docs.bool(facts, "assigned")) {
            return t;
        }
        LocalDate assignedOn = Docs.date(facts, "assignedOn");
        t.count("assigned", 1);
        if (assignedOn != null) {
            t.bucket("assignedByMonth", YearMonth.from(assignedOn).toString(), 1);
        }
        LocalDate due = Docs.date(facts, "due");
        LocalDate completedOn = Docs.date(facts, "completedOn");
        boolean cancelled = Docs.bool(facts, "cancelled");
        if (cancelled || (completedOn == null && Docs.bool(facts, "stopped"))) {
            t.count("cancelled", 1);
            if (!cancelled) {
                t.count("stopped", 1);
            }
        } else if (completedOn != null) {
            List<TimelinessRule.Grant> extensions = extensions(facts);
            LocalDate judgedBy = extensions.isEmpty() ? due
                    : TimelinessRule.dueInForceOn(completedOn, Docs.date(facts, "dueWritten"), extensions);
            Timeliness status = TimelinessRule.evaluate(false, true, completedOn,
                    judgedBy == null ? null : Deadline.endOfDay(judgedBy), Deadline.endOfDay(completedOn));
            String month = YearMonth.from(completedOn).toString();
            if (status == Timeliness.DONE_LATE) {
                t.count("doneLate", 1).bucket("doneLateByMonth", month, 1);
            } else {
                t.count("doneOnTime", 1).bucket("doneOnTimeByMonth", month, 1);
            }
        } else {
            t.count("open", 1);
            if (due != null) {
                t.bucket("openByDue", due.toString(), 1);
            } else {
                t.count("openNoDue", 1);
            }
        }
        return t;
    }
}

package vn.ledger.projections.dashboard;

import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;
import vn.ledger.projections.task.TimelinessRule;

import java.util.ArrayList;
import java.util.List;

/**
 * What dashboard layout 5 stored differently, read and never written: a task's extensions packed in one string. Goes
 * with the next layout (a form reads its previous layout, nothing older).
 */
final class DashboardLayout5 {

    /** Their number, then each one's business date and the due day it set (ISO), in the task's order. */
    private static final StoredForm<List<TimelinessRule.Grant>> EXTENSIONS = StoredForm.packed((w, list) -> {
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

    private DashboardLayout5() {
    }

    /** A task's extensions as layout 5 packed them. */
    static List<TimelinessRule.Grant> extensions(String packed) {
        return EXTENSIONS.read(packed);
    }

    /** The extensions packed as layout 5 did (for tests that store a document of that layout). */
    static String packed(List<TimelinessRule.Grant> extensions) {
        return (String) EXTENSIONS.write(extensions);
    }
}

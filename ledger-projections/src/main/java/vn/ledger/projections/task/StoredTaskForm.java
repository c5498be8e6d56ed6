package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.shared.Ro;
import vn.ledger.projections.store.Docs;

import java.util.ArrayList;
import java.util.List;

import static vn.ledger.projections.store.Docs.appendPresent;
import static vn.ledger.projections.store.Docs.date;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.SharedValues.ACTOR;
import static vn.ledger.projections.store.SharedValues.BODY_GROUP;
import static vn.ledger.projections.store.SharedValues.DEADLINE;
import static vn.ledger.projections.store.SharedValues.PERSON;

/** How a {@link StoredTask} is written and read: the document {@link StoredTask#FORM} describes. */
final class StoredTaskForm {

    private StoredTaskForm() {
    }

    static Document write(StoredTask t) {
        Document d = new Document("_id", t.id());
        StoredTask.Assignment a = t.assignment();
        if (a != null) {
            appendPresent(d, "directiveId", a.directiveId());
            appendPresent(d, "parentTaskId", a.parentTaskId());
            appendPresent(d, "code", a.code());
            appendPresent(d, "work", a.work());
            appendPresent(d, "responsible", PERSON.write(a.responsible()));
        }
        if (a != null || !t.lead().isEmpty() || !t.coop().isEmpty()) {
            d.append("lead", t.lead()).append("coop", t.coop());
        }
        if (a != null) {
            appendPresent(d, "assigner", a.assigner());
            appendPresent(d, "product", a.product());
            d.append("missing", a.missing().stream().map(Ro::name).toList());
            appendPresent(d, "assignedOn", iso(a.assignedOn()));
            appendPresent(d, "assignedBy", ACTOR.write(a.assignedBy()));
            appendPresent(d, "assignedAt", date(a.assignedAt()));
            appendPresent(d, "deadlineWritten", DEADLINE.write(a.deadlineWritten()));
            if (!a.leadGroups().isEmpty()) {
                d.append("leadGroups", BODY_GROUP.writeAll(a.leadGroups()));
            }
            if (!a.cooperatingGroups().isEmpty()) {
                d.append("coopGroups", BODY_GROUP.writeAll(a.cooperatingGroups()));
            }
        }
        appendPresent(d, "deadline", DEADLINE.write(t.deadline()));
        appendPresent(d, "status", Docs.name(t.status()));
        list(d, "acks", TaskView.Acknowledgement.FORM.writeAll(t.acks()));
        list(d, "reports", t.reports());
        count(d, "reportsSealed", t.reportsSealed());
        count(d, "reportCount", t.reportCount());
        appendPresent(d, "lastPercent", t.lastPercent());
        appendPresent(d, "lastReportOn", t.lastReportOn());
        List<Document> periods = new ArrayList<>();
        for (StoredTask.Period p : t.periods()) {
            periods.add(appendPresent(new Document("p", p.period()).append("n", p.reports()), "first",
                    p.firstReportedOn()));
        }
        list(d, "periods", periods);
        list(d, "urgings", t.urgings());
        count(d, "urgingsSealed", t.urgingsSealed());
        count(d, "urgeCount", t.urgeCount());
        list(d, "extensions", TaskView.ExtensionRequest.FORM.writeAll(t.extensions()));
        list(d, "deadlineHistory", TaskView.DeadlineChange.FORM.writeAll(t.deadlineHistory()));
        list(d, "reassignments", TaskView.Reassignment.FORM.writeAll(t.reassignments()));
        list(d, "delegations", TaskView.Delegation.FORM.writeAll(t.delegations()));
        list(d, "children", t.children());
        list(d, "completions", TaskView.Completion.FORM.writeAll(t.completions()));
        appendPresent(d, "cancellation", TaskView.Cancellation.FORM.write(t.cancellation()));
        if (t.seq() >= 0) {
            d.append("seq", t.seq());
        }
        return appendPresent(d, "updatedAt", date(t.updatedAt()));
    }

    private static void list(Document d, String key, List<?> values) {
        if (!values.isEmpty()) {
            d.append(key, values);
        }
    }

    private static void count(Document d, String key, int n) {
        if (n > 0) {
            d.append(key, n);
        }
    }

    static StoredTask read(Document d) {
        StoredTask.Assignment a = !TaskQueries.assigned(d) ? null : new StoredTask.Assignment(d.getString("directiveId"),
                d.getString("parentTaskId"), d.getString("code"), d.getString("work"),
                PERSON.read(d.get("responsible")), d.getString("assigner"), d.getString("product"),
                Docs.strings(d, "missing").stream().map(Ro::valueOf).toList(), localDate(d.get("assignedOn")),
                ACTOR.read(d.get("assignedBy")), instant(d.get("assignedAt")), DEADLINE.read(d.get("deadlineWritten")),
                BODY_GROUP.readAll(d.get("leadGroups")), BODY_GROUP.readAll(d.get("coopGroups")));
        List<StoredTask.Period> periods = new ArrayList<>();
        for (Document p : Docs.docsView(d, "periods")) {
            periods.add(new StoredTask.Period(p.getString("p"), (int) Docs.num(p, "n", 0), p.getString("first")));
        }
        return new StoredTask(d.getString("_id"), Docs.num(d, "seq", -1), a, Docs.strings(d, "lead"),
                Docs.strings(d, "coop"), DEADLINE.read(d.get("deadline")),
                Docs.enumOf(TaskProjection.Status.class, d.get("status")),
                TaskView.Acknowledgement.FORM.readAll(d.get("acks")), new ArrayList<>(Docs.items(d, "reports")),
                (int) Docs.num(d, "reportCount", 0), Docs.integer(d.get("lastPercent")), d.getString("lastReportOn"),
                periods, (int) Docs.num(d, "reportsSealed", 0), new ArrayList<>(Docs.items(d, "urgings")),
                (int) Docs.num(d, "urgeCount", 0), (int) Docs.num(d, "urgingsSealed", 0),
                TaskView.ExtensionRequest.FORM.readAll(d.get("extensions")),
                TaskView.DeadlineChange.FORM.readAll(d.get("deadlineHistory")),
                TaskView.Reassignment.FORM.readAll(d.get("reassignments")),
                TaskView.Delegation.FORM.readAll(d.get("delegations")), Docs.strings(d, "children"),
                TaskView.Completion.FORM.readAll(d.get("completions")),
                TaskView.Cancellation.FORM.read(d.get("cancellation")), instant(d.get("updatedAt")));
    }
}

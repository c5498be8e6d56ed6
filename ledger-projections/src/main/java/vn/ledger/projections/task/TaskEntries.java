package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.store.Tuple;

import java.time.Instant;
import java.util.List;

import static vn.ledger.projections.task.Docs.day;
import static vn.ledger.projections.task.Docs.instant;
import static vn.ledger.projections.task.Docs.integer;
import static vn.ledger.projections.task.Docs.localDate;
import static vn.ledger.projections.task.Docs.month;
import static vn.ledger.projections.task.Docs.toActor;
import static vn.ledger.projections.task.Docs.toAttachments;
import static vn.ledger.projections.task.Docs.yearMonth;

/**
 * How a task document keeps its most numerous items, acknowledgements, progress reports and urgings (four in five
 * task events nationally): each as one {@link Tuple} string (task layout 2) instead of a sub-document of 8 to 17
 * values, since they are only ever read whole. Items of layout 1 (sub-documents) read too: after an upgrade the
 * old generation answers, and its live projection keeps appending, until the rebuild replaces it.
 *
 * <ul>
 *   <li>acknowledgement: body, business date, actor, recorded at (epoch ms);</li>
 *   <li>report: body, text, percent, period, business date, recorded at, attachments, actor;</li>
 *   <li>urging: message, business date, actor, recorded at.</li>
 * </ul>
 */
final class TaskEntries {

    private TaskEntries() {
    }

    static String ack(TaskAcknowledged e, Instant at) {
        return Tuple.writer().add(e.bodyCode()).add(day(e.acknowledgedOn())).add(Docs.actorTuple(e.actor()))
                .add(millis(at)).toString();
    }

    static String report(ProgressReported e, Instant at) {
        return Tuple.writer().add(e.bodyCode()).add(e.text()).add(e.percent() == null ? null : (long) e.percent())
                .add(month(e.period())).add(day(e.reportedOn())).add(millis(at))
                .add(Docs.attachmentsTuple(e.attachments())).add(Docs.actorTuple(e.actor())).toString();
    }

    static String urging(TaskUrged e, Instant at) {
        return Tuple.writer().add(e.message()).add(day(e.urgedOn())).add(Docs.actorTuple(e.actor())).add(millis(at))
                .toString();
    }

    static TaskView.Acknowledgement ack(Object stored) {
        if (stored instanceof Document a) {
            return new TaskView.Acknowledgement(a.getString("body"), localDate(a.get("on")), toActor(a.get("by")),
                    instant(a.get("at")));
        }
        Tuple.Reader r = Tuple.reader((String) stored);
        return new TaskView.Acknowledgement(r.string(), localDate(r.string()), toActor(r), at(r));
    }

    static TaskView.Report report(Object stored) {
        if (stored instanceof Document d) {
            return new TaskView.Report(d.getString("body"), d.getString("text"), integer(d.get("percent")),
                    yearMonth(d.get("period")), localDate(d.get("on")), instant(d.get("at")),
                    toAttachments(d, "attachments"), toActor(d.get("by")));
        }
        Tuple.Reader r = Tuple.reader((String) stored);
        String body = r.string();
        String text = r.string();
        Long percent = r.lngOrNull();
        String period = r.string();
        String on = r.string();
        Instant at = at(r);
        return new TaskView.Report(body, text, percent == null ? null : percent.intValue(), yearMonth(period),
                localDate(on), at, toAttachments(r), toActor(r));
    }

    static TaskView.Urging urging(Object stored) {
        if (stored instanceof Document u) {
            return new TaskView.Urging(u.getString("message"), localDate(u.get("on")), toActor(u.get("by")),
                    instant(u.get("at")));
        }
        Tuple.Reader r = Tuple.reader((String) stored);
        return new TaskView.Urging(r.string(), localDate(r.string()), toActor(r), at(r));
    }

    /** The items under key as stored (tuples, or sub-documents of layout 1); empty when absent. */
    static List<?> items(Document task, String key) {
        return task.get(key) instanceof List<?> l ? l : List.of();
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant at(Tuple.Reader r) {
        Long ms = r.lngOrNull();
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}

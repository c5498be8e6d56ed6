package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.projections.store.Tuple;

import java.time.Instant;
import java.util.function.Function;

import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.integer;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.Docs.month;
import static vn.ledger.projections.store.Docs.yearMonth;
import static vn.ledger.projections.store.SharedValues.addActor;
import static vn.ledger.projections.store.SharedValues.addAttachments;
import static vn.ledger.projections.store.SharedValues.readActor;
import static vn.ledger.projections.store.SharedValues.readAttachments;
import static vn.ledger.projections.store.SharedValues.toActor;
import static vn.ledger.projections.store.SharedValues.toAttachments;

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
        Tuple.Writer w = Tuple.writer().add(e.bodyCode()).add(iso(e.acknowledgedOn()));
        return addActor(w, e.actor()).add(at).toString();
    }

    static String report(ProgressReported e, Instant at) {
        Tuple.Writer w = Tuple.writer().add(e.bodyCode()).add(e.text())
                .add(e.percent() == null ? null : (long) e.percent()).add(month(e.period())).add(iso(e.reportedOn()))
                .add(at);
        return addActor(addAttachments(w, e.attachments()), e.actor()).toString();
    }

    static String urging(TaskUrged e, Instant at) {
        Tuple.Writer w = Tuple.writer().add(e.message()).add(iso(e.urgedOn()));
        return addActor(w, e.actor()).add(at).toString();
    }

    static TaskView.Acknowledgement ack(Object stored) {
        return read(stored,
                a -> new TaskView.Acknowledgement(a.getString("body"), localDate(a.get("on")), toActor(a.get("by")),
                        instant(a.get("at"))),
                r -> new TaskView.Acknowledgement(r.string(), localDate(r.string()), readActor(r), r.instant()));
    }

    static TaskView.Report report(Object stored) {
        return read(stored,
                d -> new TaskView.Report(d.getString("body"), d.getString("text"), integer(d.get("percent")),
                        yearMonth(d.get("period")), localDate(d.get("on")), instant(d.get("at")),
                        toAttachments(d, "attachments"), toActor(d.get("by"))),
                r -> {
                    String body = r.string();
                    String text = r.string();
                    Long percent = r.lngOrNull();
                    return new TaskView.Report(body, text, percent == null ? null : percent.intValue(),
                            yearMonth(r.string()), localDate(r.string()), r.instant(), readAttachments(r),
                            readActor(r));
                });
    }

    static TaskView.Urging urging(Object stored) {
        return read(stored,
                u -> new TaskView.Urging(u.getString("message"), localDate(u.get("on")), toActor(u.get("by")),
                        instant(u.get("at"))),
                r -> new TaskView.Urging(r.string(), localDate(r.string()), readActor(r), r.instant()));
    }

    /** An item of either layout: a sub-document of layout 1, or a tuple. */
    private static <T> T read(Object stored, Function<Document, T> layout1, Function<Tuple.Reader, T> tuple) {
        return stored instanceof Document d ? layout1.apply(d) : tuple.apply(Tuple.reader((String) stored));
    }
}

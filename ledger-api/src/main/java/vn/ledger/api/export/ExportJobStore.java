package vn.ledger.api.export;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.ledger.archive.ExportProgress;
import vn.ledger.archive.Exporter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The {@value #COLLECTION} collection: one document per export job, by {@code _id}. Every change of state is a
 * compare-and-set on the state it leaves, so a late write (a progress report after the job was interrupted, an
 * interruption after it was done) changes nothing.
 */
@Component
public class ExportJobStore {

    public static final String COLLECTION = "export_jobs";

    private final MongoCollection<Document> jobs;

    public ExportJobStore(MongoDatabase ledgerDatabase) {
        this.jobs = ledgerDatabase.getCollection(COLLECTION);
    }

    public void insert(ExportJob job) {
        jobs.insertOne(new Document("_id", job.id())
                .append("kind", job.kind())
                .append("scope", job.scope())
                .append("requester", requester(job.requester()))
                .append("requestedAt", date(job.requestedAt()))
                .append("startedAt", date(job.startedAt()))
                .append("finishedAt", date(job.finishedAt()))
                .append("state", job.state().name())
                .append("instance", job.instance())
                .append("progress", progress(job.progress()))
                .append("bundle", bundle(job.bundle()))
                .append("summary", summary(job.summary()))
                .append("reason", job.reason()));
    }

    public Optional<ExportJob> find(String id) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", id)).first()).map(ExportJobStore::job);
    }

    /** The latest jobs first. */
    public List<ExportJob> recent(int limit) {
        return jobs.find().sort(Sorts.orderBy(Sorts.descending("requestedAt"), Sorts.descending("_id")))
                .limit(limit).map(ExportJobStore::job).into(new ArrayList<>());
    }

    /** QUEUED or RUNNING, whichever instance runs them. */
    public List<ExportJob> unfinished() {
        return jobs.find(Filters.in("state", ExportJob.State.QUEUED.name(), ExportJob.State.RUNNING.name()))
                .map(ExportJobStore::job).into(new ArrayList<>());
    }

    /** DONE before {@code cutoff}, their bundles not deleted yet. */
    public List<ExportJob> doneBefore(Instant cutoff) {
        return jobs.find(Filters.and(Filters.eq("state", ExportJob.State.DONE.name()),
                Filters.lt("finishedAt", date(cutoff)))).map(ExportJobStore::job).into(new ArrayList<>());
    }

    public boolean running(String id, Instant at) {
        return move(id, ExportJob.State.QUEUED, ExportJob.State.RUNNING, Updates.set("startedAt", date(at)));
    }

    public void progress(String id, ExportProgress progress) {
        jobs.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", ExportJob.State.RUNNING.name())),
                Updates.set("progress", progress(progress)));
    }

    public boolean done(String id, Instant at, ExportProgress progress, ExportJob.Bundle bundle,
                        Exporter.Summary summary) {
        return move(id, ExportJob.State.RUNNING, ExportJob.State.DONE, Updates.combine(
                Updates.set("finishedAt", date(at)), Updates.set("progress", progress(progress)),
                Updates.set("bundle", bundle(bundle)), Updates.set("summary", summary(summary))));
    }

    public boolean failed(String id, Instant at, ExportProgress progress, String reason) {
        return end(id, ExportJob.State.FAILED, at, progress, reason);
    }

    /** Interrupts a QUEUED or RUNNING job; false if it had ended already. */
    public boolean interrupted(String id, Instant at, ExportProgress progress, String reason) {
        return end(id, ExportJob.State.INTERRUPTED, at, progress, reason);
    }

    public boolean expired(String id, Instant at, String reason) {
        return move(id, ExportJob.State.DONE, ExportJob.State.EXPIRED, Updates.combine(
                Updates.set("bundle.deletedAt", date(at)), Updates.set("reason", reason)));
    }

    private boolean end(String id, ExportJob.State to, Instant at, ExportProgress progress, String reason) {
        List<Bson> set = new ArrayList<>(List.of(Updates.set("state", to.name()),
                Updates.set("finishedAt", date(at)), Updates.set("reason", reason)));
        if (progress != null) {
            set.add(Updates.set("progress", progress(progress)));
        }
        return jobs.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("state",
                        ExportJob.State.QUEUED.name(), ExportJob.State.RUNNING.name())), Updates.combine(set))
                .getModifiedCount() == 1;
    }

    private boolean move(String id, ExportJob.State from, ExportJob.State to, Bson update) {
        return jobs.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", from.name())),
                Updates.combine(Updates.set("state", to.name()), update)).getModifiedCount() == 1;
    }

    private static ExportJob job(Document d) {
        Document r = d.get("requester", Document.class);
        return new ExportJob(d.getString("_id"), d.getString("kind"), d.getString("scope"),
                r == null ? null : new Exporter.Requester(r.getString("username"), r.getString("fullName"),
                        r.getString("position"), r.getString("bodyCode")),
                instant(d.getDate("requestedAt")), instant(d.getDate("startedAt")), instant(d.getDate("finishedAt")),
                ExportJob.State.valueOf(d.getString("state")), d.getString("instance"),
                progress(d.get("progress", Document.class)), bundle(d.get("bundle", Document.class)),
                summary(d.get("summary", Document.class)), d.getString("reason"));
    }

    private static Document requester(Exporter.Requester r) {
        return r == null ? null : new Document("username", r.username()).append("fullName", r.fullName())
                .append("position", r.position()).append("bodyCode", r.bodyCode());
    }

    private static Document progress(ExportProgress p) {
        return p == null ? null : new Document("phase", p.phase())
                .append("percent", p.percent())
                .append("commitsRead", p.commitsRead())
                .append("commitsTotal", p.commitsTotal())
                .append("eventsExported", p.eventsExported())
                .append("proofsWritten", p.proofsWritten())
                .append("proofsTotal", p.proofsTotal())
                .append("commitsPerSecond", p.commitsPerSecond())
                .append("etaSeconds", p.eta() == null ? null : p.eta().toSeconds());
    }

    private static ExportProgress progress(Document d) {
        if (d == null) {
            return null;
        }
        Number eta = d.get("etaSeconds", Number.class);
        return new ExportProgress(d.getString("phase"), number(d, "commitsRead"), number(d, "commitsTotal"),
                number(d, "eventsExported"), d.get("percent", Number.class).doubleValue(),
                d.get("commitsPerSecond", Number.class).doubleValue(),
                eta == null ? null : Duration.ofSeconds(eta.longValue()),
                number(d, "proofsWritten"), number(d, "proofsTotal"));
    }

    private static Document bundle(ExportJob.Bundle b) {
        return b == null ? null : new Document("fileName", b.fileName()).append("size", b.size())
                .append("sha256", b.sha256()).append("deletedAt", date(b.deletedAt()));
    }

    private static ExportJob.Bundle bundle(Document d) {
        return d == null ? null : new ExportJob.Bundle(d.getString("fileName"), number(d, "size"),
                d.getString("sha256"), instant(d.getDate("deletedAt")));
    }

    private static Document summary(Exporter.Summary s) {
        return s == null ? null : new Document("treeSize", s.treeSize()).append("rootHash", s.rootHash())
                .append("commits", s.commits()).append("events", s.events()).append("aggregates", s.aggregates())
                .append("documents", s.documents()).append("reportVolumes", s.reportVolumes())
                .append("checkpoint", s.checkpoint()).append("verifierKey", s.verifierKey());
    }

    private static Exporter.Summary summary(Document d) {
        return d == null ? null : new Exporter.Summary(number(d, "treeSize"), d.getString("rootHash"),
                number(d, "commits"), number(d, "events"), (int) number(d, "aggregates"),
                (int) number(d, "documents"), (int) number(d, "reportVolumes"), d.getString("checkpoint"),
                d.getString("verifierKey"));
    }

    private static long number(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}

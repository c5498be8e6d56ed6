package vn.ledger.projections.store;

import org.bson.Document;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineKind;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Recurrence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static vn.ledger.projections.store.Docs.docs;
import static vn.ledger.projections.store.Docs.enumOf;
import static vn.ledger.projections.store.Docs.instant;
import static vn.ledger.projections.store.Docs.iso;
import static vn.ledger.projections.store.Docs.localDate;
import static vn.ledger.projections.store.Docs.name;

/**
 * How the values the ledger's events share ({@code vn.ledger.core.shared}: actor, person, deadline, attachments)
 * are stored, by the directive, task and audit read models alike; plain values are {@link Docs}. Readers accept
 * the documents an earlier layout stored too.
 */
public final class SharedValues {

    private SharedValues() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * An actor as one string (a {@link Tuple}: username, full name, position, body): an actor is stored with nearly
     * every fact a read model keeps, and always read whole. {@link #toActor(Object)} reads the document an earlier
     * layout stored too.
     */
    public static String actor(Actor a) {
        return a == null ? null : addActor(Tuple.writer(), a).toString();
    }

    /**
     * An actor's four fields in place in a tuple: username, full name, position, body; four nulls for none (read
     * back as none by {@link #readActor}).
     */
    public static Tuple.Writer addActor(Tuple.Writer w, Actor a) {
        return a == null ? w.add((String) null).add((String) null).add((String) null).add((String) null)
                : w.add(a.username()).add(a.fullName()).add(a.position()).add(a.bodyCode());
    }

    /** Attachments in place in a tuple: their number, then name and hash of each. */
    public static Tuple.Writer addAttachments(Tuple.Writer w, List<Attachment> list) {
        List<Attachment> all = list == null ? List.of() : list;
        w.add(all.size());
        for (Attachment a : all) {
            w.add(a.name()).add(a.sha256());
        }
        return w;
    }

    /** A person as one string: name, position (see {@link #actor}). */
    public static String person(Person p) {
        return p == null ? null : Tuple.writer().add(p.name()).add(p.position()).toString();
    }

    /**
     * A deadline as one string (see {@link #actor}): wording, kind, due instant (epoch ms), due day, recurrence.
     */
    public static String deadline(Deadline d) {
        if (d == null) {
            return null;
        }
        return Tuple.writer().add(d.wording()).add(name(d.kind())).add(d.dueAt()).add(iso(d.dueDate()))
                .add(name(d.recurrence())).toString();
    }

    public static List<Document> attachments(List<Attachment> list) {
        List<Document> out = new ArrayList<>();
        for (Attachment a : list == null ? List.<Attachment>of() : list) {
            out.add(new Document("name", a.name()).append("sha256", a.sha256()));
        }
        return out;
    }

    // ------------------------------------------------------------------ reading

    /** The instant a task's deadline in force (or any stored deadline) falls due; null when none. */
    public static Instant dueAt(Object deadline) {
        Deadline d = toDeadline(deadline);
        return d == null ? null : d.dueAt();
    }

    public static Actor toActor(Object v) {
        if (v instanceof String s) {
            return readActor(Tuple.reader(s));
        }
        if (!(v instanceof Document d)) {
            return null;
        }
        return new Actor(d.getString("username"), d.getString("fullName"), d.getString("position"), d.getString("body"));
    }

    /** The actor {@link #addActor} wrote (null when all four fields are). */
    public static Actor readActor(Tuple.Reader r) {
        String username = r.string();
        String fullName = r.string();
        String position = r.string();
        String body = r.string();
        return username == null && fullName == null && position == null && body == null ? null
                : new Actor(username, fullName, position, body);
    }

    /** The attachments {@link #addAttachments} wrote. */
    public static List<Attachment> readAttachments(Tuple.Reader r) {
        List<Attachment> out = new ArrayList<>();
        for (long n = r.lng(); n > 0; n--) {
            out.add(new Attachment(r.string(), r.string()));
        }
        return List.copyOf(out);
    }

    public static Person toPerson(Object v) {
        if (v instanceof String s) {
            Tuple.Reader p = Tuple.reader(s);
            return new Person(p.string(), p.string());
        }
        return v instanceof Document d ? new Person(d.getString("name"), d.getString("position")) : null;
    }

    public static Deadline toDeadline(Object v) {
        if (v instanceof String s) {
            Tuple.Reader r = Tuple.reader(s);
            return new Deadline(r.string(), enumOf(DeadlineKind.class, r.string()), r.instant(), localDate(r.string()),
                    enumOf(Recurrence.class, r.string()));
        }
        if (!(v instanceof Document d)) {
            return null;
        }
        return new Deadline(d.getString("wording"), enumOf(DeadlineKind.class, d.get("kind")), instant(d.get("dueAt")),
                localDate(d.get("dueDate")), enumOf(Recurrence.class, d.get("recurrence")));
    }

    public static List<Attachment> toAttachments(Document d, String key) {
        List<Attachment> out = new ArrayList<>();
        for (Document a : docs(d, key)) {
            out.add(new Attachment(a.getString("name"), a.getString("sha256")));
        }
        return List.copyOf(out);
    }
}

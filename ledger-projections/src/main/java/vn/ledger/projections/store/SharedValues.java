package vn.ledger.projections.store;

import org.bson.Document;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.BodyGroup;
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

    // ------------------------------------------------------------------ the forms

    /**
     * An actor, packed (username, full name, position, body): stored with nearly every fact a read model keeps, and
     * always read whole. The previous layout's sub-document reads too.
     */
    public static final StoredForm<Actor> ACTOR = StoredForm.packed(SharedValues::addActor, SharedValues::readActor,
            d -> new Actor(d.getString("username"), d.getString("fullName"), d.getString("position"),
                    d.getString("body")));

    /** A person, packed: name, position. */
    public static final StoredForm<Person> PERSON = StoredForm.packed((w, p) -> w.add(p.name()).add(p.position()),
            r -> new Person(r.string(), r.string()), d -> new Person(d.getString("name"), d.getString("position")));

    /** A deadline, packed: wording, kind, due instant (epoch ms), due day, recurrence. */
    public static final StoredForm<Deadline> DEADLINE = StoredForm.packed(
            (w, d) -> w.add(d.wording()).add(name(d.kind())).add(d.dueAt()).add(iso(d.dueDate()))
                    .add(name(d.recurrence())),
            r -> new Deadline(r.string(), enumOf(DeadlineKind.class, r.string()), r.instant(), localDate(r.string()),
                    enumOf(Recurrence.class, r.string())),
            d -> new Deadline(d.getString("wording"), enumOf(DeadlineKind.class, d.get("kind")),
                    instant(d.get("dueAt")), localDate(d.get("dueDate")),
                    enumOf(Recurrence.class, d.get("recurrence"))));

    /** An attachment, a sub-document: {@code name}, {@code sha256}. */
    public static final StoredForm<Attachment> ATTACHMENT = StoredForm.document(
            a -> new Document("name", a.name()).append("sha256", a.sha256()),
            d -> new Attachment(d.getString("name"), d.getString("sha256")), null);

    /** A group of bodies as written, a sub-document, absent values left out: {@code kind}, {@code of}, {@code wording}. */
    public static final StoredForm<BodyGroup> BODY_GROUP = StoredForm.document(g -> {
        Document d = Docs.appendPresent(new Document(), "kind", Docs.name(g.kind()));
        Docs.appendPresent(d, "of", g.of());
        return Docs.appendPresent(d, "wording", g.wording());
    }, d -> new BodyGroup(Docs.enumOf(BodyGroup.Kind.class, d.get("kind")), d.getString("of"), d.getString("wording")),
            null);

    // ------------------------------------------------------------------ writing

    /**
     * An actor as one string (a {@link Tuple}: username, full name, position, body): an actor is stored with nearly
     * every fact a read model keeps, and always read whole. {@link #toActor(Object)} reads the document an earlier
     * layout stored too.
     */
    public static String actor(Actor a) {
        return (String) ACTOR.write(a);
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
        return (String) PERSON.write(p);
    }

    /**
     * A deadline as one string (see {@link #actor}): wording, kind, due instant (epoch ms), due day, recurrence.
     */
    public static String deadline(Deadline d) {
        return (String) DEADLINE.write(d);
    }

    public static List<Object> attachments(List<Attachment> list) {
        return ATTACHMENT.writeAll(list);
    }

    // ------------------------------------------------------------------ reading

    /** The instant a task's deadline in force (or any stored deadline) falls due; null when none. */
    public static Instant dueAt(Object deadline) {
        Deadline d = toDeadline(deadline);
        return d == null ? null : d.dueAt();
    }

    public static Actor toActor(Object v) {
        return ACTOR.read(v);
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
        return PERSON.read(v);
    }

    public static Deadline toDeadline(Object v) {
        return DEADLINE.read(v);
    }

    public static List<Attachment> toAttachments(Document d, String key) {
        return List.copyOf(ATTACHMENT.readAll(d == null ? null : d.get(key)));
    }
}

package vn.ledger.projections.task;

import org.bson.Document;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Attachment;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.DeadlineKind;
import vn.ledger.core.shared.Person;
import vn.ledger.core.shared.Recurrence;
import vn.ledger.projections.store.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * How the read models write values into BSON and read them back, shared by the directive, task, search and
 * audit projections. One convention everywhere: instants are BSON dates (millisecond precision), business dates
 * and months are ISO strings ("2026-03-20", "2026-04", which sort as text), sequence numbers and positions are
 * 64-bit longs, enums are their names. Readers accept any {@link Number} so a value written as an int and read
 * back as a long (or the reverse) is never a surprise.
 */
public final class Docs {

    private Docs() {
    }

    // ------------------------------------------------------------------ writing

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static String month(YearMonth month) {
        return month == null ? null : month.toString();
    }

    public static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

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
        return Tuple.writer().add(d.wording()).add(name(d.kind())).add(d.dueAt()).add(day(d.dueDate()))
                .add(name(d.recurrence())).toString();
    }

    public static List<Document> attachments(List<Attachment> list) {
        List<Document> out = new ArrayList<>();
        for (Attachment a : list == null ? List.<Attachment>of() : list) {
            out.add(new Document("name", a.name()).append("sha256", a.sha256()));
        }
        return out;
    }

    /** A copy of the strings (never null). */
    public static List<String> strings(Collection<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    // ------------------------------------------------------------------ reading

    public static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return Instant.parse(v.toString());
    }

    public static LocalDate localDate(Object v) {
        return v == null ? null : LocalDate.parse(v.toString());
    }

    public static YearMonth yearMonth(Object v) {
        return v == null ? null : YearMonth.parse(v.toString());
    }

    public static long lng(Object v, long orElse) {
        return v instanceof Number n ? n.longValue() : orElse;
    }

    public static Integer integer(Object v) {
        return v instanceof Number n ? n.intValue() : null;
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, Object v) {
        return v == null ? null : Enum.valueOf(type, v.toString());
    }

    /** The list of strings under key, as a mutable copy; empty when absent. */
    @SuppressWarnings("unchecked")
    public static List<String> strings(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
    }

    /**
     * The items of the list under key as stored, of whatever kind (tuples, sub-documents of an earlier layout), not
     * copied: read only. Empty when absent.
     */
    public static List<?> items(Document d, String key) {
        return d != null && d.get(key) instanceof List<?> l ? l : List.of();
    }

    /** The instant a task's deadline in force (or any stored deadline) falls due; null when none. */
    public static Instant dueAt(Object deadline) {
        Deadline d = toDeadline(deadline);
        return d == null ? null : d.dueAt();
    }

    /** The list of sub-documents under key, as a mutable list (the elements are the stored ones); empty when absent. */
    @SuppressWarnings("unchecked")
    public static List<Document> docs(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof List<?> l ? new ArrayList<>((List<Document>) l) : new ArrayList<>();
    }

    public static Document sub(Document d, String key) {
        Object v = d == null ? null : d.get(key);
        return v instanceof Document s ? s : null;
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

    /** Adds value to the list under key unless present; true when the list changed. */
    public static boolean addToSet(Document d, String key, String value) {
        List<String> list = strings(d, key);
        if (value == null || list.contains(value)) {
            return false;
        }
        list.add(value);
        d.put(key, list);
        return true;
    }
}

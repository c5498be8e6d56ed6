package vn.ledger.projections.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one kind of value is stored in a read-model document and read back: the read side's one stored-form
 * mechanism (docs/design.md, "Stored forms"). A form is declared next to the record it stores ({@code
 * SharedValues.ACTOR}, {@code TaskView.Report.FORM}, {@code Tally.FORM}, ...) and is what the projection writes with,
 * what the queries read with, and what the administrator's decoded-documents endpoint decodes with ({@link
 * StoredForms}): one decoder per stored shape.
 *
 * <p>A form stores its value in one of two shapes:
 * <ul>
 *   <li>{@link #document}: a sub-document (or a whole stored document) with named fields, readable in a MongoDB
 *   shell. The default.</li>
 *   <li>{@link #packed}: one string in the one packed format, {@link Tuple} (fields separated by U+001F, U+001B
 *   escapes, U+0000 a null, a list as its size then its items). Only for values that are read whole and so
 *   numerous that the embedded server's cost per stored value matters (docs/design.md, "Packed values").</li>
 * </ul>
 *
 * <p>{@link #read} accepts what the current layout writes and what the previous layout wrote (its {@code previous}
 * reader), nothing older: a generation built by an older layout is rebuilt at start (ReadModels' layouts) while
 * the generation before keeps answering. {@code null} is stored as {@code null} and reads back as {@code null}.
 *
 * @param <T> the value: a record, or a list of them
 */
public interface StoredForm<T> {

    /** The stored value: a {@link Document}, a string of the packed format, a list or a plain BSON value. */
    Object write(T value);

    /** The value stored, in the current layout or the previous one; null for null. */
    T read(Object stored);

    /**
     * The value as the administrator's endpoint shows it (serialised to JSON): by default the value read, which
     * suits a record; a value that is not a record (a tally) shows a document of its own.
     */
    default Object shown(Object stored) {
        return read(stored);
    }

    /**
     * The value held as itself in a document until the document is written, then stored packed (for a packed form;
     * see {@link Held}).
     */
    default Held<T> held(T value) {
        return new Held<>(value, this);
    }

    /** A stored document (for a form whose {@link #write} makes one). */
    default Document document(T value) {
        return (Document) write(value);
    }

    /** The values, each stored by this form, as a list (a BSON array). */
    default List<Object> writeAll(Collection<? extends T> values) {
        List<Object> out = new ArrayList<>(values == null ? 0 : values.size());
        if (values != null) {
            for (T v : values) {
                out.add(write(v));
            }
        }
        return out;
    }

    /** The values of a stored list (an absent one: none), each read by this form. */
    default List<T> readAll(Object stored) {
        List<T> out = new ArrayList<>();
        if (stored instanceof List<?> list) {
            for (Object item : list) {
                out.add(read(item));
            }
        }
        return out;
    }

    /** A list of values of this form, stored as a list (a BSON array) of their stored forms. */
    default StoredForm<List<T>> list() {
        StoredForm<T> form = this;
        return new StoredForm<>() {
            @Override
            public Object write(List<T> values) {
                return values == null ? null : form.writeAll(values);
            }

            @Override
            public List<T> read(Object stored) {
                return stored == null ? null : form.readAll(stored);
            }

            @Override
            public Object shown(Object stored) {
                if (!(stored instanceof List<?> items)) {
                    return null;
                }
                List<Object> out = new ArrayList<>(items.size());
                for (Object item : items) {
                    out.add(form.shown(item));
                }
                return out;
            }
        };
    }

    /** The form that shows its values with {@code show} on the administrator's endpoint. */
    default StoredForm<T> shownAs(Function<? super T, Object> show) {
        StoredForm<T> form = this;
        return new StoredForm<>() {
            @Override
            public Object write(T value) {
                return form.write(value);
            }

            @Override
            public T read(Object stored) {
                return form.read(stored);
            }

            @Override
            public Object shown(Object stored) {
                T value = read(stored);
                return value == null ? null : show.apply(value);
            }
        };
    }

    // ------------------------------------------------------------------ the two shapes

    /**
     * A value stored as a document with named fields.
     *
     * @param previous how a value stored by the previous layout reads (a packed string, say), or null when the
     *                 previous layout stored the same document
     */
    static <T> StoredForm<T> document(Function<? super T, Document> write, Function<Document, T> read,
                                      Function<Object, T> previous) {
        return new StoredForm<>() {
            @Override
            public Object write(T value) {
                return value == null ? null : write.apply(value);
            }

            @Override
            public T read(Object stored) {
                if (stored == null) {
                    return null;
                }
                if (stored instanceof Document d) {
                    return read.apply(d);
                }
                if (previous != null) {
                    return previous.apply(stored);
                }
                throw new IllegalArgumentException("not a stored document: " + stored.getClass().getSimpleName());
            }
        };
    }

    /**
     * A value stored as one string of the packed format ({@link Tuple}): {@code write} adds its fields in order,
     * {@code read} reads them in the same order.
     *
     * @param previous how a value stored by the previous layout (a sub-document) reads, or null when the previous
     *                 layout packed it the same way
     */
    static <T> StoredForm<T> packed(BiConsumer<Tuple.Writer, ? super T> write, Function<Tuple.Reader, T> read,
                                    Function<Document, T> previous) {
        return new StoredForm<>() {
            @Override
            public Object write(T value) {
                if (value == null) {
                    return null;
                }
                Tuple.Writer w = Tuple.writer();
                write.accept(w, value);
                return w.toString();
            }

            @Override
            @SuppressWarnings("unchecked")
            public T read(Object stored) {
                if (stored == null) {
                    return null;
                }
                if (stored instanceof Held<?> h) {
                    return (T) h.value();
                }
                if (stored instanceof String s) {
                    return read.apply(Tuple.reader(s));
                }
                if (previous != null && stored instanceof Document d) {
                    return previous.apply(d);
                }
                throw new IllegalArgumentException("not a packed value: " + stored.getClass().getSimpleName());
            }
        };
    }

    /** The list of strings stored as one packed string (its size, then its items); a BSON array reads too. */
    StoredForm<List<String>> STRINGS = new StoredForm<>() {
        @Override
        public Object write(List<String> value) {
            return value == null ? null : Tuple.writer().addAll(value).toString();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<String> read(Object stored) {
            if (stored instanceof Held<?> h) {
                return (List<String>) h.value();
            }
            if (stored instanceof StoredAsString held) {
                return (List<String>) held;
            }
            if (stored instanceof String s) {
                return Tuple.reader(s).strings();
            }
            return stored instanceof List<?> l ? new ArrayList<>((List<String>) l) : null;
        }
    };
}

package vn.ledger.projections.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The stored forms of one read model, for reading its stored documents decoded (the administrator's
 * decoded-documents endpoint): which collection holds whole documents of which form, and which field, at any depth
 * of a document, holds a value of which form (a task's {@code by} is an actor wherever it is). Each read model
 * declares its own ({@code TaskProjection.FORMS}, ...) from the forms declared next to its records, so that the
 * endpoint decodes with the very readers the queries use.
 */
public final class StoredForms {

    private final Map<String, StoredForm<?>> documents;
    private final Map<String, StoredForm<?>> fields;

    private StoredForms(Map<String, StoredForm<?>> documents, Map<String, StoredForm<?>> fields) {
        this.documents = documents;
        this.fields = fields;
    }

    /** No forms: every document is shown as stored, packed strings split into their unnamed fields. */
    public static StoredForms forms() {
        return new StoredForms(Map.of(), Map.of());
    }

    /** These forms, and: every document of {@code collection} is a value of {@code form}. */
    public StoredForms document(String collection, StoredForm<?> form) {
        Map<String, StoredForm<?>> more = new LinkedHashMap<>(documents);
        more.put(collection, form);
        return new StoredForms(more, fields);
    }

    /**
     * These forms, and: a field named {@code name}, at any depth of a document of this model, holds a value of
     * {@code form}.
     */
    public StoredForms field(String name, StoredForm<?> form) {
        Map<String, StoredForm<?>> more = new LinkedHashMap<>(fields);
        more.put(name, form);
        return new StoredForms(documents, more);
    }

    /** These forms and those of {@code other} (other's win for the same collection or field). */
    public StoredForms with(StoredForms other) {
        Map<String, StoredForm<?>> d = new LinkedHashMap<>(documents);
        d.putAll(other.documents);
        Map<String, StoredForm<?>> f = new LinkedHashMap<>(fields);
        f.putAll(other.fields);
        return new StoredForms(d, f);
    }

    public Map<String, StoredForm<?>> documents() {
        return Map.copyOf(documents);
    }

    public Map<String, StoredForm<?>> fields() {
        return Map.copyOf(fields);
    }

    /**
     * A stored document decoded, and where: paths decoded by a form ({@code a.b[].c}; {@code $} the whole
     * document), and paths of packed strings no form names (shown as their unnamed {@link Tuple} fields).
     */
    public record Decoded(Object document, List<String> decodedPaths, List<String> unnamedPaths) {
    }

    public Decoded decode(String collection, Document stored) {
        return decode(collection, stored, Map.of());
    }

    /**
     * The document decoded by its collection's form, or else field by field; {@code others} decode fields this
     * model's forms do not name (a reader that needs more than the value, e.g. a query over the whole generation).
     */
    public Decoded decode(String collection, Document stored, Map<String, Function<Object, Object>> others) {
        StoredForm<?> whole = documents.get(collection);
        if (whole != null) {
            return new Decoded(whole.shown(stored), List.of("$"), List.of());
        }
        Map<String, Function<Object, Object>> by = new LinkedHashMap<>(others);
        fields.forEach((name, form) -> by.put(name, form::shown));
        TreeSet<String> decoded = new TreeSet<>();
        TreeSet<String> unnamed = new TreeSet<>();
        Object out = walk(stored, "", by, decoded, unnamed);
        return new Decoded(out, List.copyOf(decoded), List.copyOf(unnamed));
    }

    private static Object walk(Object value, String path, Map<String, Function<Object, Object>> by,
                               TreeSet<String> decoded, TreeSet<String> unnamed) {
        if (value instanceof Document d) {
            Map<String, Object> out = new LinkedHashMap<>();
            d.forEach((k, v) -> {
                String at = path.isEmpty() ? k : path + "." + k;
                Function<Object, Object> reader = by.get(k);
                if (reader != null && v != null) {
                    out.put(k, reader.apply(v));
                    decoded.add(at);
                } else {
                    out.put(k, walk(v, at, by, decoded, unnamed));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(walk(item, path + "[]", by, decoded, unnamed));
            }
            return out;
        }
        if (value instanceof String s && Tuple.isPacked(s)) {
            unnamed.add(path);
            return Map.of("tupleFields", Tuple.fields(s));
        }
        return value;
    }
}

package vn.ledger.projections.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of strings changed in place in memory and stored in the form {@link StoredForm#STRINGS} (one packed string:
 * its size, then its items), e.g. a
 * posting bucket of 500 audit ids: one value for the server instead of 500. A list stored as a BSON array (an
 * earlier layout) reads too.
 */
public final class PackedStrings extends ArrayList<String> implements StoredAsString {

    public PackedStrings() {
    }

    public PackedStrings(Collection<String> items) {
        super(items);
    }

    /** The list a stored value holds: a packed string, an array, or nothing (empty). Read only. */
    @SuppressWarnings("unchecked")
    public static List<String> read(Object stored) {
        if (stored instanceof List<?> l) {
            return (List<String>) l;
        }
        List<String> list = StoredForm.STRINGS.read(stored);
        return list == null ? List.of() : list;
    }

    /**
     * The list under key, read only; a packed string is parsed once and the list put back in its place, so that
     * reading it again (a head's bucket firsts, once per bucket of a scan) costs nothing more.
     */
    public static List<String> view(Document d, String key) {
        Object v = d.get(key);
        if (v instanceof String s) {
            PackedStrings list = parse(s);
            d.put(key, list);
            return list;
        }
        return read(v);
    }

    /** The list under key, to change in place: made a PackedStrings once, and put back into the document. */
    public static PackedStrings mutable(Document d, String key) {
        return StoredAsString.held(d, key, PackedStrings.class,
                v -> v instanceof String s ? parse(s) : new PackedStrings(read(v)));
    }

    private static PackedStrings parse(String stored) {
        return new PackedStrings(StoredForm.STRINGS.read(stored));
    }

    /** Written in the form of {@link StoredForm#STRINGS}. */
    @Override
    public String stored() {
        return (String) StoredForm.STRINGS.write(this);
    }
}

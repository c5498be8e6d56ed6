package vn.ledger.projections.body;

import vn.ledger.projections.store.ReadStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The names of bodies, resolved when a view is read (not copied into every read model: a rename would rewrite them
 * all): from {@link BodiesProjection}'s collection, one {@code $in} per {@value #PER_READ} codes. Each body's name
 * is the one in force on the day asked, by the effective dates of its registration and renames.
 */
public final class BodyNames {

    static final int PER_READ = 1_000;

    private final ReadStore store;

    public BodyNames(ReadStore store) {
        this.store = store;
    }

    /**
     * @param day the day the names are for; null: the current names
     * @return code → name, for the codes of registered bodies (unknown codes and bodies only referenced so far are
     * left out)
     */
    public Map<String, String> on(Collection<String> codes, LocalDate day) {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(codes));
        for (int i = 0; i < all.size(); i += PER_READ) {
            store.findAll(BodiesProjection.COLLECTION, all.subList(i, Math.min(all.size(), i + PER_READ)))
                    .forEach((code, d) -> {
                        String name = nameOn(BodyQueries.view(d), day);
                        if (name != null) {
                            out.put(code, name);
                        }
                    });
        }
        return out;
    }

    /**
     * The name in force on {@code day}: the one taking effect last on or before it; the first one for a day before
     * the body's registration; the current one when {@code day} is null or the history is empty.
     */
    public static String nameOn(BodyView body, LocalDate day) {
        if (!body.registered()) {
            return null;
        }
        if (day == null || body.names().isEmpty()) {
            return body.name();
        }
        String name = body.names().get(0).name();
        LocalDate since = null;
        for (BodyView.NameSince n : body.names()) {
            // the latest effective date on or before the day (a rename may be recorded after a later one)
            if (n.from() == null || (!n.from().isAfter(day) && (since == null || !n.from().isBefore(since)))) {
                name = n.name();
                since = n.from() == null ? since : n.from();
            }
        }
        return name;
    }
}

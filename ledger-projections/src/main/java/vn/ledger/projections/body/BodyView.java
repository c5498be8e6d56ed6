package vn.ledger.projections.body;

import java.time.LocalDate;
import java.util.List;

/**
 * A body as the read model knows it.
 *
 * @param registered false while only referenced (a child registered before it): name and level are unknown
 * @param path       ancestor codes, root first, the body itself excluded
 * @param names      every name it bore, oldest first, with the business date from which it applied
 * @param successor  the body it was merged into, or null
 */
public record BodyView(String code, boolean registered, String name, List<NameSince> names, String parent,
                       String level, List<String> children, List<String> path, boolean closed, LocalDate closedOn,
                       String closedReason, String successor, List<String> mergedFrom) {

    public record NameSince(String name, LocalDate from) {
    }
}

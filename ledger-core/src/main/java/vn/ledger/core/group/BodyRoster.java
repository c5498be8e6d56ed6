package vn.ledger.core.group;

import java.util.List;
import java.util.Optional;

/**
 * Port: every registered body, and the lists of bodies the application configures, for expanding groups.
 * Implemented outside the core and injected into the command handlers that may name a group.
 */
public interface BodyRoster {

    /** A roster that knows no body and no list: every group is empty. */
    BodyRoster EMPTY = List::of;

    /** Every body ever registered, closed and merged ones included, in the order they were registered. */
    List<RosterEntry> bodies();

    /** The body codes of the configured list with this id; empty when no such list is configured. */
    default Optional<List<String>> namedList(String listId) {
        return Optional.empty();
    }

    /**
     * This roster with its bodies read at most once: one command expands all its groups from the same reading
     * (the same members for the recipients and the tasks), and pays for it once.
     */
    static BodyRoster readOnce(BodyRoster roster) {
        return new BodyRoster() {
            private List<RosterEntry> bodies;

            @Override
            public List<RosterEntry> bodies() {
                if (bodies == null) {
                    bodies = List.copyOf(roster.bodies());
                }
                return bodies;
            }

            @Override
            public Optional<List<String>> namedList(String listId) {
                return roster.namedList(listId);
            }
        };
    }
}

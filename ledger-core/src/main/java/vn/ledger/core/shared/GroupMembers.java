package vn.ledger.core.shared;

import java.util.List;

/** A group as written with its member bodies on the date it was applied, as recorded in the events. */
public record GroupMembers(BodyGroup group, List<String> members) {

    public GroupMembers {
        members = Text.listOf(members);
    }
}

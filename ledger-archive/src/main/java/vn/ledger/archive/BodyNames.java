package vn.ledger.archive;

import vn.ledger.eventstore.StoredEvent;

import java.util.Map;

/** Bodies' names as the log registers and renames them, collected while the export reads every commit anyway. */
final class BodyNames {

    private BodyNames() {
    }

    static void see(StoredEvent event, Map<String, String> names) {
        if (Selection.is(event, "BodyRegistered")) {
            String[] v = Selection.texts(event, "code", "name");
            names.put(v[0], v[1]);
        } else if (Selection.is(event, "BodyRenamed")) {
            String[] v = Selection.texts(event, "code", "newName");
            names.put(v[0], v[1]);
        }
    }
}

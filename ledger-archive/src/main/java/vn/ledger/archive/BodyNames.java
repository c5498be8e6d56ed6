package vn.ledger.archive;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ledger.eventstore.StoredEvent;

import java.util.Map;

/** Bodies' names as the log registers and renames them, collected while the export reads every commit anyway. */
final class BodyNames {

    private BodyNames() {
    }

    static void see(StoredEvent event, Map<String, String> names) {
        if (Selection.is(event, "BodyRegistered")) {
            JsonNode p = Selection.payload(event);
            names.put(p.path("code").asText(), p.path("name").asText());
        } else if (Selection.is(event, "BodyRenamed")) {
            JsonNode p = Selection.payload(event);
            names.put(p.path("code").asText(), p.path("newName").asText());
        }
    }
}

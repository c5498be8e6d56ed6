package vn.ledger.archive;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.ledger.eventstore.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The directives an issue implements, streamed from its payload, are those its tree lists. */
class CitedTest {

    @Test
    void theCitedIdsAreThoseTheTreeOfThePayloadGives() {
        List<String> payloads = List.of(
                "{\"directiveId\":\"B\",\"implementsDirectives\":[{\"asWritten\":\"22-TB/CQTTBCĐ\",\"directiveId\":\"A\"}],"
                        + "\"subject\":\"Về công nghệ\"}",
                "{\"implementsDirectives\":[{\"asWritten\":\"x\",\"directiveId\":null},{\"asWritten\":\"y\"},"
                        + "{\"directiveId\":\"C\",\"more\":{\"directiveId\":\"no\"}},7,[\"A\"]],\"z\":[1,{\"a\":2}]}",
                "{\"implementsDirectives\":[]}",
                "{\"implementsDirectives\":null}",
                "{\"subject\":\"none\"}",
                "{\"implementsDirectives\":[{\"directiveId\":5}]}",
                "{\"implementsDirectives\":{\"one\":{\"directiveId\":\"A\"}}}",
                "{\"implementsDirectives\":[{\"directiveId\":\"A\"}],\"implementsDirectives\":[{\"directiveId\":\"D\"}]}",
                "[{\"directiveId\":\"A\"}]");
        for (String payload : payloads) {
            StoredEvent issued = new StoredEvent(3, 0, "e", "Directive", "B", 1, Instant.EPOCH,
                    "vn.ledger.core.directive.DirectiveIssued", null, payload, "{}");
            List<String> inTree = new ArrayList<>();
            for (JsonNode cited : Selection.payload(issued).path("implementsDirectives")) {
                inTree.add(cited.path("directiveId").asText());
            }
            assertThat(Selection.cited(issued)).as(payload).isEqualTo(inTree);
        }
    }

    @Test
    void aBodysCodeAndNameAreThoseTheTreeOfThePayloadGives() {
        for (String payload : List.of("{\"code\":\"BKHCN\",\"level\":\"MINISTRY\",\"name\":\"Bộ Khoa học và Công nghệ\","
                + "\"parent\":{\"code\":\"CP\"}}", "{\"name\":\"Không mã\"}", "{\"code\":7,\"name\":\"Số\"}",
                "{\"code\":\"X\",\"name\":null}", "{\"code\":\"X\",\"name\":[\"a\"]}", "[]")) {
            StoredEvent registered = new StoredEvent(3, 0, "e", "Body", "BKHCN", 1, Instant.EPOCH,
                    "vn.ledger.core.body.BodyRegistered", null, payload, "{}");
            JsonNode tree = Selection.payload(registered);
            assertThat(Selection.texts(registered, "code", "name")).as(payload)
                    .containsExactly(tree.path("code").asText(), tree.path("name").asText());
        }
    }
}

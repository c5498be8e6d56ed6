package vn.ledger.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Body names beside body codes in a view's JSON, found in one lookup. */
class NamedBodiesTest {

    private static final Map<String, String> REGISTER = Map.of("BKHCN", "Bộ Khoa học và Công nghệ",
            "BTC", "Bộ Tài chính", "TU-DIENBIEN", "Tỉnh ủy Điện Biên");

    private final List<Collection<String>> lookups = new ArrayList<>();

    private JsonNode named(String json) throws Exception {
        JsonNode view = new ObjectMapper().readTree(json);
        NamedBodies.add(view, codes -> {
            lookups.add(List.copyOf(codes));
            Map<String, String> out = new HashMap<>();
            codes.forEach(c -> {
                if (REGISTER.containsKey(c)) {
                    out.put(c, REGISTER.get(c));
                }
            });
            return out;
        });
        return view;
    }

    @Test
    void givenCodesInFieldsAndListsAtAnyDepth_whenNamed_thenEachGetsASiblingWithItsNameInOneLookup() throws Exception {
        JsonNode v = named("""
                {"issuingBodyCode": "TU-DIENBIEN", "recipients": [{"bodyCode": "BKHCN"}, {"body": "NO-SUCH"}],
                 "tasks": [{"leadBodies": ["BKHCN", "BTC"], "cooperatingBodies": [], "leads": ["BTC"]}],
                 "stall": {"body": "BKHCN, BTC"}, "code": "BKHCN", "subject": "BTC"}""");

        assertThat(v.get("issuingBodyName").asText()).isEqualTo("Tỉnh ủy Điện Biên");
        assertThat(v.at("/recipients/0/bodyName").asText()).isEqualTo("Bộ Khoa học và Công nghệ");
        assertThat(v.at("/recipients/1").has("bodyName")).isTrue();
        assertThat(v.at("/recipients/1/bodyName").isNull()).as("no such body").isTrue();
        assertThat(v.at("/tasks/0/leadBodyNames").toString()).isEqualTo("[\"Bộ Khoa học và Công nghệ\",\"Bộ Tài chính\"]");
        assertThat(v.at("/tasks/0").has("cooperatingBodyNames")).as("an empty list has none").isFalse();
        assertThat(v.at("/tasks/0/leadNames/0").asText()).isEqualTo("Bộ Tài chính");
        assertThat(v.at("/stall/bodyName").asText()).isEqualTo("Bộ Khoa học và Công nghệ, Bộ Tài chính");
        assertThat(v.has("codeName")).as("a task code or a text is no body code").isFalse();
        assertThat(v.has("subjectName")).isFalse();
        assertThat(lookups).hasSize(1);
    }

    @Test
    void givenASiblingTheViewHasAlready_whenNamed_thenItIsKept() throws Exception {
        JsonNode v = named("{\"issuer\": \"BTC\", \"issuerName\": \"tên đã lưu\"}");

        assertThat(v.get("issuerName").asText()).isEqualTo("tên đã lưu");
        assertThat(lookups).isEmpty();
    }

    @Test
    void theSiblingNamesFollowTheFieldNames() {
        assertThat(NamedBodies.sibling("assignerBodyCode")).isEqualTo("assignerBodyName");
        assertThat(NamedBodies.sibling("bodyCode")).isEqualTo("bodyName");
        assertThat(NamedBodies.sibling("bodies")).isEqualTo("bodyNames");
        assertThat(NamedBodies.sibling("newLeadBodies")).isEqualTo("newLeadBodyNames");
        assertThat(NamedBodies.sibling("recipientsForAction")).isEqualTo("recipientsForActionNames");
        assertThat(NamedBodies.sibling("successor")).isEqualTo("successorName");
        assertThat(NamedBodies.sibling("directiveId")).isNull();
    }
}

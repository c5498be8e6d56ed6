package vn.ledger.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Body names beside body codes in a view's JSON, added when the answer is written (the read models keep codes
 * only): every field holding one body code gets a sibling with its name, every field holding a list of codes a
 * sibling list of names in the same order (null for a code no registered body bears). The fields and their siblings:
 * {@code xBodyCode} → {@code xBodyName} ({@code bodyCode} → {@code bodyName}), {@code xBodies} → {@code xBodyNames}
 * ({@code bodies} → {@code bodyNames}), {@code body}, {@code issuer}, {@code leadBody}, {@code successor} →
 * {@code …Name}, {@code leads}, {@code cooperating}, {@code uncoveredLeads} → {@code leadNames},
 * {@code cooperatingNames}, {@code uncoveredLeadNames}. A sibling the view already has is left as it is. A field
 * holding several codes joined by ", " (a stall's lead bodies) gets their names joined the same way.
 */
public final class NamedBodies {

    private static final Set<String> SINGLE = Set.of("body", "issuer", "leadBody", "successor");
    private static final Map<String, String> OTHERS = Map.of("leads", "leadNames", "cooperating", "cooperatingNames",
            "uncoveredLeads", "uncoveredLeadNames", "parentCode", "parentName", "intoCode", "intoName");
    private static final String JOINED = ", ";

    private NamedBodies() {
    }

    /**
     * Adds the names to {@code view} in place.
     *
     * @param names code → name for the codes asked (one read for all of them); codes left out have no name
     */
    public static void add(JsonNode view, Function<Collection<String>, Map<String, String>> names) {
        Set<String> codes = codes(view);
        if (codes.isEmpty()) {
            return;
        }
        Map<String, String> named = names.apply(codes);
        walk(view, (object, key, sibling) -> {
            JsonNode value = object.get(key);
            if (value.isTextual()) {
                object.put(sibling, nameOf(value.asText(), named));
            } else {
                ArrayNode list = object.putArray(sibling);
                value.forEach(v -> list.add(v.isTextual() ? nameOf(v.asText(), named) : null));
            }
        });
    }

    /** The body codes {@code node} holds in the fields named as above (for a raw payload shown as stored). */
    public static Set<String> codes(JsonNode node) {
        Set<String> codes = new LinkedHashSet<>();
        walk(node, (object, key, sibling) -> codesOf(object.get(key), codes));
        return codes;
    }

    /** The field name beside {@code key} that holds the name(s), or null when {@code key} holds no body code. */
    static String sibling(String key) {
        if (key.equals("bodyCode") || key.endsWith("BodyCode")) {
            return key.substring(0, key.length() - "Code".length()) + "Name";
        }
        if (key.equals("bodies")) {
            return "bodyNames";
        }
        if (key.endsWith("Bodies")) {
            return key.substring(0, key.length() - "Bodies".length()) + "BodyNames";
        }
        if (SINGLE.contains(key)) {
            return key + "Name";
        }
        if (key.startsWith("recipientsFor")) {
            return key + "Names";
        }
        return OTHERS.get(key);
    }

    private interface Visit {
        void field(ObjectNode object, String key, String sibling);
    }

    /** Visits every field holding a code or a list of codes whose sibling is not in its object yet. */
    private static void walk(JsonNode node, Visit visit) {
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                String sibling = sibling(key);
                if (sibling != null && !object.has(sibling) && holdsCodes(value)) {
                    visit.field(object, key, sibling);
                } else {
                    walk(value, visit);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                walk(it.next(), visit);
            }
        }
    }

    private static boolean holdsCodes(JsonNode value) {
        if (value.isTextual()) {
            return true;
        }
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode v : value) {
            if (!v.isTextual() && !v.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static void codesOf(JsonNode value, Set<String> codes) {
        if (value.isTextual()) {
            codes.add(value.asText());
            if (value.asText().contains(JOINED)) {
                codes.addAll(List.of(value.asText().split(JOINED)));
            }
        } else {
            value.forEach(v -> {
                if (v.isTextual()) {
                    codes.add(v.asText());
                }
            });
        }
    }

    private static String nameOf(String code, Map<String, String> named) {
        String name = named.get(code);
        if (name != null || !code.contains(JOINED)) {
            return name;
        }
        List<String> names = new ArrayList<>();
        for (String c : code.split(JOINED)) {
            names.add(named.getOrDefault(c, c));
        }
        return String.join(JOINED, names);
    }
}

package vn.ledger.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One canonical JSON form for everything the ledger stores: object keys sorted at every depth, no
 * insignificant white space, java.time values as ISO-8601 strings. The next step hash-chains stored
 * events, so the same value must always give the same bytes, whatever the order in which a map was filled.
 */
public final class CanonicalJson {

    private static final ObjectMapper MESSAGES = configure(JsonMapper.builder()).build();
    private static final ObjectMapper SNAPSHOTS = configure(JsonMapper.builder())
            // aggregates keep their state in private fields without getters
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    private CanonicalJson() {
    }

    private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .serializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /** The mapper for events, commands and metadata. */
    public static ObjectMapper mapper() {
        return MESSAGES;
    }

    /** The Axon serializer for events, messages and tokens: canonical JSON. */
    public static Serializer serializer() {
        return new CanonicalJsonSerializer(MESSAGES);
    }

    /** The Axon serializer for aggregate snapshots: reads and writes fields, since aggregates hide them. */
    public static Serializer snapshotSerializer() {
        return new CanonicalJsonSerializer(SNAPSHOTS);
    }

    /** The canonical text of any value. */
    public static String write(Object value) {
        return write(MESSAGES, value);
    }

    static String write(ObjectMapper mapper, Object value) {
        try {
            JsonNode tree = mapper.valueToTree(value);
            return MESSAGES.writeValueAsString(sorted(tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write canonical JSON of " + value.getClass().getName(), e);
        }
    }

    /** Re-writes any JSON text canonically (used to check that stored text is canonical). */
    public static String canonicalise(String json) {
        try {
            return MESSAGES.writeValueAsString(sorted(MESSAGES.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}

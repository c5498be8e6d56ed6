package vn.ledger.api.readside;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.ledger.core.shared.Deadline;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of read-side answers: every instant {@code x} of a view is written twice, {@code x} in Vietnam's legal time
 * with its offset ({@code 2026-03-20T10:15:00+07:00}) and {@code xUtc} as the UTC instant
 * ({@code 2026-03-20T03:15:00Z}); dates ({@code 2026-03-20}) and months ({@code 2026-04}) stay as they are.
 */
public final class VietnamTimes {

    public static final ZoneId ZONE = Deadline.LEGAL_ZONE;
    public static final String UTC_SUFFIX = "Utc";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("vietnam-times").setSerializerModifier(new BothForms()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private VietnamTimes() {
    }

    public static String local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static String utc(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * Writes a view with the read side's mapper (used on {@link ReadAnswer#data()}), with the names of the bodies
     * beside their codes when the answer says how to find them ({@link NamedBodies}).
     */
    public static final class Serializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (gen.getCurrentValue() instanceof ReadAnswer<?> answer && answer.bodyNames() != null && value != null) {
                JsonNode tree = MAPPER.valueToTree(value);
                NamedBodies.add(tree, answer.bodyNames());
                MAPPER.writeValue(gen, tree);
            } else {
                MAPPER.writeValue(gen, value);
            }
        }
    }

    private static final class BothForms extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
            for (BeanPropertyWriter w : properties) {
                if (w.getType().hasRawClass(Instant.class)) {
                    BeanPropertyWriter utc = w.rename(NameTransformer.simpleTransformer("", UTC_SUFFIX));
                    utc.assignSerializer(new InstantSerializer(false));
                    w.assignSerializer(new InstantSerializer(true));
                    out.add(w);
                    out.add(utc);
                } else {
                    out.add(w);
                }
            }
            return out;
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Object> {
        private final boolean local;

        InstantSerializer(boolean local) {
            this.local = local;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            Instant i = (Instant) value;
            gen.writeString(local ? local(i) : utc(i));
        }
    }
}

package vn.ledger.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.charset.StandardCharsets;

/**
 * Axon's Jackson serializer, except that whatever it writes is canonical JSON (see {@link CanonicalJson}).
 * Reading is left to Axon's serializer, which also knows MetaData, tokens and upcasting representations.
 */
final class CanonicalJsonSerializer implements org.axonframework.serialization.Serializer {

    private final ObjectMapper mapper;
    private final JacksonSerializer delegate;

    CanonicalJsonSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
        this.delegate = JacksonSerializer.builder().objectMapper(mapper.copy()).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedType type = delegate.typeForClass(object == null ? Void.class : object.getClass());
        if (object == null) {
            return delegate.serialize(null, expectedRepresentation);
        }
        String text = CanonicalJson.write(delegate.getObjectMapper(), object);
        if (String.class.equals(expectedRepresentation)) {
            return new SimpleSerializedObject<>((T) text, expectedRepresentation, type);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (byte[].class.equals(expectedRepresentation)) {
            return new SimpleSerializedObject<>((T) bytes, expectedRepresentation, type);
        }
        T converted = delegate.getConverter().convert(bytes, expectedRepresentation);
        return new SimpleSerializedObject<>(converted, expectedRepresentation, type);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    ObjectMapper mapper() {
        return mapper;
    }
}

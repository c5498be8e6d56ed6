package vn.ledger.projections.store;

import org.bson.BsonReader;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Writes read-model documents as the driver's {@link DocumentCodec} does, choosing the writer call by the value's type
 * for the types read models hold (strings, numbers, booleans, dates, nested documents, lists) instead of asking the
 * codec registry for each value. In a profile of a rebuild that lookup was most of the projections' threads' time
 * spent encoding. A {@link StoredAsString} (a tally, a packed list) is written as its string. Any other value is
 * encoded by the registry, as before; decoding is the driver's.
 */
final class ReadModelCodec implements CollectibleCodec<Document> {

    private static final String ID = "_id";

    private final CodecRegistry registry;
    private final DocumentCodec standard;

    ReadModelCodec(CodecRegistry registry) {
        this.registry = registry;
        this.standard = new DocumentCodec(registry);
    }

    @Override
    public Class<Document> getEncoderClass() {
        return Document.class;
    }

    @Override
    public Document decode(BsonReader reader, DecoderContext decoderContext) {
        return standard.decode(reader, decoderContext);
    }

    @Override
    public void encode(BsonWriter writer, Document document, EncoderContext context) {
        boolean idFirst = context.isEncodingCollectibleDocument() && document.containsKey(ID);
        writer.writeStartDocument();
        if (idFirst) {
            writer.writeName(ID);
            writeValue(writer, document.get(ID), context);
        }
        for (Map.Entry<String, Object> e : document.entrySet()) {
            if (idFirst && ID.equals(e.getKey())) {
                continue;
            }
            writer.writeName(e.getKey());
            writeValue(writer, e.getValue(), context);
        }
        writer.writeEndDocument();
    }

    private void writeNested(BsonWriter writer, Document document, EncoderContext context) {
        writer.writeStartDocument();
        for (Map.Entry<String, Object> e : document.entrySet()) {
            writer.writeName(e.getKey());
            writeValue(writer, e.getValue(), context);
        }
        writer.writeEndDocument();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeValue(BsonWriter writer, Object value, EncoderContext context) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String s) {
            writer.writeString(s);
        } else if (value instanceof Integer i) {
            writer.writeInt32(i);
        } else if (value instanceof Long l) {
            writer.writeInt64(l);
        } else if (value instanceof Boolean b) {
            writer.writeBoolean(b);
        } else if (value instanceof Double d) {
            writer.writeDouble(d);
        } else if (value instanceof Document d) {
            writeNested(writer, d, context);
        } else if (value instanceof StoredAsString packed) {
            writer.writeString(packed.stored());
        } else if (value instanceof List<?> list) {
            writer.writeStartArray();
            for (Object item : list) {
                writeValue(writer, item, context);
            }
            writer.writeEndArray();
        } else if (value instanceof Date date) {
            writer.writeDateTime(date.getTime());
        } else {
            Codec codec = registry.get(value.getClass());
            context.encodeWithChildContext(codec, writer, value);
        }
    }

    @Override
    public Document generateIdIfAbsentFromDocument(Document document) {
        return standard.generateIdIfAbsentFromDocument(document);
    }

    @Override
    public boolean documentHasId(Document document) {
        return standard.documentHasId(document);
    }

    @Override
    public BsonValue getDocumentId(Document document) {
        return standard.getDocumentId(document);
    }
}

package vn.ledger.eventstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * How the embedded server's file holds what the stock H2 backend Java-serialises: a document as its BSON, an index
 * key of strings as the strings, an index key of other plain values (a commit's long position, a token's object id,
 * a processor's name and segment) value by value, and an object id (an {@code _id} the driver generated) as its 12
 * bytes. Anything else, and everything an older file holds, is read and written as H2's {@link ObjectDataType} does,
 * so a file written by the stock backend or by an earlier version still reads.
 *
 * <p>Why: the stock form serialises each document and each index key with a fresh {@code ObjectOutputStream} when a
 * page is saved; in a profile of bulk inserts into a file store that was a quarter of the server's time, and in a
 * profile of HTTP commands the keys of the commits' {@code _id} index (longs) still took a quarter of each commit.
 */
class StoredForms extends ObjectDataType {

    /** H2's own tags are 0 to 119 (see ObjectDataType); a negative tag is ours, and no older file has one. */
    static final byte BSON_DOCUMENT = -75;
    static final byte STRING_KEY = -74;
    static final byte VALUE_KEY = -73;
    static final byte OBJECT_ID = -72;

    /** the kinds of value a {@link #VALUE_KEY} holds, each read back as the class it was written from */
    private static final byte STRING = 's', LONG = 'l', INT = 'i', DOUBLE = 'd', OID = 'o', TRUE = 't', FALSE = 'f',
            NULL = 'n', MISSING = 'm';

    private static final int REUSED_BUFFER_LIMIT = 1 << 20;
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4_096));

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document document) {
            return (int) Math.min(Integer.MAX_VALUE, heap(document));
        }
        if (obj instanceof KeyValue key && ofPlainValues(key)) {
            int memory = 48;
            for (Object value : key) {
                memory += value instanceof String s ? 40 + 2 * s.length() : 32;
            }
            return memory;
        }
        if (obj instanceof ObjectId) {
            return 48;
        }
        return super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document && writeBson(buff, document)) {
            return;
        }
        if (obj instanceof KeyValue key && ofStrings(key)) {
            buff.put(STRING_KEY).putVarInt(key.size());
            for (Object value : key) {
                String s = (String) value;
                buff.putVarInt(s.length()).putStringData(s, s.length());
            }
            return;
        }
        if (obj instanceof KeyValue key && ofPlainValues(key)) {
            buff.put(VALUE_KEY).putVarInt(key.size());
            for (Object value : key) {
                writePlain(buff, value);
            }
            return;
        }
        if (obj instanceof ObjectId id) {
            buff.put(OBJECT_ID).put(id.toByteArray());
            return;
        }
        super.write(buff, obj);
    }

    private static void writePlain(WriteBuffer buff, Object value) {
        if (value instanceof String s) {
            buff.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
        } else if (value instanceof Long l) {
            buff.put(LONG).putVarLong(l);
        } else if (value instanceof Integer i) {
            buff.put(INT).putVarInt(i);
        } else if (value instanceof Double d) {
            buff.put(DOUBLE).putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof ObjectId id) {
            buff.put(OID).put(id.toByteArray());
        } else if (value instanceof Boolean b) {
            buff.put(b ? TRUE : FALSE);
        } else if (value == null) {
            buff.put(NULL);
        } else {
            buff.put(MISSING); // ofPlainValues let nothing else through
        }
    }

    private static Object readPlain(ByteBuffer buff) {
        byte kind = buff.get();
        return switch (kind) {
            case STRING -> DataUtils.readString(buff, DataUtils.readVarInt(buff));
            case LONG -> DataUtils.readVarLong(buff);
            case INT -> DataUtils.readVarInt(buff);
            case DOUBLE -> Double.longBitsToDouble(buff.getLong());
            case OID -> readObjectId(buff);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            default -> throw new IllegalStateException("unknown kind of key value " + kind);
        };
    }

    private static ObjectId readObjectId(ByteBuffer buff) {
        byte[] bytes = new byte[12];
        buff.get(bytes);
        return new ObjectId(bytes);
    }

    private boolean writeBson(WriteBuffer buff, Document document) {
        ByteBuf bson = BUFFERS.get();
        bson.clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            return false; // a value BSON cannot hold: stored as before
        }
        int length = bson.readableBytes();
        buff.put(BSON_DOCUMENT).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        if (bson.capacity() > REUSED_BUFFER_LIMIT) {
            BUFFERS.set(Unpooled.buffer(4_096)); // one huge document should not stay in memory with its thread
        }
        return true;
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag == BSON_DOCUMENT) {
            buff.get();
            int start = buff.position();
            int length = Integer.reverseBytes(buff.getInt(start)); // BSON's length is little-endian and includes itself
            Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buff.slice(start, length)));
            buff.position(start + length);
            return document;
        }
        if (tag == STRING_KEY) {
            buff.get();
            Object[] values = new Object[DataUtils.readVarInt(buff)];
            for (int i = 0; i < values.length; i++) {
                values[i] = DataUtils.readString(buff, DataUtils.readVarInt(buff));
            }
            return new KeyValue(values);
        }
        if (tag == VALUE_KEY) {
            buff.get();
            Object[] values = new Object[DataUtils.readVarInt(buff)];
            for (int i = 0; i < values.length; i++) {
                values[i] = readPlain(buff);
            }
            return new KeyValue(values);
        }
        if (tag == OBJECT_ID) {
            buff.get();
            return readObjectId(buff);
        }
        return super.read(buff);
    }

    /**
     * About how much heap a stored value takes. H2 sizes its page cache and the changes it holds before saving by
     * this, so it must not fall short. A first version said twice the BSON length, a quarter of what a decoded
     * document takes (8.2 times its BSON length, measured); the cache grew to about four times its size, and a
     * national rebuild spent 395 of its 577 s collecting garbage.
     */
    static long heap(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = 64 + 8L * map.size();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                bytes += 48 + heap(e.getKey()) + heap(e.getValue());
            }
            return bytes;
        }
        if (value instanceof List<?> list) {
            long bytes = 40 + 8L * list.size();
            for (Object item : list) {
                bytes += heap(item);
            }
            return bytes;
        }
        if (value instanceof String s) {
            return 40 + 2L * s.length(); // as if every string held a character beyond Latin-1, as Vietnamese text does
        }
        if (value == null || value instanceof Boolean) {
            return 0; // shared instances
        }
        if (value instanceof Integer) {
            return 16;
        }
        return 32; // a long, a double, an instant, an object id
    }

    /** A document's size as MongoDB counts it: the length of its BSON. */
    static int bsonSize(Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson.readableBytes();
        } finally {
            bson.release();
        }
    }

    /** Values of exactly these classes (a subclass would not read back as itself). */
    private static boolean ofPlainValues(KeyValue key) {
        for (Object value : key) {
            if (value != null && value.getClass() != String.class && value.getClass() != Long.class
                    && value.getClass() != Integer.class && value.getClass() != Double.class
                    && value.getClass() != ObjectId.class && value.getClass() != Boolean.class
                    && value != Missing.getInstance()) {
                return false;
            }
        }
        return true;
    }

    private static boolean ofStrings(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
    }
}

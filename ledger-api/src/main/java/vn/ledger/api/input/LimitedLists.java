package vn.ledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;

import java.io.IOException;
import java.util.Collection;

/** Every list of a request holds at most {@code ledger.input.max-list-items} items (recipients, tasks, attachments...). */
final class LimitedLists extends BeanDeserializerModifier {

    static final String RULE = "input.list.too-long";

    private final int maxItems;

    LimitedLists(int maxItems) {
        this.maxItems = maxItems;
    }

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                            BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new Limited(deserializer, maxItems);
    }

    private static final class Limited extends DelegatingDeserializer {
        private final int maxItems;

        Limited(JsonDeserializer<?> delegate, int maxItems) {
            super(delegate);
            this.maxItems = maxItems;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Limited(newDelegatee, maxItems);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> list && list.size() > maxItems) {
                throw new InputRejected(p, RULE, "A list of " + list.size() + " items; at most " + maxItems
                        + " are accepted.");
            }
            return value;
        }
    }
}

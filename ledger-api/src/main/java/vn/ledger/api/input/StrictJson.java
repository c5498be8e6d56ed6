package vn.ledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import vn.ledger.api.config.LedgerProperties;

/**
 * Request bodies are read strictly; answers are written by the application's usual mapper settings. A body is
 * refused (400, see {@link JsonProblems}) when it has a key twice, anything after its JSON value, a field the
 * operation does not know, or a value of another type than its field's: no number for a text, no string or
 * decimal for an integer, no number for an enum, no object or array for a date. Strings pass {@link TextRules};
 * lists hold at most {@code ledger.input.max-list-items}. The application's own {@link ObjectMapper} (answers,
 * stored documents) is left as it is.
 */
public final class StrictJson {

    static final int MAX_NESTING = 32;

    private StrictJson() {
    }

    /** A copy of {@code base} that reads strictly. */
    public static ObjectMapper strict(ObjectMapper base, LedgerProperties.Input limits) {
        ObjectMapper strict = base.copy();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(40)
                .maxStringLength(Math.max(limits.maxStringChars() * 2, 1000))
                .build());
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT);
        // no value of one JSON type stands for another: "50" or 50.5 is not an integer, 1 is not true
        for (LogicalType type : LogicalType.values()) {
            var config = strict.coercionConfigFor(type);
            if (type != LogicalType.Collection && type != LogicalType.Array && type != LogicalType.Map
                    && type != LogicalType.POJO && type != LogicalType.Untyped) {
                config.setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
            }
            if (type != LogicalType.Integer && type != LogicalType.Float) {
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            }
            if (type != LogicalType.Float) {
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            }
            if (type != LogicalType.Boolean) {
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            }
            if (type == LogicalType.Integer || type == LogicalType.Float || type == LogicalType.Boolean) {
                strict.coercionConfigFor(type)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
        }
        SimpleModule module = new SimpleModule("strict-input");
        module.addDeserializer(String.class, new StrictStrings(limits.maxStringChars()));
        module.setDeserializerModifier(new LimitedLists(limits.maxListItems()));
        strict.registerModule(module);
        return strict;
    }
}

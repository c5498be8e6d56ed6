package vn.ledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;

/**
 * Reads a request's strings: only a JSON string is one (a number, boolean, object or array given for a text field
 * is refused, not coerced), checked by {@link TextRules} as free text, then NFC-normalised. Ids and codes are
 * further held to their patterns by Bean Validation, which refuses any control character in them.
 */
final class StrictStrings extends StdScalarDeserializer<String> {

    private final int maxChars;

    StrictStrings(int maxChars) {
        super(String.class);
        this.maxChars = maxChars;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new InputRejected(p, "json.wrong-type", "A text is expected here (a JSON string), not "
                    + JsonTokens.describe(p.currentToken()) + ".");
        }
        String text = p.getText();
        TextRules.Violation violation = TextRules.check(text, true, maxChars);
        if (violation != null) {
            throw new InputRejected(p, violation.rule(), violation.message());
        }
        return TextRules.normalise(text);
    }
}

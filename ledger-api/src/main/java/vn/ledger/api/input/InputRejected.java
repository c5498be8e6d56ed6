package vn.ledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value refused by an input rule; Jackson adds the path of the field as the exception travels up. */
public final class InputRejected extends JsonMappingException {

    private final String rule;

    public InputRejected(JsonParser parser, String rule, String message) {
        super(parser, message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

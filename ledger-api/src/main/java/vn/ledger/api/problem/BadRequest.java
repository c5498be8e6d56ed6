package vn.ledger.api.problem;

/** A request the API itself refuses before any command: 400 problem with the rule and the field. */
public class BadRequest extends RuntimeException {

    private final String rule;
    private final String field;

    public BadRequest(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}

package vn.ledger.api.problem;

/** The request conflicts with what is recorded: 409 problem with the rule and the field. */
public class Conflict extends RuntimeException {

    private final String rule;
    private final String field;

    public Conflict(String rule, String field, String message) {
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

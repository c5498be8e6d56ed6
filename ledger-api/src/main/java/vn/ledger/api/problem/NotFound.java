package vn.ledger.api.problem;

/** A read found nothing: 404 problem with the rule and the field. */
public class NotFound extends RuntimeException {

    private final String rule;
    private final String field;

    public NotFound(String rule, String field, String message) {
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

package vn.ledger.api.problem;

import org.springframework.http.HttpStatus;

/**
 * A request the API itself refuses before any command, answered as problem+json with the status, the rule and
 * the field. Subclasses only name the status, so call sites read as what they mean.
 */
public abstract class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;

    protected ApiProblem(HttpStatus status, String rule, String field, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}

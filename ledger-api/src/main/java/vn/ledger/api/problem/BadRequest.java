package vn.ledger.api.problem;

import org.springframework.http.HttpStatus;

/** Refused before any command: 400, with the rule and the field. */
public class BadRequest extends ApiProblem {

    public BadRequest(String rule, String field, String message) {
        super(HttpStatus.BAD_REQUEST, rule, field, message);
    }
}

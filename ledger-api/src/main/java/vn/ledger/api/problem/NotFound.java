package vn.ledger.api.problem;

import org.springframework.http.HttpStatus;

/** Refused before any command: 404 (nothing recorded under that id). */
public class NotFound extends ApiProblem {

    public NotFound(String rule, String field, String message) {
        super(HttpStatus.NOT_FOUND, rule, field, message);
    }
}

package vn.ledger.api.problem;

import org.springframework.http.HttpStatus;

/** Refused before any command: 409 (the request clashes with what is stored). */
public class Conflict extends ApiProblem {

    public Conflict(String rule, String field, String message) {
        super(HttpStatus.CONFLICT, rule, field, message);
    }
}

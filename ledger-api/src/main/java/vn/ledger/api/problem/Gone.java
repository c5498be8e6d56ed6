package vn.ledger.api.problem;

import org.springframework.http.HttpStatus;

/** Refused before any command: 410 (there was something under that id, and it has been removed for good). */
public class Gone extends ApiProblem {

    public Gone(String rule, String field, String message) {
        super(HttpStatus.GONE, rule, field, message);
    }
}

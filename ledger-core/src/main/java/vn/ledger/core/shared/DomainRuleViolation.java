package vn.ledger.core.shared;

/**
 * A command refused by a business rule. Nothing is appended when it is thrown. {@code rule} is a stable
 * dotted code (the API maps "auth.*" to 403, "*.not-found" to 404, everything else to 422), {@code field}
 * names the offending part of the command so that a form can highlight it.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public DomainRuleViolation(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    @Override
    public String toString() {
        return "DomainRuleViolation[" + rule + " at " + field + ": " + getMessage() + "]";
    }
}

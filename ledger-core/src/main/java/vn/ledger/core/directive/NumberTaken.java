package vn.ledger.core.directive;

import vn.ledger.core.shared.DomainRuleViolation;

/**
 * The issuer already used this number and symbol in the same year for another document. The refusal names the
 * document holding it, so the caller can cite it, register an alias, or issue a replacement.
 */
public class NumberTaken extends DomainRuleViolation {

    public static final String RULE = "directive.symbol.taken";

    private final String existingDirectiveId;

    public NumberTaken(String symbol, String issuingBodyCode, int year, String existingDirectiveId) {
        super("symbol", RULE, "Body " + issuingBodyCode + " already issued '" + symbol + "' in " + year
                + " as directive " + existingDirectiveId + "; one document, one number (issue it as a replacement "
                + "of that directive if it supersedes it)");
        this.existingDirectiveId = existingDirectiveId;
    }

    public String existingDirectiveId() {
        return existingDirectiveId;
    }
}

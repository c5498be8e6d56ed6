package vn.ledger.core.shared;

/**
 * The person who acts. The API fills it from the authenticated caller, never from the request body, so that
 * every command and every event says who did it, in which position and for which body.
 */
public record Actor(String username, String fullName, String position, String bodyCode) {

    /** Refuses a command without an identified actor: no event may be anonymous. */
    public static Actor require(Actor actor) {
        if (actor == null || Text.isBlank(actor.username()) || Text.isBlank(actor.bodyCode())) {
            throw new DomainRuleViolation("actor", "auth.actor.required",
                    "The acting person and their body must be known");
        }
        return actor;
    }
}

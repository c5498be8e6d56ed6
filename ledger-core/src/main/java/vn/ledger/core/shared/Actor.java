package vn.ledger.core.shared;

/**
 * The person who acts. The API fills it from the authenticated caller, never from the request body, so that
 * every command and every event says who did it, in which position and for which body.
 */
public record Actor(String username, String fullName, String position, String bodyCode) {
}

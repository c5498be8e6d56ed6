package vn.ledger.api.input;

import java.util.Set;

/**
 * One hostile request and what must answer it.
 *
 * @param operation   the operation attacked, {@code POST /api/...} as mapped
 * @param name        what was done to the request
 * @param user        who sends it (a user whose role allows the operation, so that only the input is at fault)
 * @param path        the request path (already encoded)
 * @param contentType the Content-Type sent, or null
 * @param body        the bytes sent, or null for none
 * @param chunked     sent without a Content-Length
 * @param status      the status expected
 * @param rules       the rules any of which may name the refusal
 * @param pointer     the JSON pointer (or parameter name) the problem must name, or null when none is required
 */
record HostileCase(String operation, String name, String user, String path, String contentType, byte[] body,
                   boolean chunked, int status, Set<String> rules, String pointer) {

    @Override
    public String toString() {
        return operation + " ← " + name;
    }
}

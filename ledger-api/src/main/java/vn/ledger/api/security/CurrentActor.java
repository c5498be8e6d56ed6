package vn.ledger.api.security;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ledger.core.shared.Actor;

/** The {@link Actor} of a command comes from the authenticated principal, never from the request body. */
@Component
public class CurrentActor {

    public LedgerUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LedgerUser user) {
            return user;
        }
        throw new InsufficientAuthenticationException("no authenticated ledger user");
    }

    public Actor actor() {
        return user().actor();
    }

    /** The user name of the caller, or null when nobody is authenticated. */
    public static String usernameOrNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof LedgerUser user ? user.getUsername() : null;
    }
}

package vn.ledger.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins per user name and per client address: {@code ledger.login.max-failures-per-user} (or
 * {@code -per-address}) failures within {@code ledger.login.window} lock that name (or address) for
 * {@code ledger.login.lock}; while locked, a sign-in is refused before its password is checked, whether it is right
 * or not (so a lock says nothing about the password, and a guesser burns no CPU). A successful sign-in clears the
 * user's count, never the address's (one known password must not buy more guesses at the others).
 *
 * <p>The counts live in this process's memory: they start empty at each start, and several instances behind one
 * address each count their own. Entries are dropped once their window and lock have passed.
 */
public class LoginThrottle {

    public enum Scope { USER, ADDRESS }

    /** A sign-in refused for this long because of its user name or its address. */
    public record Refusal(Scope scope, Duration retryAfter) {
    }

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int PRUNE_EVERY = 1024;

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final AtomicInteger sincePrune = new AtomicInteger();

    public LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Why a sign-in as {@code username} from {@code address} is refused now, or null when it may go ahead. */
    public Refusal refusal(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users.get(username), now);
        Duration from = remaining(addresses.get(address), now);
        if (user == null && from == null) {
            return null;
        }
        if (from == null || (user != null && user.compareTo(from) >= 0)) {
            return new Refusal(Scope.USER, user);
        }
        return new Refusal(Scope.ADDRESS, from);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            count(users, username, properties.maxFailuresPerUser(), now, "user name", username);
        }
        if (address != null) {
            count(addresses, address, properties.maxFailuresPerAddress(), now, "address", address);
        }
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            users.values().removeIf(f -> f.expired(now));
            addresses.values().removeIf(f -> f.expired(now));
        }
    }

    public void succeeded(String username) {
        users.remove(username);
    }

    @EventListener
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    private void count(Map<String, Failures> all, String key, int max, Instant now, String what, String name) {
        all.compute(key, (k, f) -> {
            Failures failures = f == null ? new Failures() : f;
            if (failures.add(now, max, properties.window(), properties.lock())) {
                log.warn("sign-in locked for {} after {} failures within {}: {} '{}'", properties.lock(), max,
                        properties.window(), what, printable(name));
            }
            return failures;
        });
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null) {
            return null;
        }
        Instant until = failures.lockedUntil(now);
        return until == null ? null : Duration.between(now, until);
    }

    /** A user name is whatever the caller sent: no line breaks or controls into the log. */
    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** The recent failures of one key and its lock; guarded by the map's compute (and its own monitor). */
    private final class Failures {
        private final ArrayDeque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil;

        /** @return whether this failure locked the key */
        synchronized boolean add(Instant now, int max, Duration window, Duration lock) {
            Instant since = now.minus(window);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= max) {
                recent.clear();
                lockedUntil = now.plus(lock);
                return true;
            }
            return false;
        }

        synchronized Instant lockedUntil(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? lockedUntil : null;
        }

        synchronized boolean expired(Instant now) {
            return lockedUntil(now) == null
                    && (recent.isEmpty() || !recent.peekLast().isAfter(now.minus(properties.window())));
        }
    }
}

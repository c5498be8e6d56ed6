package vn.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ledger.api.problem.Problems;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Before HTTP Basic checks a password: a sign-in whose user name or address is locked by {@link LoginThrottle} is
 * answered 429 problem+json ({@code auth.throttled}) with {@code Retry-After}, and its password is not checked.
 * Requests without Basic credentials pass (they are 401 or public anyway). The failures themselves are counted
 * from Spring Security's authentication events.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final LoginThrottle throttle;
    private final ObjectMapper objectMapper;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper) {
        this.throttle = throttle;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
        LoginThrottle.Refusal refusal = username == null ? null : throttle.refusal(username, request.getRemoteAddr());
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        // whole seconds, rounded up: a client that waits exactly this long is let in
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        String who = refusal.scope() == LoginThrottle.Scope.USER ? "for this user name" : "from this address";
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled", "Too Many Requests",
                "Too many failed sign-ins " + who + "; sign-in is refused for " + seconds + " s.");
        problem.setProperty("scope", refusal.scope().name().toLowerCase());
        problem.setProperty("retryAfterSeconds", seconds);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The user name of a Basic Authorization header, or null (absent, another scheme, undecodable). */
    static String basicUsername(String header) {
        if (header == null || header.length() <= BASIC.length()
                || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

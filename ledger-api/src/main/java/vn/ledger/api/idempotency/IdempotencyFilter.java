package vn.ledger.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.ledger.api.input.BufferedBodyRequest;
import vn.ledger.api.problem.Problems;
import vn.ledger.api.security.CurrentActor;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Optional {@code Idempotency-Key} header on every POST under {@code /api}. Runs after authentication (the key
 * is scoped to the user) and before the controller:
 * <ol>
 *   <li>inserts a PENDING record {@code username:key} holding the SHA-256 of method, path and body;</li>
 *   <li>a second request with that key: still pending → 409 {@code idempotency.in-progress}, unless the
 *       instance that inserted the record is gone (a process killed mid-request and started again: see
 *       {@link InstanceLease}), then the retry takes the record over and runs; completed with the same hash → the
 *       stored status and body are replayed and nothing is appended; a different hash → 422
 *       {@code idempotency.key-reused};</li>
 *   <li>the command carries {@code idempotencyKey = username:key} in its metadata (copied onto its events); when
 *       the record was taken over, the events the unfinished attempt may have stored are looked for first, and
 *       if found the request is answered from that commit without running the command again (which its domain
 *       rules might refuse, e.g. a body code now taken by the very body it registered);</li>
 *   <li>the answer is stored (2xx and 4xx, domain refusals included); on an unexpected error (5xx) or a
 *       concurrency conflict (409) the pending record is deleted so that a retry runs again.</li>
 * </ol>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Request attribute holding {@code username:key} while the request is processed. */
    public static final String ATTRIBUTE = IdempotencyFilter.class.getName() + ".key";
    /** Request attribute set when the key's pending record was taken over from an attempt that never finished. */
    public static final String TAKEN_OVER_ATTRIBUTE = IdempotencyFilter.class.getName() + ".takenOver";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    /** {@code username:key} of the request being processed on this thread, or null. */
    public static String currentKey() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null
                : (String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /** Whether the current request's key was taken over from an attempt that never finished. */
    public static boolean currentKeyTakenOver() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null
                && Boolean.TRUE.equals(attributes.getAttribute(TAKEN_OVER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        String username = CurrentActor.usernameOrNull();
        if (username == null) {
            chain.doFilter(request, response); // security answers
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            problem(request, response, Problems.of(HttpStatus.BAD_REQUEST, "idempotency.key-invalid",
                    "Invalid Idempotency-Key", "The Idempotency-Key must be 1 to 200 visible ASCII characters.",
                    HEADER));
            return;
        }
        // RequestBodyLimit has bounded the body already (ledger.input.max-body-bytes)
        byte[] body = request instanceof BufferedBodyRequest buffered ? buffered.body()
                : request.getInputStream().readAllBytes();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = sha256(request.getMethod(), path, body);

        IdempotencyStore.Decision decision = store.begin(username, key, hash, request.getMethod(), path);
        if (decision instanceof IdempotencyStore.Replay replay) {
            response.setStatus(replay.status());
            if (replay.contentType() != null) {
                response.setContentType(replay.contentType());
            }
            response.setHeader(REPLAYED_HEADER, "true");
            if (replay.body() != null) {
                response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        if (decision instanceof IdempotencyStore.InProgress) {
            problem(request, response, Problems.of(HttpStatus.CONFLICT, "idempotency.in-progress",
                    "Request in progress", "A request with this Idempotency-Key is still being processed; "
                            + "retry later to get its answer.", HEADER));
            return;
        }
        if (decision instanceof IdempotencyStore.KeyReused reused) {
            problem(request, response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was already used for a different request ("
                            + reused.method() + " " + reused.path() + "). Use a new key for a new request.",
                    HEADER));
            return;
        }
        IdempotencyStore.Proceed proceed = (IdempotencyStore.Proceed) decision;
        String id = proceed.id();
        request.setAttribute(ATTRIBUTE, id);
        if (proceed.takenOver()) {
            request.setAttribute(TAKEN_OVER_ATTRIBUTE, Boolean.TRUE);
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean finished = false;
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), wrapped);
            int status = wrapped.getStatus();
            if (status >= 500 || status == HttpStatus.CONFLICT.value()) {
                store.abandon(id);
            } else {
                store.complete(id, status, wrapped.getContentType(),
                        new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
            }
            finished = true;
        } finally {
            if (!finished) {
                try {
                    store.abandon(id);
                } catch (RuntimeException e) {
                    log.warn("could not delete pending idempotency record {}", id, e);
                }
            }
            wrapped.copyBodyToResponse();
        }
    }

    static String sha256(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException ignored) {
            // leave instance out
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}

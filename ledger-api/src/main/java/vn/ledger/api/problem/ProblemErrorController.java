package vn.ledger.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page ({@code /error}, which replaces Spring Boot's JSON/HTML one): whatever the
 * container refuses or fails on after the request reached the application (a bad path segment, a filter's
 * exception, a sendError) is answered as problem+json with rule {@code http.<status>}. Asked for directly,
 * {@code /error} is a page that does not exist: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? statusOf(c) : HttpStatus.NOT_FOUND;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status.is5xxServerError() && failure instanceof Throwable t) {
            log.error("unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        }
        String detail = switch (status) {
            case NOT_FOUND -> "Nothing is served at this path.";
            case BAD_REQUEST -> "The request could not be read (its path, headers or body are malformed).";
            case INTERNAL_SERVER_ERROR -> "The request could not be completed. Nothing was recorded unless its "
                    + "history shows it.";
            default -> status.getReasonPhrase() + ".";
        };
        ProblemDetail problem = Problems.of(status, "http." + status.value(), status.getReasonPhrase(), detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException ignored) {
                // a path that is no URI: leave instance out
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null || code < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}

package vn.ledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/** Builds RFC 9457 problems whose {@code type} names the rule ({@code urn:ledger:problem:<rule>}). */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:ledger:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String rule, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + rule));
        problem.setTitle(title != null ? title : HttpStatus.valueOf(status.value()).getReasonPhrase());
        problem.setProperty("rule", rule);
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String rule, String title, String detail, String field) {
        ProblemDetail problem = of(status, rule, title, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** Writes {@code problem} as the answer of a filter (before or outside Spring MVC), its instance the path. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                             ObjectMapper objectMapper) throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException ignored) {
                // an unusual path: leave instance out
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}

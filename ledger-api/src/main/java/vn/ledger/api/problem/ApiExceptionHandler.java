package vn.ledger.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.ledger.api.idempotency.CommandOutcome;
import vn.ledger.api.input.JsonProblems;
import vn.ledger.core.directive.NumberTaken;
import vn.ledger.core.shared.DomainRuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as RFC 9457 problem+json naming the field and the rule.
 * <ul>
 *   <li>Bean Validation: 400 {@code validation.failed} with {@code errors: [{field, rule, message}]}</li>
 *   <li>unreadable JSON: 400 with the rule, field and pointer ({@link JsonProblems})</li>
 *   <li>{@link DomainRuleViolation}: 422 with field and rule; 403 when the rule starts with {@code auth.};
 *       404 when it ends with {@code .not-found}; 409 {@code directive.symbol.taken} with
 *       {@code existingDirectiveId} when the issuer's number is already used that year</li>
 *   <li>aggregate not found: 404 {@code aggregate.not-found}</li>
 *   <li>{@link ConcurrencyException} surviving the retries: 409 {@code concurrency.conflict}</li>
 *   <li>anything else: 500 {@code internal} without a stack trace</li>
 * </ul>
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    // ---- 400: Bean Validation ----

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(error(fe.getField(), fe.getCode(), fe.getDefaultMessage()));
        }
        for (ObjectError oe : ex.getBindingResult().getGlobalErrors()) {
            errors.add(error(oe.getObjectName(), oe.getCode(), oe.getDefaultMessage()));
        }
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> {
            String name = r.getMethodParameter().getParameterName();
            String code = e.getCodes() != null && e.getCodes().length > 0 ? last(e.getCodes()[0]) : "invalid";
            errors.add(error(name, code, e.getDefaultMessage()));
        }));
        return validationProblem(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> error(v.getPropertyPath().toString(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        v.getMessage()))
                .collect(Collectors.toList());
        return validationProblem(errors, request);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, WebRequest request) {
        String fields = errors.stream().map(e -> e.get("field") + " (" + e.get("rule") + ")")
                .distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation.failed", "Invalid request",
                "Invalid fields: " + fields);
        if (errors.size() == 1) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    private static Map<String, String> error(String field, String rule, String message) {
        return Map.of("field", field == null ? "" : field, "rule", rule == null ? "invalid" : rule,
                "message", message == null ? "" : message);
    }

    private static String last(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    // ---- 400: malformed JSON ----

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return respond(JsonProblems.of(ex), request);
    }

    // ---- domain ----

    @ExceptionHandler(DomainRuleViolation.class)
    public ResponseEntity<Object> domainRule(DomainRuleViolation ex, WebRequest request) {
        return respond(domainProblem(ex), request);
    }

    public static ProblemDetail domainProblem(DomainRuleViolation ex) {
        String rule = ex.rule() == null ? "rule.violated" : ex.rule();
        HttpStatus status = rule.startsWith("auth.") ? HttpStatus.FORBIDDEN
                : rule.endsWith(".not-found") ? HttpStatus.NOT_FOUND
                : ex instanceof NumberTaken ? HttpStatus.CONFLICT // the number belongs to a document that exists
                : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.of(status, rule, "Refused by rule " + rule, ex.getMessage(), ex.field());
        if (ex instanceof NumberTaken taken) {
            problem.setProperty("existingDirectiveId", taken.existingDirectiveId());
        }
        return problem;
    }

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<Object> apiProblem(ApiProblem ex, WebRequest request) {
        return respond(Problems.of(ex.status(), ex.rule(), ex.status().getReasonPhrase(), ex.getMessage(), ex.field()),
                request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "aggregate.not-found", "Not found",
                "Nothing is recorded under id '" + ex.getAggregateIdentifier() + "'.", "id");
        return respond(problem, request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<Object> concurrency(ConcurrencyException ex, WebRequest request) {
        log.warn("concurrency conflict survived the retries: {}", ex.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrency.conflict", "Conflict",
                "Someone else changed the same record at the same time, also after retrying. Try again.");
        return respond(problem, request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> commandExecution(CommandExecutionException ex, WebRequest request) throws Exception {
        Throwable cause = ex.getCause();
        if (cause instanceof Exception e && cause != ex) {
            return handleUnwrapped(e, request);
        }
        return unexpected(ex, request);
    }

    @ExceptionHandler(NoHandlerForCommandException.class)
    public ResponseEntity<Object> noHandler(NoHandlerForCommandException ex, WebRequest request) {
        return unexpected(ex, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "auth.role", "Forbidden", "Not allowed."), request);
    }

    /** Outcomes decided by the command dispatcher itself (e.g. an already stored commit). */
    @ExceptionHandler(CommandOutcome.class)
    public ResponseEntity<Object> outcome(CommandOutcome outcome) {
        return ResponseEntity.status(outcome.status()).body(outcome.body());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> other(Exception ex, WebRequest request) throws Exception {
        // Spring MVC's own exceptions (404 no resource, 405, 415, ...) are routed to handleException by type
        return handleUnwrapped(ex, request);
    }

    private ResponseEntity<Object> handleUnwrapped(Exception ex, WebRequest request) throws Exception {
        Throwable t = ex;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof DomainRuleViolation drv) {
                return domainRule(drv, request);
            }
            if (t instanceof AggregateNotFoundException anf) {
                return aggregateNotFound(anf, request);
            }
            if (t instanceof ConcurrencyException ce) {
                return concurrency(ce, request);
            }
            if (t instanceof CommandOutcome co) {
                return outcome(co);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return unexpected(ex, request);
    }

    private ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed. Nothing was recorded unless its history shows it.");
        return respond(problem, request);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        if (request instanceof org.springframework.web.context.request.ServletWebRequest swr) {
            HttpServletRequest r = swr.getRequest();
            try {
                problem.setInstance(java.net.URI.create(r.getRequestURI()));
            } catch (IllegalArgumentException ignored) {
                // an unusual path: leave instance out
            }
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getProperties() == null) {
            pd.setProperty("rule", "http." + statusCode.value());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}

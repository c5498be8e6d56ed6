package vn.ledger.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import vn.ledger.api.problem.ApiExceptionHandler;
import vn.ledger.core.shared.DomainRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of failures that are hard to provoke through HTTP. */
class ProblemMappingTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/x"));

    @Test
    void aConcurrencyConflictSurvivingTheRetriesIs409() throws Exception {
        ResponseEntity<Object> r = handler.other(new CommandExecutionException("wrapped", new ConcurrencyException("lost")), request);
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) r.getBody()).getProperties()).containsEntry("rule", "concurrency.conflict");
    }

    @Test
    void domainRulesMapByTheirCode() {
        assertThat(ApiExceptionHandler.domainProblem(new DomainRuleViolation("f", "auth.not-lead", "m")).getStatus())
                .isEqualTo(403);
        assertThat(ApiExceptionHandler.domainProblem(new DomainRuleViolation("f", "body.not-found", "m")).getStatus())
                .isEqualTo(404);
        ProblemDetail p = ApiExceptionHandler.domainProblem(new DomainRuleViolation("tasks[0].deadline",
                "deadline.unrecognised", "m"));
        assertThat(p.getStatus()).isEqualTo(422);
        assertThat(p.getProperties()).containsEntry("field", "tasks[0].deadline").containsEntry("rule", "deadline.unrecognised");
    }

    @Test
    void unexpectedErrorsAre500WithoutDetailsOrStackTrace() throws Exception {
        ResponseEntity<Object> r = handler.other(new IllegalStateException("secret internal state at line 42"), request);
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        ProblemDetail p = (ProblemDetail) r.getBody();
        assertThat(p.getProperties()).containsEntry("rule", "internal");
        assertThat(p.getDetail()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }
}

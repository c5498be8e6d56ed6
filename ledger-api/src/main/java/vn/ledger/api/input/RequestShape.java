package vn.ledger.api.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import vn.ledger.api.problem.BadRequest;

import java.util.Arrays;
import java.util.Map;

/**
 * What reaches an operation besides its JSON body: every path segment and query parameter is held to the rules of
 * an id ({@link TextRules}, no control character at all, at most 200 characters in a path segment), and a write
 * that takes no body is refused one (400 {@code request.body-unexpected}) rather than silently ignoring it; an
 * empty JSON object {@code {}}, which says nothing, is let through (clients that send one with every write).
 */
final class RequestShape implements HandlerInterceptor {

    static final int MAX_SEGMENT = 200;

    private final int maxParameterChars;

    RequestShape(int maxParameterChars) {
        this.maxParameterChars = maxParameterChars;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), MAX_SEGMENT));
        }
        request.getParameterMap().forEach((name, values) -> {
            check(name, name, MAX_SEGMENT);
            for (String value : values) {
                check(name, value, maxParameterChars);
            }
        });
        if (handler instanceof HandlerMethod method && !"GET".equals(request.getMethod())
                && request.getAttribute(RequestBodyLimit.BODY_LENGTH) instanceof Integer length && length > 0
                && !Boolean.TRUE.equals(request.getAttribute(RequestBodyLimit.BODY_EMPTY_OBJECT))
                && Arrays.stream(method.getMethodParameters()).noneMatch(RequestShape::isBody)) {
            throw new BadRequest("request.body-unexpected", null, "This operation takes no request body; "
                    + length + " bytes were sent.");
        }
        return true;
    }

    private static boolean isBody(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(RequestBody.class);
    }

    private static void check(String name, String value, int maxChars) {
        TextRules.Violation violation = TextRules.check(value, false, maxChars);
        if (violation != null) {
            throw new BadRequest(violation.rule(), name, "'" + name + "': " + violation.message());
        }
    }
}

package vn.ledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import vn.ledger.api.problem.Problems;

import java.util.Arrays;

/**
 * An unreadable request body as a 400 problem naming the rule, the field ({@code tasks[0].code}) and its JSON
 * pointer ({@code /tasks/0/code}):
 * {@code json.body-missing}, {@code json.syntax}, {@code json.duplicate-key}, {@code json.trailing-content},
 * {@code json.unknown-field}, {@code json.wrong-type}, {@code json.invalid-value}, {@code json.number-range},
 * {@code json.limit} (nesting, number or string length), and the rules of {@link TextRules} and
 * {@code input.list.too-long}.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemDetail of(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InputRejected rejected) {
            return problem(rejected.rule(), pointer(rejected), rejected.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException range) {
            return problem("json.number-range", pointer(mapping), "Number out of range: "
                    + firstSentence(range.getOriginalMessage()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem("json.unknown-field", pointer(unknown), "Field '" + unknown.getPropertyName()
                    + "' is not part of this operation" + known(unknown) + ".");
        }
        if (cause instanceof InvalidFormatException invalid) {
            String message = invalid.getOriginalMessage();
            if (message != null && message.startsWith("Cannot coerce")) {
                return problem("json.wrong-type", pointer(invalid), "Wrong type: " + firstSentence(message));
            }
            Class<?> target = invalid.getTargetType();
            return problem("json.invalid-value", pointer(invalid), "Invalid value '" + invalid.getValue() + "'"
                    + (target != null && target.isEnum() ? "; allowed: " + Arrays.toString(target.getEnumConstants())
                    : ": " + firstSentence(message)) + ".");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String message = String.valueOf(mismatch.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return problem("json.trailing-content", "", "Content after the JSON value: a body holds exactly "
                        + "one JSON value.");
            }
            if (message.startsWith("No content to map")) {
                return problem("json.body-missing", "", "The request body is empty; this operation needs one.");
            }
            return problem("json.wrong-type", pointer(mismatch), "Wrong type or shape: " + firstSentence(message));
        }
        if (cause instanceof ValueInstantiationException invalid) {
            Throwable root = invalid.getCause() != null ? invalid.getCause() : invalid;
            return problem("json.invalid-value", pointer(invalid), String.valueOf(root.getMessage()));
        }
        if (cause instanceof JsonMappingException other) {
            return problem("json.invalid-value", pointer(other), firstSentence(other.getOriginalMessage()));
        }
        if (cause instanceof StreamConstraintsException limit) {
            return problem("json.limit", parserPointer(limit), firstSentence(limit.getOriginalMessage()));
        }
        if (cause instanceof InputCoercionException range) {
            return problem("json.number-range", parserPointer(range), "Number out of range: "
                    + firstSentence(range.getOriginalMessage()));
        }
        if (cause instanceof JsonProcessingException syntax) {
            String message = String.valueOf(syntax.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                return problem("json.duplicate-key", parserPointer(syntax), firstSentence(message)
                        + ": a key may appear once in an object.");
            }
            return problem("json.syntax", parserPointer(syntax), "Not valid JSON: " + firstSentence(message));
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return problem("json.body-missing", "", "The request body is empty; this operation needs one.");
        }
        return problem("json.syntax", "", "The request body is not valid JSON for this operation.");
    }

    private static ProblemDetail problem(String rule, String pointer, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, rule, "Malformed request",
                pointer.isEmpty() ? detail : "Field '" + dotted(pointer) + "': " + detail, dotted(pointer));
        problem.setProperty("pointer", pointer);
        return problem;
    }

    /** The JSON pointer of a mapping exception's path, e.g. {@code /tasks/0/code}. */
    static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /** Where the parser stood when it failed. */
    private static String parserPointer(JsonProcessingException e) {
        Object processor = e instanceof com.fasterxml.jackson.core.exc.StreamReadException read ? read.getProcessor()
                : null;
        if (processor instanceof JsonParser parser && parser.getParsingContext() != null) {
            return parser.getParsingContext().pathAsPointer().toString();
        }
        return "";
    }

    /** {@code /tasks/0/code} as {@code tasks[0].code}; the body itself is {@code ""}. */
    static String dotted(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty() ? ""
                : "; known fields: " + e.getKnownPropertyIds();
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf('\n');
        String first = cut < 0 ? message : message.substring(0, cut);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}

package vn.ledger.api.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.api.problem.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Every request body, with or without an Idempotency-Key, is read whole up to {@code ledger.input.max-body-bytes}:
 * beyond it 413 {@code request.too-large} (at once when the declared length says so). A JSON body must be UTF-8
 * (415 {@code json.charset} for another declared charset) and well-formed UTF-8: an invalid byte sequence or an
 * encoded surrogate (CESU-8) is 400 {@code text.invalid-utf8} naming the field it sits in, before any parser
 * could replace it by U+FFFD. Runs after authentication, before the idempotency filter.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 200)
public class RequestBodyLimit extends OncePerRequestFilter {

    /** Request attribute: the body's length in bytes (0 when none was sent). */
    public static final String BODY_LENGTH = RequestBodyLimit.class.getName() + ".length";
    /** Request attribute: the body is an empty JSON object, {@code {}} (which some clients send to every write). */
    public static final String BODY_EMPTY_OBJECT = RequestBodyLimit.class.getName() + ".emptyObject";

    private final int maxBytes;
    private final ObjectMapper objectMapper;
    private final JsonFactory jsonFactory = new JsonFactory();

    public RequestBodyLimit(LedgerProperties properties, ObjectMapper objectMapper) {
        this.maxBytes = properties.input().maxBodyBytes();
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            request.setAttribute(BODY_LENGTH, 0);
            chain.doFilter(request, response);
            return;
        }
        if (declared > maxBytes) {
            tooLarge(request, response, declared);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(request, response, -1);
            return;
        }
        request.setAttribute(BODY_LENGTH, body.length);
        request.setAttribute(BODY_EMPTY_OBJECT, body.length < 64
                && new String(body, StandardCharsets.ISO_8859_1).replaceAll("\\s", "").equals("{}"));
        MediaType type = mediaType(request.getContentType());
        if (type != null && isJson(type)) {
            if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
                problem(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "json.charset",
                        "Unsupported charset", "JSON is read as UTF-8 only, not " + type.getCharset() + ".",
                        "Content-Type"));
                return;
            }
            int bad = firstInvalidUtf8(body);
            if (bad >= 0) {
                String pointer = pointerAt(body, bad);
                ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "text.invalid-utf8", "Malformed request",
                        "The body is not valid UTF-8 at byte " + bad + " (an invalid sequence or an encoded "
                                + "surrogate, which is no character); nothing was read.",
                        JsonProblems.dotted(pointer));
                problem.setProperty("pointer", pointer);
                problem(request, response, problem);
                return;
            }
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return null; // Spring answers 415
        }
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getSubtype() != null && type.getSubtype().endsWith("+json"));
    }

    /** Offset of the first byte that is not well-formed UTF-8, or -1. Java's decoder refuses encoded surrogates. */
    static int firstInvalidUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        var out = java.nio.CharBuffer.allocate(Math.max(16, body.length));
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return -1;
    }

    /** The JSON pointer of the value the parser is in at {@code offset} (the body up to there parsed as JSON). */
    private String pointerAt(byte[] body, int offset) {
        JsonParser parser = null;
        try {
            parser = jsonFactory.createParser(Arrays.copyOf(body, offset));
            while (parser.nextToken() != null) {
                // walk to the end of the well-formed prefix: it ends inside the offending value
            }
        } catch (IOException | RuntimeException e) {
            // expected: the prefix ends inside a value
        }
        if (parser == null) {
            return "";
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        try {
            parser.close();
        } catch (IOException ignored) {
            // in memory
        }
        return pointer;
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long declared) throws IOException {
        problem(request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large", "Request too large",
                "The request body " + (declared > 0 ? "of " + declared + " bytes " : "")
                        + "exceeds " + maxBytes + " bytes (ledger.input.max-body-bytes)."));
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.write(request, response, problem, objectMapper);
    }
}

package vn.ledger.api.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates hostile requests for every POST operation the application maps, from the operation itself: its path
 * variables and its request body's record type (walked field by field, into nested records and list items). A new
 * operation is covered without editing this class; a path variable or field type it cannot fill fails the suite.
 */
final class HostileCases {

    private static final String MUTATION = "@@MUTATION@@";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)}");

    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final int maxStringChars;
    private final int maxListItems;
    private final Map<String, String> pathValues;
    private final List<HostileCase> cases = new ArrayList<>();
    private final Set<String> fullTextCatalogue = new java.util.HashSet<>();

    HostileCases(ObjectMapper json, int maxBodyBytes, int maxStringChars, int maxListItems,
                 Map<String, String> pathValues) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.maxStringChars = maxStringChars;
        this.maxListItems = maxListItems;
        this.pathValues = pathValues;
    }

    /** The POST operations under /api, as {@code pattern → handler}. */
    static Map<String, HandlerMethod> postOperations(Map<RequestMappingInfo, HandlerMethod> mappings) {
        Map<String, HandlerMethod> out = new java.util.TreeMap<>();
        mappings.forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        out.put(pattern, method);
                    }
                }
            }
        });
        return out;
    }

    List<HostileCase> generate(Map<String, HandlerMethod> operations) {
        operations.forEach(this::operation);
        return cases;
    }

    private void operation(String pattern, HandlerMethod method) {
        String user = pattern.startsWith("/api/bodies") || pattern.startsWith("/api/admin")
                || pattern.startsWith("/api/proof") ? "admin" : pattern.startsWith("/api/exports") ? "archivist" : "tuc";
        String path = fill(pattern, null, null);
        MethodParameter body = null;
        for (MethodParameter p : method.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                body = p;
            }
        }
        Op op = new Op("POST " + pattern, user, path);
        pathVariables(op, pattern, body == null ? null : sampleBytes(sample(body.getParameterType())));
        if (body == null) {
            bodiless(op);
        } else {
            boolean required = body.getParameterAnnotation(RequestBody.class).required();
            wholeBody(op, body.getParameterType(), required);
            fields(op, body.getParameterType(), sample(body.getParameterType()), "");
        }
    }

    private record Op(String name, String user, String path) {
    }

    // ---- the path ----

    private String fill(String pattern, String variable, String value) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = name.equals(variable) ? value : pathValue(pattern, name);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String pathValue(String pattern, String name) {
        String scoped = pathValues.get(pattern.split("/")[2] + "." + name);
        String value = scoped != null ? scoped : pathValues.get(name);
        if (value == null) {
            throw new IllegalStateException("no sample value for path variable {" + name + "} of " + pattern
                    + ": add one to the hostile-input suite");
        }
        return value;
    }

    private void pathVariables(Op op, String pattern, byte[] body) {
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            String name = m.group(1);
            String original = pathValue(pattern, name);
            String type = body == null ? null : "application/json";
            add(op.name, "path {" + name + "} with U+202E", op.user,
                    fill(pattern, name, original + enc("\u202Eexe.pdf")), type, body, 400, Set.of(TextRules.BIDI), name);
            add(op.name, "path {" + name + "} with U+2066", op.user,
                    fill(pattern, name, enc("\u2066") + original), type, body, 400, Set.of(TextRules.BIDI), name);
            add(op.name, "path {" + name + "} with %01", op.user,
                    fill(pattern, name, original + "%01"), type, body, 400,
                    Set.of(TextRules.CONTROL, "http.400"), null);
            add(op.name, "path {" + name + "} of 201 characters", op.user,
                    fill(pattern, name, "A".repeat(201)), type, body, 400, Set.of(TextRules.TOO_LONG), name);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- operations without a body ----

    private void bodiless(Op op) {
        String unexpected = "request.body-unexpected";
        add(op, "an object as body", "{\"reason\":\"x\"}", 400, unexpected, null);
        add(op, "an array as body", "[]", 400, unexpected, null);
        add(op, "garbage as body", "<<<garbage", 400, unexpected, null);
        add(op.name, "a body as text/plain", op.user, op.path, "text/plain", utf8("x"), 400, Set.of(unexpected), null);
        add(op.name, "a body over the limit", op.user, op.path, "application/json", oversized(), 413,
                Set.of("request.too-large"), null);
    }

    // ---- the whole body ----

    private void wholeBody(Op op, Class<?> type, boolean required) {
        Map<String, Object> sample = sample(type);
        String valid = text(sample);
        String first = sample.keySet().iterator().next();
        String firstValue = text(sample.get(first));
        add(op, "duplicate key '" + first + "'", "{\"" + first + "\":" + firstValue + "," + valid.substring(1),
                400, "json.duplicate-key", "/" + first);
        add(op, "two concatenated objects", valid + valid, 400, "json.trailing-content", "");
        add(op, "an array after the object", valid + "[]", 400, "json.trailing-content", "");
        add(op, "garbage after the object", valid + " x", 400, Set.of("json.syntax", "json.trailing-content"), null);
        add(op, "a truncated object", valid.substring(0, valid.length() - 1), 400, "json.syntax", null);
        add(op, "an unknown field", "{\"injected\":1," + valid.substring(1), 400, "json.unknown-field", "/injected");
        add(op, "a field name with NUL", "{\"a\\u0000\":1," + valid.substring(1), 400, "json.unknown-field", null);
        add(op, "the body in an array", "[" + valid + "]", 400, "json.wrong-type", "");
        add(op, "a string as body", "\"text\"", 400, "json.wrong-type", "");
        add(op, "a number as body", "42", 400, "json.wrong-type", "");
        add(op, "form encoding", "reason=x&percent=50", 400, "json.syntax", null);
        add(op, "a comment", "/* c */" + valid, 400, "json.syntax", null);
        add(op, "single quotes", valid.replace('"', '\''), 400, "json.syntax", null);
        add(op, "NaN", "{\"" + first + "\":NaN}", 400, "json.syntax", null);
        add(op, "nesting 200 deep", "{\"" + first + "\":" + "[".repeat(200) + "]".repeat(200) + "}", 400,
                Set.of("json.limit", "json.wrong-type"), null);
        if (required) {
            add(op, "an empty body", "", 400, "json.body-missing", null);
            add(op, "null as body", "null", 400, "json.body-missing", null);
        }
        add(op.name, "a body over the limit", op.user, op.path, "application/json", oversized(), 413,
                Set.of("request.too-large"), null);
        add(op.name, "a body over the limit, chunked", op.user, op.path, "application/json", oversized(), true, 413,
                Set.of("request.too-large"), null);
        add(op.name, "JSON as text/plain", op.user, op.path, "text/plain", utf8(valid), 415, Set.of("http.415"), null);
        add(op.name, "JSON declared ISO-8859-1", op.user, op.path, "application/json;charset=ISO-8859-1", utf8(valid),
                415, Set.of("json.charset"), null);
        add(op.name, "JSON declared UTF-16", op.user, op.path, "application/json;charset=UTF-16",
                valid.getBytes(StandardCharsets.UTF_16), 415, Set.of("json.charset"), null);
    }

    private byte[] oversized() {
        return utf8("{\"x\":\"" + "a".repeat(maxBodyBytes) + "\"}");
    }

    // ---- field by field ----

    private void fields(Op op, Class<?> type, Map<String, Object> body, String prefix) {
        for (RecordComponent c : type.getRecordComponents()) {
            String pointer = prefix + "/" + c.getName();
            List<Object> at = pathOf(pointer);
            mutate(op, body, at, pointer, c.getGenericType(), true);
        }
    }

    private void mutate(Op op, Map<String, Object> body, List<Object> at, String pointer, Type type, boolean deep) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            // every text field is named for the core refusals; the whole catalogue once per operation (one
            // deserializer reads every string, so repeating it on each field would test the same code again)
            text(op, body, at, pointer, fullTextCatalogue.add(op.name));
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            field(op, body, at, pointer, "a decimal", "50.5", "json.wrong-type");
            field(op, body, at, pointer, "a numeric string", "\"50\"", "json.wrong-type");
            field(op, body, at, pointer, "an exponent", "5e1", "json.wrong-type");
            field(op, body, at, pointer, "a boolean", "true", "json.wrong-type");
            field(op, body, at, pointer, "an object", "{\"v\":50}", "json.wrong-type");
            field(op, body, at, pointer, "an array", "[50]", "json.wrong-type");
            field(op, body, at, pointer, "20 digits", "99999999999999999999", "json.number-range");
        } else if (raw == LocalDate.class || raw == YearMonth.class) {
            field(op, body, at, pointer, "an object", "{\"newName\":\"X\"}", "json.wrong-type");
            field(op, body, at, pointer, "an array", "[2026,1,1]", "json.wrong-type");
            field(op, body, at, pointer, "a number", "20260101", "json.wrong-type");
            field(op, body, at, pointer, "a boolean", "false", "json.wrong-type");
            field(op, body, at, pointer, "no date", "\"soon\"", "json.invalid-value");
            field(op, body, at, pointer, "an impossible date", raw == LocalDate.class ? "\"31/2/2026\"" : "\"13/2026\"",
                    "json.invalid-value");
        } else if (raw.isEnum()) {
            field(op, body, at, pointer, "a number", "0", Set.of("json.wrong-type", "json.invalid-value"));
            field(op, body, at, pointer, "an unknown name", "\"NOPE\"", Set.of("json.invalid-value"));
            field(op, body, at, pointer, "an object", "{}", Set.of("json.wrong-type"));
            field(op, body, at, pointer, "an array", "[]", Set.of("json.wrong-type"));
        } else if (raw == List.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            field(op, body, at, pointer, "a string", "\"A\"", "json.wrong-type");
            field(op, body, at, pointer, "an object", "{}", "json.wrong-type");
            field(op, body, at, pointer, "a number", "1", "json.wrong-type");
            List<Object> many = new ArrayList<>();
            Object one = sampleOf(item);
            for (int i = 0; i <= maxListItems; i++) {
                many.add(one);
            }
            field(op, body, at, pointer, (maxListItems + 1) + " items", text(many), "input.list.too-long");
            if (deep) {
                List<Object> first = new ArrayList<>(at);
                first.add(0);
                mutate(op, body, first, pointer + "/0", item, raw(item).isRecord());
            }
        } else if (raw.isRecord()) {
            field(op, body, at, pointer, "a string", "\"A\"", "json.wrong-type");
            field(op, body, at, pointer, "an array", "[]", "json.wrong-type");
            field(op, body, at, pointer, "a number", "7", "json.wrong-type");
            Map<String, Object> withUnknown = new LinkedHashMap<>(sample(raw));
            withUnknown.put("injected", 1);
            field(op, body, at, pointer, "an unknown nested field", text(withUnknown), Set.of("json.unknown-field"),
                    pointer + "/injected");
            if (deep) {
                for (RecordComponent c : raw.getRecordComponents()) {
                    List<Object> inner = new ArrayList<>(at);
                    inner.add(c.getName());
                    mutate(op, body, inner, pointer + "/" + c.getName(), c.getGenericType(), true);
                }
            }
        } else {
            throw new IllegalStateException("no hostile values for " + type + " at " + pointer + " of " + op.name
                    + ": teach the hostile-input suite this type");
        }
    }

    /** A string field: wrong types, every forbidden kind of character, too long, broken UTF-8. */
    private void text(Op op, Map<String, Object> body, List<Object> at, String pointer, boolean all) {
        field(op, body, at, pointer, "a number", "42", "json.wrong-type");
        field(op, body, at, pointer, "an object", "{\"a\":1}", "json.wrong-type");
        field(op, body, at, pointer, "NUL", "\"a\\u0000b\"", TextRules.CONTROL);
        field(op, body, at, pointer, "U+202E", "\"abc\u202Efdp.exe\"", TextRules.BIDI);
        field(op, body, at, pointer, "a lone high surrogate", "\"a\\ud800b\"", TextRules.LONE_SURROGATE);
        bytes(op, body, at, pointer, "an encoded surrogate (CESU-8)", new byte[]{'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        if (!all) {
            return;
        }
        field(op, body, at, pointer, "an array", "[\"a\"]", "json.wrong-type");
        field(op, body, at, pointer, "a boolean", "true", "json.wrong-type");
        field(op, body, at, pointer, "ESC", "\"\\u001b[2J\"", TextRules.CONTROL);
        field(op, body, at, pointer, "a C1 control", "\"a\u0085b\"", TextRules.CONTROL);
        field(op, body, at, pointer, "a lone CR", "\"a\\rb\"", TextRules.CONTROL);
        field(op, body, at, pointer, "U+2067", "\"\\u2067x\\u2069\"", TextRules.BIDI);
        field(op, body, at, pointer, "U+200F", "\"x\\u200F\"", TextRules.BIDI);
        field(op, body, at, pointer, "a lone low surrogate", "\"\\udc00\"", TextRules.LONE_SURROGATE);
        field(op, body, at, pointer, "a reversed pair", "\"\\udc00\\ud800\"", TextRules.LONE_SURROGATE);
        field(op, body, at, pointer, (maxStringChars + 1) + " characters", "\"" + "a".repeat(maxStringChars + 1) + "\"",
                TextRules.TOO_LONG);
        bytes(op, body, at, pointer, "a byte 0xFF", new byte[]{'x', (byte) 0xFF});
        bytes(op, body, at, pointer, "an overlong '/'", new byte[]{(byte) 0xC0, (byte) 0xAF});
    }

    private void field(Op op, Map<String, Object> body, List<Object> at, String pointer, String what, String value,
                       String rule) {
        field(op, body, at, pointer, what, value, Set.of(rule), pointer);
    }

    private void field(Op op, Map<String, Object> body, List<Object> at, String pointer, String what, String value,
                       Set<String> rules) {
        field(op, body, at, pointer, what, value, rules, pointer);
    }

    private void field(Op op, Map<String, Object> body, List<Object> at, String pointer, String what, String value,
                       Set<String> rules, String expectedPointer) {
        String template = text(replace(body, at, MUTATION));
        String mutated = template.replace("\"" + MUTATION + "\"", value);
        add(op.name, pointer + " ← " + what, op.user, op.path, "application/json", utf8(mutated), 400, rules,
                expectedPointer);
    }

    private void bytes(Op op, Map<String, Object> body, List<Object> at, String pointer, String what, byte[] raw) {
        String template = text(replace(body, at, MUTATION));
        int cut = template.indexOf(MUTATION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(template.substring(0, cut)));
        out.writeBytes(raw);
        out.writeBytes(utf8(template.substring(cut + MUTATION.length())));
        add(op.name, pointer + " ← " + what, op.user, op.path, "application/json", out.toByteArray(), 400,
                Set.of("text.invalid-utf8"), pointer);
    }

    // ---- samples ----

    private Map<String, Object> sample(Class<?> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            out.put(c.getName(), sampleOf(c.getGenericType()));
        }
        return out;
    }

    private Object sampleOf(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return "A";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return 1;
        }
        if (raw == LocalDate.class) {
            return "2026-03-25";
        }
        if (raw == YearMonth.class) {
            return "2026-04";
        }
        if (raw.isEnum()) {
            return ((Enum<?>) raw.getEnumConstants()[0]).name();
        }
        if (raw == List.class) {
            return List.of(sampleOf(((ParameterizedType) type).getActualTypeArguments()[0]));
        }
        if (raw.isRecord()) {
            return sample(raw);
        }
        throw new IllegalStateException("no sample value for " + type + ": teach the hostile-input suite this type");
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static List<Object> pathOf(String pointer) {
        List<Object> out = new ArrayList<>();
        for (String part : pointer.substring(1).split("/")) {
            out.add(part);
        }
        return out;
    }

    /** A deep copy of {@code body} with the value at {@code at} replaced. */
    @SuppressWarnings("unchecked")
    private static Object replace(Object node, List<Object> at, Object value) {
        if (at.isEmpty()) {
            return value;
        }
        Object key = at.get(0);
        List<Object> rest = at.subList(1, at.size());
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put((String) key, replace(copy.get(key), rest, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) node);
        int i = (Integer) key;
        copy.set(i, replace(copy.get(i), rest, value));
        return copy;
    }

    private byte[] sampleBytes(Map<String, Object> body) {
        return utf8(text(body));
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- collecting ----

    private void add(Op op, String name, String body, int status, String rule, String pointer) {
        add(op, name, body, status, Set.of(rule), pointer);
    }

    private void add(Op op, String name, String body, int status, Set<String> rules, String pointer) {
        add(op.name, name, op.user, op.path, "application/json", utf8(body), status, rules, pointer);
    }

    private void add(String operation, String name, String user, String path, String contentType, byte[] body,
                     int status, Set<String> rules, String pointer) {
        add(operation, name, user, path, contentType, body, false, status, rules, pointer);
    }

    private void add(String operation, String name, String user, String path, String contentType, byte[] body,
                     boolean chunked, int status, Set<String> rules, String pointer) {
        cases.add(new HostileCase(operation, name, user, path, contentType, body, chunked, status, rules, pointer));
    }
}

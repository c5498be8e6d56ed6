package vn.ledger.api.history;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/** Builds the API's paths (path segments URL-encoded). */
public final class Paths {

    private Paths() {
    }

    public static String seg(String s) {
        return UriUtils.encodePathSegment(s, StandardCharsets.UTF_8);
    }

    public static String bodyHistory(String code) {
        return "/api/bodies/" + seg(code) + "/history";
    }

    public static String directiveHistory(String id) {
        return "/api/directives/" + seg(id) + "/history";
    }

    public static String taskHistory(String taskId) {
        int slash = taskId.indexOf('/');
        return "/api/tasks/" + seg(taskId.substring(0, slash)) + "/" + seg(taskId.substring(slash + 1)) + "/history";
    }
}

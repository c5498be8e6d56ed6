package vn.ledger.api.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last-resort error report (a request refused before it reached the application: invalid characters in
 * the URL, an encoded slash, a malformed header...) as problem+json instead of Tomcat's HTML page. Tomcat builds
 * this valve by its class name, so it holds no Spring bean and writes the few fields by hand.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = org.springframework.http.HttpStatus.resolve(status) == null ? "Error"
                : org.springframework.http.HttpStatus.resolve(status).getReasonPhrase();
        String json = "{\"type\":\"" + Problems.TYPE_PREFIX + "http." + status + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"The request was refused before it reached the "
                + "application (malformed path, characters or headers).\",\"rule\":\"http." + status + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}

package dev.copydesk.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.ExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import dev.copydesk.shared.Problems;
import dev.copydesk.shared.RequestIds;

/**
 * Tomcat's own error page, as a problem document. Tomcat answers some requests before any of our
 * code runs: a request line with invalid characters, {@code %00} or {@code %5C} in the path, bad
 * percent-encoding, headers over the size limit. Its {@link ErrorReportValve} would write an HTML
 * page; this one writes {@code application/problem+json} with the status, a generic detail and a
 * fresh request id (the request never reached {@link RequestIds}), never the URI or a stack trace.
 * Errors the application already answered (anything with a body) are left alone.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem(status, requestId));
        } catch (JsonProcessingException e) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(RequestIds.HEADER, requestId);
        } catch (Throwable t) {
            ExceptionUtils.handleThrowable(t);
        }
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to do
        }
    }

    static Map<String, Object> problem(int status, String requestId) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String detail = switch (status) {
            case 400 -> "The request could not be read: its path, query, encoding or headers are not valid";
            case 404 -> "There is nothing at this address";
            case 413 -> "The request is larger than allowed";
            case 414 -> "The request address is too long";
            case 431 -> "The request headers are too large";
            default -> code.is5xxServerError()
                    ? "Something went wrong on our side; the request id identifies it in our logs"
                    : HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase() : "Error";
        };
        ProblemDetail problem = Problems.of(code, detail);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", problem.getType().toString());
        out.put("title", problem.getTitle());
        out.put("status", status);
        out.put("detail", detail);
        out.put(RequestIds.MDC_KEY, requestId);
        return out;
    }
}

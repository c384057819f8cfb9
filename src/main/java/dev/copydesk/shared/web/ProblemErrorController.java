package dev.copydesk.shared.web;



import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.shared.Problems;
import dev.copydesk.shared.RequestIds;

/**
 * Replaces Spring Boot's whitelabel/JSON error page: whatever the servlet container forwards to
 * {@code /error} (errors raised in filters, by Tomcat, or outside MVC) is answered as a problem
 * document without internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (resolved.is5xxServerError() && failure instanceof Throwable t) {
            log.error("Unhandled failure on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        }
        if (failure instanceof Throwable t && BodyTooLarge.isCause(t)) {
            resolved = HttpStatus.PAYLOAD_TOO_LARGE;
        }
        String detail = switch (resolved.value()) {
            case 404 -> "There is nothing at this address";
            case 413 -> "The request body is larger than allowed";
            default -> resolved.is5xxServerError()
                    ? "Something went wrong on our side; the request id identifies it in our logs"
                    : resolved.getReasonPhrase();
        };
        ProblemDetail problem = Problems.of(resolved, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String s) {
            try {
                problem.setInstance(java.net.URI.create(s));
            } catch (IllegalArgumentException ignored) {
                // a path that is not a valid URI is simply not echoed
            }
        }
        RequestIds.addTo(problem);
        return ResponseEntity.status(resolved).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}

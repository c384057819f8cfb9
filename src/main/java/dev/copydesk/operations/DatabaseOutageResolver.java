package dev.copydesk.operations;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a database outage raised in a controller (directly, through JPA or through the engine) into
 * a 503 problem document. It is a resolver ahead of all {@code @RestControllerAdvice}s rather than
 * one more advice: the engine's advice also claims {@code HIGHEST_PRECEDENCE} and catches every
 * {@code ProcessEngineException}, so an advice could not be ordered reliably before it, and a
 * resolver can look at the whole cause chain first. Everything else passes on untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageResolver implements HandlerExceptionResolver {

    private final DatabaseOutage outage;

    DatabaseOutageResolver(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!DatabaseOutage.isOutage(ex)) {
            return null;
        }
        try {
            outage.answer(request, response, ex);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}

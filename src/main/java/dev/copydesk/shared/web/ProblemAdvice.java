package dev.copydesk.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.DomainException;
import dev.copydesk.shared.ForbiddenException;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.Problems;
import dev.copydesk.shared.RequestIds;
import dev.copydesk.shared.Problems.FieldError;
import dev.copydesk.shared.TextHygiene;
import dev.copydesk.shared.TooManyRequestsException;

/**
 * The one place where exceptions become {@code application/problem+json}. Details never carry
 * stack traces, SQL or class names; unexpected failures are logged with the request id and
 * answered with a generic 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Jackson's message for a key seen twice in one object (strict duplicate detection). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem;
        if (e instanceof NotFoundException) {
            problem = Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
        } else if (e instanceof ConflictException c) {
            problem = Problems.of(HttpStatus.CONFLICT, e.getMessage());
            if (c.currentStatus() != null) {
                problem.setProperty("currentStatus", c.currentStatus());
            }
            if (c.currentVersion() != null) {
                problem.setProperty("currentVersion", c.currentVersion());
            }
        } else if (e instanceof ForbiddenException) {
            problem = Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
        } else if (e instanceof InvalidRequestException i) {
            problem = Problems.invalid(e.getMessage(), i.errors());
        } else if (e instanceof TooManyRequestsException t) {
            problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, t.retryAfter().toSeconds())));
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return respond(problem, headers);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class})
    ResponseEntity<Object> staleWrite(Exception e) {
        return respond(Problems.of(HttpStatus.CONFLICT,
                "The object was changed by someone else at the same time; reload it and try again"), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation answered with 409: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return respond(Problems.of(HttpStatus.CONFLICT, "The request conflicts with existing data"), null);
    }

    @ExceptionHandler(LenientBinding.InvalidBody.class)
    ResponseEntity<Object> invalidBody(LenientBinding.InvalidBody e) {
        return respond(Problems.invalid("The request has invalid fields", e.errors()), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(LenientBinding.ORDER)
                .toList();
        return respond(Problems.invalid("The request has invalid fields", errors), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + Arrays.toString(e.getRequiredType().getEnumConstants())
                : "a valid value";
        return respond(Problems.invalid("Parameter '" + e.getName() + "' is invalid",
                List.of(new FieldError(e.getName(), "must be " + expected))), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this"), null);
    }

    @ExceptionHandler({AuthenticationCredentialsNotFoundException.class, AuthenticationException.class})
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, "Authentication is required"), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the request id identifies it in our logs"), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.invalid("The request has invalid fields", fieldErrors(ex.getBindingResult())), null);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new FieldError(
                    name == null ? "parameter" : name, err.getDefaultMessage())));
        });
        errors.sort(LenientBinding.ORDER);
        return respond(Problems.invalid("The request has invalid parameters", errors), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (BodyTooLarge.isCause(ex)) {
            return respond(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than allowed"), null);
        }
        if (cause instanceof TextHygiene.RefusedText r) {
            return respond(Problems.invalid("The request has a field with invalid text",
                    List.of(new FieldError(path(r), r.reason()))), null);
        }
        if (cause instanceof StreamReadException parse && parse.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            if (duplicate.matches()) {
                return respond(Problems.invalid("The request has a field twice",
                        List.of(new FieldError(duplicatePath(parse, duplicate.group(1)), "appears more than once"))),
                        null);
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return respond(Problems.invalid("The request has an unknown field",
                    List.of(new FieldError(path(u), "is not a known field"))), null);
        }
        if (cause instanceof InvalidFormatException f) {
            String message = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                    : "has the wrong type or format";
            return respond(Problems.invalid("The request has a field of the wrong type",
                    List.of(new FieldError(path(f), message))), null);
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return respond(Problems.invalid("The request has a field of the wrong type",
                    List.of(new FieldError(path(m), "has the wrong type"))), null);
        }
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "The request body is missing"
                : "The request body is not valid JSON";
        return respond(Problems.invalid(detail, List.of(new FieldError("body", detail))), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders out = new HttpHeaders();
        if (ex.getSupportedHttpMethods() != null) {
            out.setAllow(ex.getSupportedHttpMethods());
        }
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                "Method " + ex.getMethod() + " is not allowed here"), out);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC exceptions (404 no handler, 415, 406, missing parameter ...): keep the
        // status, give them our problem type and a detail without internals.
        String detail = body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail()
                : HttpStatus.resolve(statusCode.value()) != null
                        ? HttpStatus.resolve(statusCode.value()).getReasonPhrase() : "Error";
        if (statusCode.value() == 404) {
            detail = "There is nothing at this address";
        }
        return respond(Problems.of(statusCode, detail), headers);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        RequestIds.addTo(problem);
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, problem.getStatus());
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        result.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        errors.sort(LenientBinding.ORDER);
        return errors;
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return joined.isEmpty() ? "body" : joined;
    }

    /** Where a duplicated key is: its parents' names from the parser, then the key ("author.name"). */
    private static String duplicatePath(StreamReadException e, String name) {
        JsonParser parser = e.getProcessor();
        if (parser == null || parser.getParsingContext() == null) {
            return name;
        }
        List<String> names = new ArrayList<>();
        // the context is the object holding the duplicate; its parents lead to the root
        for (JsonStreamContext c = parser.getParsingContext().getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                names.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        names.add(name);
        return String.join(".", names).replace(".[", "[");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

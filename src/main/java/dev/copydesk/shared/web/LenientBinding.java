package dev.copydesk.shared.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.util.ClassUtil;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dev.copydesk.shared.Problems.FieldError;

/**
 * Reads a JSON request body leniently so that one answer names every wrong field: while a body is
 * read, an enum value that does not exist, a value of the wrong type or an unknown key is noted
 * (and the field left empty) instead of failing on the first one. After the read, if anything was
 * noted, Bean Validation runs on what was read, and both lists together, sorted by field path,
 * become one {@link InvalidBody} (400). Outside the reading of a request body Jackson behaves as
 * configured (the handler only acts while a request carries the list).
 */
@ControllerAdvice
public class LenientBinding extends RequestBodyAdviceAdapter {

    private static final String NOTED = LenientBinding.class.getName() + ".noted";

    /** Field path order, then message, so the same body gets the same answer every time. */
    public static final Comparator<FieldError> ORDER = Comparator
            .comparing(FieldError::field, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(FieldError::message, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private final ObjectProvider<jakarta.validation.Validator> validator;

    LenientBinding(ObjectProvider<jakarta.validation.Validator> validator) {
        this.validator = validator;
    }

    @Bean
    static Jackson2ObjectMapperBuilderCustomizer lenientBindingHandler() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new NoteProblems()));
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(NOTED, new ArrayList<FieldError>(), RequestAttributes.SCOPE_REQUEST);
        }
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldError> noted = takeNoted();
        if (noted.isEmpty()) {
            return body;
        }
        List<FieldError> errors = new ArrayList<>(noted);
        Object[] groups = groups(parameter);
        jakarta.validation.Validator jakarta = validator.getIfAvailable();
        if (groups != null && jakarta != null && body != null) {
            BeanPropertyBindingResult result = new BeanPropertyBindingResult(body, "body");
            new SpringValidatorAdapter(jakarta).validate(body, result, groups);
            Set<String> broken = noted.stream().map(e -> base(e.field())).collect(Collectors.toSet());
            result.getFieldErrors().stream()
                    .filter(f -> !broken.contains(base(f.getField())))
                    .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
            result.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        }
        errors.sort(ORDER);
        throw new InvalidBody(errors);
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        takeNoted();
        return body;
    }

    /** The validation groups the parameter asks for, or null when it is not validated. */
    private static Object[] groups(MethodParameter parameter) {
        Validated validated = parameter.getParameterAnnotation(Validated.class);
        if (validated != null) {
            return validated.value();
        }
        return parameter.hasParameterAnnotation(Valid.class) ? new Object[0] : null;
    }

    /** "roles[0]" and "roles[]" are both about "roles". */
    private static String base(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> noted() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null
                : (List<FieldError>) attributes.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
    }

    private static List<FieldError> takeNoted() {
        List<FieldError> noted = noted();
        RequestContextHolder.currentRequestAttributes().removeAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
        return noted == null ? List.of() : noted;
    }

    /** Every wrong field of a request body, in field path order. */
    public static final class InvalidBody extends RuntimeException {

        private final transient List<FieldError> errors;

        InvalidBody(List<FieldError> errors) {
            super("The request has invalid fields", null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Notes a problem on the request's list and goes on reading; does nothing without a list. */
    static final class NoteProblems extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            List<FieldError> noted = noted();
            if (noted == null) {
                return false;
            }
            noted.add(new FieldError(unknownPath(p, propertyName), "is not a known field"));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return note(ctxt.getParser(), targetType, wrongValue(targetType));
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            return note(ctxt.getParser(), targetType, wrongValue(targetType));
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                JsonParser p, String failureMsg) throws IOException {
            // an object or array where a scalar belongs stays a hard failure (one error): some
            // deserializers go on reading the structure after the handler, so it cannot be skipped
            if (noted() == null || t == null || t.isStructStart() || t.isStructEnd()) {
                return NOT_HANDLED;
            }
            return note(p, targetType.getRawClass(), wrongValue(targetType.getRawClass()));
        }

        private static String wrongValue(Class<?> targetType) {
            return targetType != null && targetType.isEnum()
                    ? "must be one of " + Arrays.toString(targetType.getEnumConstants())
                    : "has the wrong type";
        }

        private static Object note(JsonParser p, Class<?> targetType, String message) {
            List<FieldError> noted = noted();
            if (noted == null || p == null) {
                return NOT_HANDLED;
            }
            noted.add(new FieldError(path(p), message));
            return targetType != null && targetType.isPrimitive() ? ClassUtil.defaultValue(targetType) : null;
        }

        /**
         * The path of an unknown key: the object context naming it, and that object's parents.
         * (A creator may replay buffered tokens, whose context is not the document's; then the
         * key alone.)
         */
        private static String unknownPath(JsonParser p, String propertyName) {
            if (p.getParsingContext() instanceof com.fasterxml.jackson.databind.util.TokenBufferReadContext) {
                return propertyName; // its contexts lead back into the live parser's, a field further on
            }
            for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
                if (c.inObject() && propertyName.equals(c.getCurrentName())) {
                    return join(c);
                }
            }
            return propertyName;
        }

        /** The path of the value the parser is on: "roles[0]", "author.name". */
        private static String path(JsonParser p) {
            JsonStreamContext context = p.getParsingContext();
            JsonToken token = p.currentToken();
            if (context != null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
                context = context.getParent(); // the value is itself an object or array: name it from outside
            }
            return join(context);
        }

        private static String join(JsonStreamContext context) {
            List<String> names = new ArrayList<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    names.add(0, c.getCurrentName());
                } else if (c.inArray()) {
                    names.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
                }
            }
            String joined = String.join(".", names).replace(".[", "[");
            return joined.isEmpty() ? "body" : joined;
        }
    }
}

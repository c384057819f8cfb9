package dev.copydesk.support;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every (method, path pattern) the running application serves, read from the application itself
 * rather than written down: Spring MVC's handler mappings (our controllers, the actuator, the API
 * document), the static files, every servlet the container has registered besides Spring's own (the
 * Camunda web apps' APIs, the engine REST API when it is on), and the engine REST API's JAX-RS
 * resources, walked through their sub-resource locators, under both places they can be mounted.
 */
public final class ServedEndpoints {

    /** One thing to try: an HTTP method on a path pattern ({@code {placeholders}} still in it). */
    public record Endpoint(String method, String pattern, String source) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            int byPattern = pattern.compareTo(other.pattern);
            return byPattern != 0 ? byPattern : method.compareTo(other.method);
        }
    }

    private static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private ServedEndpoints() {
    }

    public static Set<Endpoint> of(ApplicationContext context) {
        Set<Endpoint> endpoints = new TreeSet<>();
        mvc(context, endpoints);
        staticFiles(endpoints);
        ServletContext servlets = context.getBean(ServletContext.class);
        for (ServletRegistration registration : servlets.getServletRegistrations().values()) {
            for (String mapping : registration.getMappings()) {
                if (mapping.equals("/") || mapping.startsWith("*.")) {
                    continue;
                }
                String base = mapping.endsWith("/*") ? mapping.substring(0, mapping.length() - 2) : mapping;
                for (String method : ALL_METHODS) {
                    endpoints.add(new Endpoint(method, base + "/", "servlet " + registration.getName()));
                }
            }
        }
        // The engine REST API's resources, where its servlet would be and inside the web apps' API.
        engineRest("/engine-rest", false, endpoints);
        engineRest("/camunda/api/engine", true, endpoints);
        // The web apps' pages and their own login.
        for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
            endpoints.add(new Endpoint("GET", "/camunda/app/" + app + "/default/", "camunda web app"));
            endpoints.add(new Endpoint("POST", "/camunda/api/admin/auth/user/default/login/" + app, "camunda web app login"));
        }
        endpoints.add(new Endpoint("GET", "/camunda/api/admin/auth/user/default", "camunda web app"));
        return endpoints;
    }

    private static void mvc(ApplicationContext context, Set<Endpoint> endpoints) {
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> patterns = info.getPatternValues();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Collection<String> names = methods.isEmpty() ? ALL_METHODS
                        : methods.stream().map(RequestMethod::name).filter(ALL_METHODS::contains).toList();
                for (String pattern : patterns) {
                    for (String method : names) {
                        endpoints.add(new Endpoint(method, pattern, "mvc"));
                    }
                }
            }
        }
    }

    private static void staticFiles(Set<Endpoint> endpoints) {
        try {
            String root = "classpath:/static/";
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(root + "**/*")) {
                String url = resource.getURL().toString();
                int at = url.indexOf("/static/");
                if (resource.isReadable() && at >= 0 && !url.endsWith("/")) {
                    endpoints.add(new Endpoint("GET", url.substring(at + "/static".length()), "static"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine REST API's resources under {@code prefix}; the web apps mount only the named engines. */
    private static void engineRest(String prefix, boolean namedEnginesOnly, Set<Endpoint> endpoints) {
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            Path root = path(resource);
            if (root != null && (!namedEnginesOnly || slash(root.value()).equals("/engine"))) {
                walk(resource, prefix + slash(root.value()), endpoints, 0);
            }
        }
    }

    private static void walk(Class<?> type, String base, Set<Endpoint> endpoints, int depth) {
        if (depth > 4) {
            return;
        }
        for (Method method : methods(type)) {
            Path path = method.getAnnotation(Path.class);
            String full = base + (path == null ? "" : slash(path.value()));
            String http = httpMethod(method);
            if (http != null) {
                if (ALL_METHODS.contains(http)) {
                    endpoints.add(new Endpoint(http, full.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"), "engine rest"));
                }
            } else if (path != null && !method.getReturnType().isPrimitive()) {
                walk(method.getReturnType(), full, endpoints, depth + 1);
            }
        }
    }

    /** Methods declared on the type and on every interface it implements (JAX-RS puts them there). */
    private static List<Method> methods(Class<?> type) {
        Set<Class<?>> types = new LinkedHashSet<>();
        collect(type, types);
        List<Method> methods = new ArrayList<>();
        for (Class<?> each : types) {
            for (Method method : each.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Path.class) || httpMethod(method) != null) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    private static void collect(Class<?> type, Set<Class<?>> types) {
        if (type == null || type == Object.class || !types.add(type)) {
            return;
        }
        for (Class<?> each : type.getInterfaces()) {
            collect(each, types);
        }
        collect(type.getSuperclass(), types);
    }

    private static Path path(Class<?> type) {
        Set<Class<?>> types = new LinkedHashSet<>();
        collect(type, types);
        return types.stream().map(t -> t.getAnnotation(Path.class)).filter(p -> p != null).findFirst().orElse(null);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String slash(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }
}

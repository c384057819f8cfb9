package dev.copydesk.shared.process;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.springframework.beans.factory.BeanFactory;

/**
 * The first resolver of every BPMN and DMN expression: it refuses the ways out of the process that
 * need no bean name. {@code ${execution.processEngine.processEngineConfiguration.dataSource...}}
 * would reach the database, {@code ${''.getClass().forName(...)}} any class, and
 * {@code ${execution.processEngineServices...}} every engine service. Neither our processes nor
 * their delegates' expressions need any of that: they name delegates and read variables.
 */
final class ExpressionGuard extends ELResolver {

    private static final Set<String> FORBIDDEN_NAMES = Set.of("class", "classloader", "processengine",
            "processengineservices", "processengineconfiguration", "datasource", "connection", "runtime",
            "applicationcontext", "beanfactory", "forname", "loadclass", "newinstance", "exec", "invoke",
            "getmethod", "getdeclaredmethod", "getmethods", "getdeclaredmethods", "getfield",
            "getdeclaredfield", "getconstructor", "getdeclaredconstructor");

    private static final Set<Class<?>> FORBIDDEN_BASES = Set.of(Class.class, ClassLoader.class, Runtime.class,
            ProcessBuilder.class, Thread.class, System.class, ProcessEngineServices.class,
            ProcessEngineConfiguration.class, javax.sql.DataSource.class, java.sql.Connection.class,
            java.sql.Statement.class, BeanFactory.class);

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null && (forbiddenBase(base) || forbiddenName(method))) {
            throw new MethodNotFoundException("Not allowed in a Copydesk process expression: " + method);
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        check(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    private static void check(Object base, Object property) {
        if (base != null && (forbiddenBase(base) || forbiddenName(property))) {
            throw new PropertyNotFoundException("Not allowed in a Copydesk process expression: " + property);
        }
    }

    private static boolean forbiddenName(Object name) {
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        String bare = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n;
        return FORBIDDEN_NAMES.contains(n) || FORBIDDEN_NAMES.contains(bare);
    }

    private static boolean forbiddenBase(Object base) {
        for (Class<?> type : FORBIDDEN_BASES) {
            if (type.isInstance(base)) {
                return true;
            }
        }
        return base.getClass().getName().startsWith("java.lang.reflect.");
    }
}

package dev.copydesk.shared.process;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine as Copydesk runs it, with the doors of Camunda 7's security checklist shut that our
 * processes do not use (docs/security.md, "The workflow engine"):
 * <ul>
 * <li>Expressions in BPMN and DMN see only delegates, listeners and beans marked
 * {@link ExposedToProcesses}; by default Camunda's Spring integration lets {@code ${anyBean}} reach
 * every bean of the application, {@code jdbcTemplate} included. {@link ExpressionGuard} also
 * refuses the ways around that need no bean name (the engine behind {@code execution}, classes,
 * reflection, data sources).</li>
 * <li>No expressions in ad-hoc or stored task queries (a query parameter is not code).</li>
 * <li>No Java-serialized variable values from outside (a client cannot hand the engine bytes to
 * deserialize), and type validation of whatever is deserialized.</li>
 * <li>No script engines: deployments with script tasks are refused, and any other script (a
 * condition, a listener, an input mapping) finds no engine to run it.</li>
 * </ul>
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    EngineHardening(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExpressionBeans beans = new ExpressionBeans(context);
        configuration.setBeans(beans);
        // Spring's factory bean created the expression manager before any plugin ran, with no bean
        // map, which lets expressions resolve every bean; replace it with one bound to the map.
        configuration.setExpressionManager(new GuardedExpressionManager(context, beans));
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.getCustomPreBPMNParseListeners().add(new NoScriptTasks());
    }

    /**
     * The beans expressions may name, read from the application context on first use (the engine is
     * built while the context is still starting, before the delegates exist).
     */
    static final class ExpressionBeans extends AbstractMap<Object, Object> {
        private final ApplicationContext context;
        private volatile Set<String> names;

        ExpressionBeans(ApplicationContext context) {
            this.context = context;
        }

        Set<String> names() {
            Set<String> known = names;
            if (known == null) {
                Set<String> collected = new LinkedHashSet<>();
                for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
                    collected.addAll(Arrays.asList(context.getBeanNamesForType(type, false, false)));
                }
                collected.addAll(Arrays.asList(context.getBeanNamesForAnnotation(ExposedToProcesses.class)));
                known = Collections.unmodifiableSet(collected);
                names = known;
            }
            return known;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names().contains(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names().stream()
                    .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** Spring's expression manager bound to the bean map, with {@link ExpressionGuard} in front. */
    static final class GuardedExpressionManager extends SpringExpressionManager {
        GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
            super(context, beans);
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new ExpressionGuard());
            resolver.add(super.createElResolver());
            return resolver;
        }
    }

    /** No language has an engine: a script anywhere in a process fails instead of running. */
    static final class NoScriptEngines implements ScriptEngineResolver {
        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            throw new ProcessEngineException("Script engines are turned off in Copydesk");
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return new ScriptEngineManager(null);
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }

    /** Refuses a deployment that has a script task, at parse time, so it never reaches the database. */
    static final class NoScriptTasks extends AbstractBpmnParseListener {
        @Override
        public void parseScriptTask(Element scriptTaskElement, ScopeImpl scope, ActivityImpl activity) {
            // A parse error: the deployment fails as invalid (the REST API answers 400), like any other.
            throw new BpmnParseException("Script tasks are not allowed in Copydesk processes: "
                    + activity.getId(), scriptTaskElement);
        }
    }
}

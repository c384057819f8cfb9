package dev.copydesk.shared.process;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} in its system property before the engine starts, unless
 * the operator named one.
 *
 * <p>The engine parses every timer's ISO 8601 duration (the comment queue's SLA, the review SLA) with
 * a {@code DatatypeFactory} that it asks JAXP for anew each time ({@code DurationHelper}). With the
 * property unset, JAXP looks for a provider on the whole class path on every call, reading each jar's
 * {@code META-INF/services}: 2.9% of a held comment's CPU on the request thread in the profile of
 * docs/benchmarks.md. With it set, JAXP loads the named class at once, the same class it falls back
 * to after the search (no jar of ours provides another).
 */
@Component
class TimerDurations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        nameJdkDatatypeFactory();
    }

    /** Sets the property to the JDK's factory when it is unset; returns the factory class JAXP will use. */
    static String nameJdkDatatypeFactory() {
        synchronized (System.getProperties()) {
            if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
                System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                        DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
            }
            return System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        }
    }
}

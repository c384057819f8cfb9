package dev.copydesk.shared.process;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Before the engine starts, names in its system property the {@link DatatypeFactory} that JAXP finds,
 * so that JAXP does not look for it again on every timer.
 *
 * <p>The engine parses every timer's ISO 8601 duration (the comment queue's SLA, the review SLA) with
 * a {@code DatatypeFactory} that it asks JAXP for anew each time ({@code DurationHelper}). With the
 * property unset, JAXP looks for a provider on the whole class path on every call, reading each jar's
 * {@code META-INF/services}: 2.9% of a held comment's CPU on the request thread in the profile of
 * docs/benchmarks.md. Here JAXP looks once, by its own rules (the property, {@code jaxp.properties},
 * the service providers on the class path, then the JDK's own), and the property then names what it
 * found; a property the operator set is left as it is.
 */
@Component
class TimerDurations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        nameTheFoundDatatypeFactory();
    }

    /** Sets the property, when unset, to the class JAXP finds; returns the class it names (null when JAXP finds none). */
    static String nameTheFoundDatatypeFactory() {
        synchronized (System.getProperties()) {
            if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
                try {
                    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.newInstance().getClass().getName());
                } catch (DatatypeConfigurationException none) {
                    // left unset: the engine meets the same failure at its first timer, as it would without this
                }
            }
            return System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        }
    }
}

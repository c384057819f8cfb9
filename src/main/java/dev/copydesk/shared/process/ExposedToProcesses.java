package dev.copydesk.shared.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN or DMN expressions may name although it is not a delegate or a
 * listener (for example a bean that computes a timer's duration). Every other bean stays invisible
 * to expressions; see {@link EngineHardening}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExposedToProcesses {
}

/**
 * Running Copydesk in production: health, metrics, the database-outage answer, OpenAPI, and
 * housekeeping jobs (retention of private data). Other modules use its small public API
 * ({@link dev.copydesk.operations.WorkflowMetrics}, {@link dev.copydesk.operations.QueueDepthSource},
 * {@link dev.copydesk.operations.PrivateDataEraser}) and never its internals.
 */
@ApplicationModule(allowedDependencies = {"shared", "shared :: web", "shared :: process", "shared :: outbound"})
package dev.copydesk.operations;

import org.springframework.modulith.ApplicationModule;

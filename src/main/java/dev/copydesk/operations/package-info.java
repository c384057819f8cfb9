/**
 * Running Copydesk in production: health, metrics, the database-outage answer, OpenAPI, and
 * housekeeping jobs (retention of private data). Other modules use its small public API
 * ({@link dev.copydesk.operations.WorkflowMetrics}, {@link dev.copydesk.operations.QueueDepthSource},
 * {@link dev.copydesk.operations.PrivateDataEraser}) and never its internals.
 */
package dev.copydesk.operations;
